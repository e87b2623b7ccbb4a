// Screenshots of the built page (dist/) at projector, laptop and phone sizes, for looking at what people see.
// Usage: node bench/screenshot.mjs URL OUT_DIR [actions]   (run from tests/e2e; serve dist/ first)
import { chromium } from 'playwright-core';

const [url = 'http://127.0.0.1:8080/', out = 'test-results/screens', actions = ''] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const sizes = [
  { name: 'projector-1280x720', viewport: { width: 1280, height: 720 } },
  { name: 'laptop-1440x900', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 },
  { name: 'phone-390x844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
];
for (const size of sizes) {
  const context = await browser.newContext(size);
  const page = await context.newPage();
  page.on('console', (m) => console.log(`[${size.name}] console.${m.type()}: ${m.text()}`));
  await page.goto(url);
  await page.waitForSelector('canvas');
  for (const a of actions.split(',').filter(Boolean)) {
    if (a.startsWith('wait')) await page.waitForTimeout(Number(a.slice(4)));
    else await page.getByTestId(a).click();
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${size.name}.png`, fullPage: true });
  await context.close();
}
await browser.close();
