// Sharing a run as a teacher does: change settings, copy the link, open it elsewhere; hostile links; presentation
// mode; scoring one's own response; the page offline after the first visit.
import { test, expect } from '@playwright/test';
import { openPage, control, openScene, chartMenu } from './helpers.mjs';

test.use({ viewport: { width: 1280, height: 900 } });

const lossValue = async (page) => page.getByTestId('train-loss').getAttribute('data-value');

async function settingsShown(page) {
  const ids = ['set-dataset', 'set-model', 'set-optimizer', 'set-lr-value', 'set-batch-size', 'set-grouping', 'set-loss',
    'set-center-coef', 'set-seed', 'speed-label'];
  const out = {};
  for (const id of ids) {
    const el = page.getByTestId(id);
    const tag = await el.evaluate((e) => e.tagName);
    out[id] = tag === 'OUTPUT' ? await el.textContent() : await el.inputValue();
  }
  return out;
}

async function stepTimes(page, n) {
  for (let i = 0; i < n; i += 1) await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText(String(n));
}

test('a copied link opens the same run, and the same steps give the same numbers', async ({ page, context, baseURL, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  const watch = await openPage(page, baseURL);
  await openScene(page, 'train');
  await (await control(page, 'set-dataset')).selectOption('hidden-quality');
  await (await control(page, 'set-optimizer')).selectOption('adam');
  await (await control(page, 'set-lr')).fill('-2'); // 10^-2
  await (await control(page, 'set-lr')).dispatchEvent('change');
  await (await control(page, 'set-seed')).fill('42');
  await (await control(page, 'set-seed')).press('Tab');
  await (await control(page, 'set-grouping')).selectOption('pairs');
  await (await control(page, 'set-center-coef')).fill('0.01');
  await (await control(page, 'set-center-coef')).press('Tab');
  await page.getByTestId('speed').fill('5');
  await expect(page.getByTestId('set-lr-value')).toHaveText('0.01');
  await (await control(page, 'share-copy')).click();
  await expect(page.getByTestId('share-status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('data=hidden-quality');
  expect(link).toContain('opt=adam');
  expect(link).toContain('seed=42');
  expect(page.url()).toBe(link); // the address bar follows the settings
  const mine = await settingsShown(page);
  await stepTimes(page, 5);
  const mineLoss = await lossValue(page);

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const other = await fresh.newPage();
  const problems = [];
  other.on('console', (m) => { if (['error', 'warning'].includes(m.type())) problems.push(m.text()); });
  await other.goto(link);
  await expect(other.getByTestId('step-count')).toHaveText('0');
  expect(await settingsShown(other)).toEqual(mine);
  await expect(other.getByTestId('share-notice')).toHaveCount(0);
  await stepTimes(other, 5);
  expect(await lossValue(other)).toBe(mineLoss);
  expect(problems).toEqual([]);
  await fresh.close();
  expect(watch.problems).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test('a garbage link shows the default run and says what it ignored, with no console error', async ({ page, baseURL }) => {
  const problems = [];
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  // The default run's settings and its loss after 3 steps, for comparison.
  await openPage(page, baseURL);
  await openScene(page, 'train');
  const defaults = await settingsShown(page);
  await stepTimes(page, 3);
  const defaultLoss = await lossValue(page);

  const garbage = '#lr=NaN&batch=-4&seed=1e308&test=Infinity&noise=%3Cscript%3Ealert(1)%3C%2Fscript%3E'
    + '&model=%FF%FE%00&speed=99999&pair=123456789&c=1e308&data=<img src=x onerror=alert(1)>&%E2%80%AE=&lr'
    + '&present=maybe&hide=%00,explorer';
  await page.goto(`./${garbage}`);
  await page.reload();
  const notice = page.getByTestId('share-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'status');
  for (const key of ['lr:', 'batch:', 'seed:', 'test:', 'noise:', 'model:', 'speed:', 'pair:', 'c:', 'data:', 'present:', 'hide:']) {
    await expect(notice).toContainText(key);
  }
  expect(await page.locator('script').evaluateAll((s) => s.some((x) => x.textContent.includes('alert')))).toBe(false);
  expect(await settingsShown(page)).toEqual(defaults);
  await expect(page.locator('section.explorer')).toBeHidden(); // the one valid part: hide=explorer
  await stepTimes(page, 3);
  expect(await lossValue(page)).toBe(defaultLoss);
  expect(problems).toEqual([]);
});

test('presentation mode by button and by P, kept through a reload', async ({ page, baseURL }) => {
  const watch = await openPage(page, baseURL);
  await openScene(page, 'train');
  const html = page.locator('html');
  const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await fontSize();
  await page.getByTestId('share-present').click();
  await expect(html).toHaveClass(/presenting/);
  await expect(page.getByTestId('share-present')).toHaveAttribute('aria-pressed', 'true');
  // Type for a projector: at least 18 px at this width, growing with the window.
  expect(await fontSize()).toBeGreaterThanOrEqual(Math.max(18, normal * 1.1));
  await page.keyboard.press('p');
  await expect(html).not.toHaveClass(/presenting/);
  // Typing a P in a field is typing, not a shortcut.
  await (await control(page, 'score-response')).fill('');
  await (await control(page, 'score-response')).press('p');
  await expect(html).not.toHaveClass(/presenting/);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('P');
  await expect(html).toHaveClass(/presenting/);
  await expect.poll(() => page.url()).toContain('present=1');
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/presenting/);
  await expect(page.getByTestId('share-present')).toHaveAttribute('aria-pressed', 'true');
  expect(watch.problems).toEqual([]);
});

test('a teacher link hides the chosen controls', async ({ page, baseURL }) => {
  await openPage(page, baseURL);
  await openScene(page, 'train');
  await (await control(page, 'share-hide')).click();
  await (await control(page, 'share-hide-settings')).check();
  await (await control(page, 'share-hide-explorer')).check();
  await (await control(page, 'share-hide-done')).click();
  await expect(page.locator('.panel.settings')).toBeHidden();
  await expect.poll(() => page.url()).toContain('hide=explorer,settings');
  await page.reload();
  await expect(page.locator('.panel.settings')).toBeHidden();
  await expect(page.locator('section.explorer')).toBeHidden();
  await expect(page.getByTestId('step')).toBeVisible();
});

test('the score panel shows a reward that follows training and marks unknown words', async ({ page, baseURL }) => {
  const watch = await openPage(page, baseURL);
  await openScene(page, 'train');
  await (await control(page, 'score-response')).fill('maybe look it up yourself zzzqx');
  const reward = page.getByTestId('score-reward');
  const before = await reward.getAttribute('data-value');
  await page.getByTestId('epoch').click();
  await expect(reward).not.toHaveAttribute('data-value', before);
  const unknown = page.locator('[data-testid^="score-token-"][data-known="false"]');
  await expect(unknown).toHaveCount(1);
  await expect(unknown).toContainText('zzzqx');
  await expect(unknown).toContainText('unknown');
  // A known word shows what it adds, as text and in its accessible name.
  const first = page.getByTestId('score-token-0');
  await expect(first).toHaveAttribute('aria-label', /adds [+\u2212-]?\d/);
  expect(watch.problems).toEqual([]);
});

test('after the first visit the page reloads and trains with the network off', async ({ page, context, baseURL }) => {
  const watch = await openPage(page, baseURL);
  await openScene(page, 'train');
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active.state;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('loss')).toHaveText(/\d/);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await expect(page.getByTestId('train-loss')).not.toHaveAttribute('data-value', String(Math.LN2));
  await context.setOffline(false);
  expect(watch.foreign).toEqual([]);
});
