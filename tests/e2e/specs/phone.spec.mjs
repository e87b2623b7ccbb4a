// The page on a phone: touch, a narrow screen, a high device-pixel ratio.
import { test, expect } from '@playwright/test';
import { openPage, shown, expectLossMatchesRewards, paintedPixels, CHARTS } from './helpers.mjs';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

let watch;
test.beforeEach(async ({ page, baseURL }) => {
  watch = await openPage(page, baseURL);
});
test.afterEach(async () => {
  expect(watch.problems, 'console errors or warnings').toEqual([]);
  expect(watch.foreign, 'requests to another origin').toEqual([]);
});

test('dragging a reward slider by touch changes the loss and does not scroll the page', async ({ page }) => {
  const slider = page.getByTestId('r-better-slider');
  await slider.scrollIntoViewIfNeeded();
  const before = await expectLossMatchesRewards(page);
  const scrollBefore = await page.evaluate(() => window.scrollY);
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  const x0 = box.x + box.width * ((before.better + 8) / 16); // start on the thumb
  const x1 = box.x + box.width * 0.15;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y }] });
  for (let i = 1; i <= 10; i++) {
    const x = x0 + ((x1 - x0) * i) / 10;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + i * 0.5 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(100);
  const after = await expectLossMatchesRewards(page);
  expect(after.better).toBeLessThan(before.better - 3);
  expect(after.loss).toBeGreaterThan(before.loss);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
});

for (const scene of ['pair', 'train', 'label', 'use']) {
test(`${scene}: nothing is wider than the screen, targets are finger-sized and text is at least 16 px`, async ({ page }) => {
  if (scene === 'label') {
    await page.goto('./#scene=label');
    await page.reload();
    await page.getByTestId('label-a').tap();
    await page.getByTestId('tab-class').tap();
    await page.getByTestId('class-examples').tap();
  } else if (scene !== 'pair') {
    await page.goto(`./#scene=${scene}&data=padding`);
    await page.reload();
    await page.getByTestId(scene === 'use' ? 'use-play' : 'step').tap();
    await page.waitForTimeout(1500);
    await page.getByTestId(scene === 'use' ? 'use-play' : 'step').tap();
    await page.waitForTimeout(300);
  }
  const report = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)) wide.push(`${el.tagName}.${el.className} ${r.left}..${r.right}`);
    }
    const small = [];
    for (const el of document.querySelectorAll('input, button')) {
      if (el.getClientRects().length === 0) continue; // not rendered (a hidden panel): nothing to tap
      // A radio, checkbox or file input inside a label is tapped through its label: that is the target.
      const viaLabel = ['radio', 'checkbox', 'file'].includes(el.type) && el.closest('label');
      const r = (viaLabel || el).getBoundingClientRect();
      if (r.width < 44 || r.height < 44) small.push(`${el.dataset.testid || el.id} ${r.width}×${r.height}`);
    }
    const tiny = [];
    for (const el of document.querySelectorAll('p, figcaption, label, th, td, button, input, h1, h2, h3, li')) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (el.offsetParent !== null && size < 16) tiny.push(`${el.tagName} ${size}px "${el.textContent.slice(0, 30)}"`);
    }
    return { vw, scrollWidth: document.documentElement.scrollWidth, wide, small, tiny };
  });
  expect(report.scrollWidth).toBeLessThanOrEqual(report.vw);
  expect(report.wide).toEqual([]);
  expect(report.small).toEqual([]);
  expect(report.tiny).toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`phone-${scene}.png`), fullPage: true, scale: 'css' });
});
}

test('the charts are painted at the phone\'s device-pixel size; screenshot', async ({ page }) => {
  for (const id of CHARTS) {
    const { differing, width, height } = await paintedPixels(page, id);
    const css = await page.getByTestId(id).evaluate((c) => [c.clientWidth, c.clientHeight]);
    expect(width).toBe(Math.round(css[0] * 3));
    expect(height).toBe(Math.round(css[1] * 3));
    expect(differing).toBeGreaterThan(width * height * 0.01);
  }
  await page.screenshot({ path: test.info().outputPath('phone-390x844.png'), fullPage: true, scale: 'css' });
  await page.locator('section.explorer').screenshot({ path: test.info().outputPath('phone-390x844-explorer.png'), scale: 'css' });
  await expect(page.getByTestId('loss')).toHaveText(/\d/);
  await shown(page, 'loss');
});

test('training by touch: tap Step, tap Play and Pause; the live charts are painted at the device-pixel size', async ({ page }) => {
  await page.getByTestId('scene-train').tap();
  await page.getByTestId('view-all').tap();
  await page.getByTestId('step').tap();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await page.getByTestId('play').tap();
  await expect(page.getByTestId('play')).toHaveText('Pause');
  await page.waitForTimeout(1000);
  await page.getByTestId('play').tap();
  await expect(page.getByTestId('play')).toHaveText('Play');
  expect(Number(await page.getByTestId('step-count').textContent())).toBeGreaterThan(2);
  for (const id of ['live-loss', 'live-gaps', 'live-sigmoid', 'live-rewards']) {
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await paintedPixels(page, id)).differing).toBeGreaterThan(500);
    const { width, height } = await paintedPixels(page, id);
    const css = await page.getByTestId(id).evaluate((c) => [c.clientWidth, c.clientHeight]);
    expect(width).toBe(Math.round(css[0] * 3));
    expect(height).toBe(Math.round(css[1] * 3));
  }
});
