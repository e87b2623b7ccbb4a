// Shared steps: open the page while recording console messages and requests, read shown numbers, the loss math.
import { expect } from '@playwright/test';

/** −log σ(Δ), computed stably, as the page should show it. */
export function btLoss(gap) {
  return gap > 0 ? Math.log1p(Math.exp(-gap)) : -gap + Math.log1p(Math.exp(gap));
}

/** Opens the page, collecting console errors/warnings, page errors and requests to other origins. */
export async function openPage(page, baseURL) {
  const origin = new URL(baseURL).origin;
  const problems = [];
  const foreign = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(req.url());
  });
  await page.goto('./');
  // The first view answers at once; the app starts on first use. Ask for the scene already shown, as a reader
  // starting out would (pressed again until the first part listens).
  await expect(async () => {
    const tab = page.locator('#first-view [data-control="scene-pair"]');
    if (await tab.count()) await tab.click({ timeout: 1000 });
    await expect(page.getByTestId('loss')).toHaveText(/\d/, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0);
  return { problems, foreign };
}

/** The number shown in the element with this data-testid. */
export async function shown(page, testid) {
  const text = (await page.getByTestId(testid).textContent()).trim();
  const value = Number(text.replace('\u2212', '-'));
  expect(Number.isFinite(value), `${testid} shows "${text}"`).toBe(true);
  return { value, text };
}

/** Checks that the shown loss is −log σ(r_better − r_worse) of the shown rewards, to the shown precision. */
export async function expectLossMatchesRewards(page) {
  const better = Number(await page.getByTestId('r-better-input').inputValue());
  const worse = Number(await page.getByTestId('r-worse-input').inputValue());
  const { value, text } = await shown(page, 'loss');
  const decimals = (text.split('.')[1] || '').length;
  expect(Math.abs(value - btLoss(better - worse))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
  return { better, worse, loss: value };
}

/** How many pixels of the canvas differ from its most common colour (the background). */
export async function paintedPixels(page, testid) {
  return page.getByTestId(testid).evaluate((canvas) => {
    // Read a copy, so the page's own canvas is never switched to a slow read-back mode.
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const background = Math.max(...counts.values());
    return { differing: data.length / 4 - background, width: canvas.width, height: canvas.height };
  });
}

export const CHARTS = ['chart-sigmoid', 'chart-log', 'chart-loss', 'chart-gradient'];

/** A small valid data set of the reader's own: three chosen/rejected pairs (one with a margin) and a ranking of three. */
export const GOOD = [
  '{"prompt": "How do I boil an egg?", "chosen": "Boil it for nine minutes then cool it in cold water.", "rejected": "Eggs are eggs."}',
  '{"prompt": "Name a prime number", "ranking": ["Seven is prime.", "Maybe nine?", "I like turtles."]}',
  '{"prompt": "What is the capital of France?", "chosen": "Paris is the capital of France.", "rejected": "France is big.", "margin": 1}',
  '{"prompt": "How do I tie a knot?", "chosen": "Cross the ends, loop one under, pull tight.", "rejected": "Just tie it."}',
].join('\n');

/** Opens a scene by its tab in the scene bar ('pair' or 'train'), as a person does, and waits for its charts. */
export async function openScene(page, scene) {
  await page.getByTestId(`scene-${scene}`).click();
  await expect(page.getByTestId(`scene-${scene}`)).toHaveAttribute('aria-selected', 'true');
  if (scene === 'train') await expect(page.getByTestId('step-count')).toBeVisible();
}

/** The element with this test id, after clicking the side-column tab it sits in when that tab is not the open one
 * (a person looking for the seed opens Settings first). */
export async function control(page, testid) {
  const tab = await page.evaluate((id) => {
    const panel = document.querySelector(`[data-testid="${id}"]`)?.closest('.side-panel[hidden]');
    return panel ? panel.id.replace('side-', 'tab-') : null;
  }, testid);
  if (tab) await page.getByTestId(tab).click();
  return page.getByTestId(testid);
}

/** Opens a chart's menu (⋯ beside its title) unless it is open. */
export async function chartMenu(page, id) {
  const menu = page.getByTestId(`${id}-menu`);
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').first().click();
  return menu;
}

/** Presses Shift+→ (one epoch) `count` times, waiting for the step counter `counter` to move after each press, so
 * no key lands before the page listens or while it is still busy. */
export async function epochsByKey(page, count, counter = 'use-step') {
  await expect(page.getByTestId(counter)).toHaveText(/^\d+$/);
  for (let i = 0; i < count; i++) {
    const before = Number(await page.getByTestId(counter).textContent());
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => Number(await page.getByTestId(counter).textContent())).toBeGreaterThan(before);
  }
}
