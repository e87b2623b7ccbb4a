import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
let bad = 0;
for (let i = 0; i < 12; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await page.goto(process.argv[2]);
  for (let k = 0; k < 50; k++) { const tab = page.locator('#first-view [data-control="scene-pair"]'); if (await tab.count()) await tab.click({ timeout: 1000 }).catch(() => {}); if (await page.getByTestId('loss').count()) break; await page.waitForTimeout(100); }
  await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0);
  await page.goto(process.argv[2] + '#data=padding&scene=use');
  const t0 = Date.now();
  await page.reload();
  try {
    await page.getByTestId('use-step').waitFor({ state: 'attached', timeout: 5000 });
    console.log('ok', i, Date.now() - t0, await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name + '@' + Math.round(m.startTime)).join(' ')));
  } catch {
    bad++;
    const st = await page.evaluate(() => ({ fv: !!document.getElementById('first-view'), marks: performance.getEntriesByType('mark').map((m) => m.name), hash: location.hash, sw: !!navigator.serviceWorker.controller, scenes: [...document.querySelectorAll('section.scene')].map((s) => s.dataset.scene) }));
    console.log('FAIL', i, JSON.stringify(st), logs.join(' | ').slice(0, 600));
  }
  await context.close();
}
console.log('bad', bad);
await browser.close();
