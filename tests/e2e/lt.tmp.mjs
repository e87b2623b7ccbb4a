import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
for (let run = 0; run < 2; run++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
    addEventListener('TrunkApplicationStarted', () => performance.mark('app-started'));
  });
  await page.goto(process.argv[2]);
  await page.waitForSelector('[data-testid="step"]', { state: 'attached', timeout: 60000 });
  await page.waitForTimeout(3000);
  const r = await page.evaluate(() => ({ lt: window.__lt, marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
    res: performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop().slice(0, 30), Math.round(r.startTime), Math.round(r.responseEnd)]) }));
  console.log(JSON.stringify(r));
  await context.close();
}
await browser.close();
