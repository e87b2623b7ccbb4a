// Screenshots of every scene at projector, laptop and desktop sizes, with and without presentation mode, and on a
// phone, to look at what a class sees. Prints, for each, whether the page scrolls and which text is clipped.
// Usage: node bench/scenes.mjs URL OUT_DIR   (run from tests/e2e; serve dist/ first)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [url = 'http://127.0.0.1:8080/', out = 'test-results/scenes'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const sizes = [
  { name: '1280x720', viewport: { width: 1280, height: 720 } },
  { name: '1440x900', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 } },
  { name: 'phone-390x844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
];
const scenes = [
  { name: 'pair', hash: 'scene=pair' },
  { name: 'train', hash: 'scene=train', steps: 12 },
  { name: 'train-all', hash: 'scene=train&view=all', steps: 12 },
  { name: 'train-lesson', hash: 'scene=train&lesson=9', steps: 0 },
  { name: 'pair-lesson', hash: 'scene=pair&lesson=3' },
  { name: 'use', hash: 'scene=use&data=padding&n=256', steps: 60 },
  { name: 'label', hash: 'scene=label', keys: ['1', '2', '0', '1', '2'], ready: '[data-testid="label-progress"]' },
  { name: 'label-lesson', hash: 'lesson=13', ready: '[data-testid="label-progress"]' },
  { name: 'use-lesson', hash: 'lesson=18' },
];
for (const size of sizes) {
  for (const present of [false, true]) {
    const context = await browser.newContext(size);
    for (const scene of scenes) {
      const page = await context.newPage();
      page.on('console', (m) => { if (m.type() === 'error') console.log(`[${size.name}] console.error: ${m.text()}`); });
      await page.goto(`${url}#${scene.hash}${present ? '&present=1' : ''}`);
      if (scene.ready) await page.waitForSelector(scene.ready);
      else await page.waitForFunction(() => [...document.querySelectorAll('canvas')].some((c) => c.clientWidth > 0));
      await page.waitForTimeout(600);
      for (let i = 0; i < (scene.steps || 0); i++) await page.keyboard.press('ArrowRight');
      for (const key of scene.keys || []) await page.keyboard.press(key);
      await page.waitForTimeout(500);
      const report = await page.evaluate(() => {
        const doc = document.scrollingElement;
        const clipped = [];
        for (const el of document.querySelectorAll('body *')) {
          const style = getComputedStyle(el);
          if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
          const r = el.getBoundingClientRect();
          if (r.width <= 1 || r.height <= 1) continue; // empty, or read by screen readers only
          const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          if (own && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible' && el.clientWidth > 0) {
            clipped.push(el.textContent.trim().slice(0, 40));
          }
        }
        return { scroll: doc.scrollHeight - window.innerHeight, clipped: clipped.slice(0, 8) };
      });
      const file = `${out}/${scene.name}-${size.name}${present ? '-present' : ''}.png`;
      await page.screenshot({ path: file });
      console.log(`${file}: page scrolls ${report.scroll}px; clipped: ${JSON.stringify(report.clipped)}`);
      await page.close();
    }
    await context.close();
  }
}
await browser.close();
