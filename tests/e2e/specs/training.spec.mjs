// Training in the page, as a teacher uses it: step, play, rewind, shortcuts, the slow step, normalizing.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, paintedPixels, control, openScene, chartMenu } from './helpers.mjs';

test.use({ viewport: { width: 1280, height: 720 } });

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');

let watch;
test.beforeEach(async ({ page, baseURL }) => {
  watch = await openPage(page, baseURL);
  await openScene(page, 'train');
});
test.afterEach(async () => {
  expect(watch.problems, 'console errors or warnings').toEqual([]);
  expect(watch.foreign, 'requests to another origin').toEqual([]);
});

const stepCount = async (page) => Number(await page.getByTestId('step-count').textContent());
const lossText = async (page) => page.getByTestId('train-loss').getAttribute('data-value');
const loss = async (page) => Number(await lossText(page));

test('Step raises the step counter by exactly one and changes the loss', async ({ page }) => {
  expect(await stepCount(page)).toBe(0);
  const before = await loss(page);
  expect(before).toBeCloseTo(Math.LN2, 12); // every reward starts at 0
  // …so every pair is a tie, and the page says why the accuracy reads 0.
  await expect(page.getByTestId('accuracy-tie')).toContainText('every pair tied');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  expect(await loss(page)).not.toBe(before);
  await expect(page.getByTestId('accuracy-tie')).toHaveCount(0);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('2');
});

test('Play for two seconds then Pause lowers the loss, and the charts are painted', async ({ page }) => {
  const before = await loss(page);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveText('Pause');
  await page.waitForTimeout(2000);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveText('Play');
  const steps = await stepCount(page);
  expect(steps).toBeGreaterThan(5);
  expect(await loss(page)).toBeLessThan(before);
  // Paused means paused.
  await page.waitForTimeout(300);
  expect(await stepCount(page)).toBe(steps);
  // The stage shows the large chart and the curves; "All charts" shows every one of them.
  await page.getByTestId('view-all').click();
  await expect(page.getByTestId('view-all')).toHaveAttribute('aria-pressed', 'true');
  for (const id of ['live-loss', 'live-accuracy', 'live-gaps', 'live-sigmoid', 'live-neglog', 'live-rewards', 'live-weights', 'live-words']) {
    const { differing, width } = await paintedPixels(page, id);
    expect(width, `${id} has a backing store`).toBeGreaterThan(0);
    expect(differing, `${id} is painted`).toBeGreaterThan(500);
  }
});

test('rewinding shows an earlier step again, and stepping on continues from there', async ({ page }) => {
  const losses = [];
  for (let i = 0; i < 6; i++) {
    losses.push(await lossText(page));
    await page.getByTestId('step').click();
  }
  await expect(page.getByTestId('step-count')).toHaveText('6');
  const at6 = await lossText(page);
  await page.getByTestId('rewind').fill('2');
  await expect(page.getByTestId('step-count')).toHaveText('2');
  expect(await lossText(page)).toBe(losses[2]);
  await page.getByTestId('rewind').fill('6');
  expect(await lossText(page)).toBe(at6);
  await page.getByTestId('rewind').fill('3');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('4');
  expect(await lossText(page)).toBe(losses[4]); // the same run, so the same numbers
});

test('every keyboard shortcut works, and none fires while typing', async ({ page }) => {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('3'); // 3 steps per epoch by default
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('step-count')).toHaveText('2');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveText('Pause');
  await page.waitForTimeout(400);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveText('Play');
  expect(await stepCount(page)).toBeGreaterThan(2);
  await page.keyboard.press('n');
  await expect(page.getByTestId('explain-stage')).toContainText('1 ·');
  await page.keyboard.press('r');
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeHidden();
  // Typing in a field: the keys are the field's.
  await (await control(page, 'set-seed')).fill('');
  await (await control(page, 'set-seed')).pressSequentially('r 12');
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await expect(page.getByTestId('play')).toHaveText('Play');
});

