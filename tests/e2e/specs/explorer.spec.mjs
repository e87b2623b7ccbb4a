// The loss explorer on a projector-sized screen, driven by keyboard, typing and the shift control.
import { test, expect } from '@playwright/test';
import { openPage, shown, expectLossMatchesRewards, paintedPixels, CHARTS } from './helpers.mjs';

test.use({ viewport: { width: 1280, height: 720 } });

let watch;
test.beforeEach(async ({ page, baseURL }) => {
  watch = await openPage(page, baseURL);
});
test.afterEach(async () => {
  expect(watch.problems, 'console errors or warnings').toEqual([]);
  expect(watch.foreign, 'requests to another origin').toEqual([]);
});

test('the arrow keys move both rewards and the loss follows', async ({ page }) => {
  const start = await expectLossMatchesRewards(page);
  await page.getByTestId('r-better-slider').focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowLeft');
  await page.getByTestId('r-worse-input').focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowUp');
  const after = await expectLossMatchesRewards(page);
  expect(after.better).toBeCloseTo(start.better - 0.25, 10);
  expect(after.worse).toBeCloseTo(start.worse + 0.4, 10);
  expect(after.loss).toBeGreaterThan(start.loss);
  // The slider and the number box show the same reward.
  expect(Number(await page.getByTestId('r-better-slider').inputValue())).toBeCloseTo(after.better, 10);
});

test('typed rewards set the loss, and bad text never breaks the page', async ({ page }) => {
  await page.getByTestId('r-better-input').fill('-2.37');
  await page.getByTestId('r-worse-input').fill('3.1');
  await page.keyboard.press('Enter');
  const { better, worse, loss } = await expectLossMatchesRewards(page);
  expect([better, worse]).toEqual([-2.37, 3.1]);
  expect(loss).toBeGreaterThan(5); // a pair ranked wrong by 5.47 costs about 5.47
  // Out of range: ignored while typing, clamped on Enter.
  await page.getByTestId('r-better-input').fill('40');
  await expect(page.getByTestId('r-better-input')).toHaveAttribute('aria-invalid', 'true');
  expect((await shown(page, 'loss')).value).toBe(loss);
  await page.getByTestId('r-better-input').press('Enter');
  await expect(page.getByTestId('r-better-input')).toHaveValue('8.00');
  await expect(page.getByTestId('r-better-input')).toHaveAttribute('aria-invalid', 'false');
  await expectLossMatchesRewards(page);
});

test('shifting both rewards moves both and leaves Δ, the loss and the gradient unchanged', async ({ page }) => {
  const before = await expectLossMatchesRewards(page);
  const read = async () => Promise.all(['gap', 'loss', 'dloss-dbetter', 'dloss-dworse'].map(async (id) => (await shown(page, id)).text));
  const numbers = await read();
  await page.getByTestId('shift-c').fill('3');
  await page.getByTestId('shift-apply').click();
  await expect(page.getByTestId('r-better-input')).toHaveValue((before.better + 3).toFixed(2));
  await expect(page.getByTestId('r-worse-input')).toHaveValue((before.worse + 3).toFixed(2));
  expect(await read()).toEqual(numbers);
  await expect(page.getByTestId('shift-status')).toContainText('loss');
  await expectLossMatchesRewards(page);
});

test('every chart is painted, at the device-pixel size', async ({ page }) => {
  for (const id of CHARTS) {
    const { differing, width, height } = await paintedPixels(page, id);
    const box = await page.getByTestId(id).evaluate((c) => [c.clientWidth, c.clientHeight, devicePixelRatio]);
    expect(width).toBe(Math.round(box[0] * box[2]));
    expect(height).toBe(Math.round(box[1] * box[2]));
    expect(differing, `${id} painted pixels`).toBeGreaterThan(width * height * 0.01);
  }
});

test('screenshot at 1280×720', async ({ page }) => {
  const before = await paintedPixels(page, 'chart-sigmoid');
  await page.getByTestId('r-better-input').fill('-1.5');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  // The chart redrew for the new point.
  const after = await paintedPixels(page, 'chart-sigmoid');
  expect(after.differing).not.toBe(before.differing);
  await page.screenshot({ path: test.info().outputPath('desktop-1280x720.png') });
});
