// Resizes the page while it plays, and types out-of-range batch sizes, and reports what it did: steps before/after, console errors, and
// whether the charts are still painted at the new size, and what the batch-size field and messages show.
//   node tests/e2e/bench/hostile.mjs [dist-dir]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, '../../../dist'));
const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
});
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: dist, stdio: 'ignore' });
for (let i = 0; i < 50; i++) {
  try { await fetch(`http://127.0.0.1:${port}/`); break; } catch { await new Promise((r) => setTimeout(r, 200)); }
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0);
const steps = async () => Number(await page.getByTestId('step-count').textContent());
const canvasWidth = () => page.getByTestId('live-loss').evaluate((el) => {
  const c = el.tagName === 'CANVAS' ? el : el.querySelector('canvas');
  return c ? c.width : -1;
});
await page.getByTestId('live-loss').scrollIntoViewIfNeeded();
await page.getByTestId('play').click();
await page.waitForTimeout(1500);
const s0 = await steps();
for (const [w, h] of [[360, 740], [1920, 1080], [800, 600], [1280, 720]]) {
  await page.setViewportSize({ width: w, height: h });
  await page.waitForTimeout(500);
  console.log(`resized to ${w}×${h}: step ${await steps()}, loss chart canvas ${await canvasWidth()} px wide`);
}
console.log(`steps: ${s0} before resizing, ${await steps()} after`);
await page.getByTestId('play').click(); // pause
await page.waitForTimeout(300);
console.log(`batch-size field: ${await page.getByTestId('set-batch-size').evaluate((e) =>
  `${e.disabled ? 'disabled' : 'enabled'}, ${e.offsetParent ? 'shown' : 'not shown'}`)}`);
const batch = page.getByTestId('set-batch-size');
for (const typed of ['-5', '1e9', '2.5', '0']) {
  await batch.fill(typed);
  await batch.press('Enter');
  await batch.blur();
  await page.waitForTimeout(300);
  const status = await page.locator('[role=alert], [role=status]').allTextContents();
  console.log(`batch size typed ${JSON.stringify(typed)}: field shows ${JSON.stringify(await batch.inputValue())}; ` +
    `messages: ${JSON.stringify(status.filter((t) => t.trim()))}`);
}
console.log(`console errors: ${errors.length ? errors.join(' | ') : 'none'}`);
await browser.close();
server.kill();