test('the slow step advances stage by stage and agrees with the pair inspector', async ({ page }) => {
  await page.getByTestId('step').click();
  await page.getByTestId('explain').click();
  const stages = [];
  for (let k = 1; k <= 8; k++) {
    stages.push(await page.getByTestId('explain-stage').textContent());
    if (k < 8) await page.keyboard.press('n');
  }
  expect(stages.map((s) => Number(s.split(' ')[0]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  // Follow the batch's first pair in the inspector: the same Δ, σ and loss before the update.
  const first = page.getByTestId('explain-table').locator('tbody tr').first();
  const cells = await first.locator('td').allTextContents();
  const pair = Number(cells[0]) - 1;
  await (await control(page, 'pair-select')).selectOption(String(pair));
  await expect(page.getByTestId('inspector-gap')).toHaveText(cells[3]);
  await expect(page.getByTestId('inspector-sigmoid')).toHaveText(cells[4]);
  await expect(page.getByTestId('inspector-log')).toHaveText(cells[5]);
  await expect(page.getByTestId('inspector-loss')).toHaveText(cells[6]);
  await expect(page.getByTestId('inspector-weight')).toHaveText(cells[7]);
  // Stage 8 shows the new rewards; one more N takes the step and the inspector shows them.
  const [rc, rr] = cells[8].split(' / ');
  await page.keyboard.press('n');
  await expect(page.getByTestId('step-count')).toHaveText('2');
  await expect(page.getByTestId('inspector-rc')).toHaveText(rc);
  await expect(page.getByTestId('inspector-rr')).toHaveText(rr);
  // The selection survives stepping and rewind.
  await page.getByTestId('rewind').fill('0');
  await expect(page.getByTestId('inspector-gap')).toHaveText('0.0000');
});

test('normalizing moves the rewards but leaves loss and accuracy unchanged', async ({ page }) => {
  for (let i = 0; i < 5; i++) await page.getByTestId('step').click();
  await (await control(page, 'pair-select')).selectOption('0');
  const rc = await page.getByTestId('inspector-rc').textContent();
  const lossBefore = await lossText(page);
  const accBefore = await page.getByTestId('train-accuracy').getAttribute('data-value');
  await (await control(page, 'normalize')).click();
  await expect(page.getByTestId('inspector-rc')).not.toHaveText(rc);
  expect(Math.abs(Number(await lossText(page)) - Number(lossBefore))).toBeLessThan(1e-12);
  expect(await page.getByTestId('train-accuracy').getAttribute('data-value')).toBe(accBefore);
});

test('the page reports the same loss as the command-line tool for the same run', async ({ page }) => {
  const out = mkdtempSync(path.join(tmpdir(), 'rp-e2e-'));
  const cli = path.join(repo, 'target', 'debug', 'reward-playground');
  execFileSync(cli, ['train', '--steps', '7', '--optimizer', 'adam', '--lr', '0.1', '--out', out]);
  const rows = readFileSync(path.join(out, 'history.csv'), 'utf8').trim().split('\n');
  const cliLoss = rows[rows.length - 1].split(',')[2];
  await (await control(page, 'set-optimizer')).selectOption('adam');
  await (await control(page, 'set-lr')).fill(String(Math.log10(0.1)));
  await (await control(page, 'set-lr')).dispatchEvent('change');
  await expect(page.getByTestId('set-lr-value')).toHaveText('0.1');
  for (let i = 0; i < 7; i++) await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('7');
  expect(await lossText(page)).toBe(cliLoss);
});

test('changing what defines the model starts a new run and says so; the learning rate does not', async ({ page }) => {
  for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
  await (await control(page, 'set-lr')).fill('-1');
  await (await control(page, 'set-lr')).dispatchEvent('change');
  await expect(page.getByTestId('step-count')).toHaveText('3');
  await (await control(page, 'set-model')).selectOption('mlp');
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await expect(page.getByTestId('notice')).toContainText('model');
});
