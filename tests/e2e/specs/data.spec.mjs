// Bringing your own data, editing it, and exporting/importing what the page shows, used as a person would.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOOD, openPage, control, openScene, chartMenu } from './helpers.mjs';

test.use({ viewport: { width: 1280, height: 720 } });

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const cli = path.join(repo, 'target', 'debug', 'reward-playground');
const tmp = mkdtempSync(path.join(tmpdir(), 'rp-data-'));

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
const lossValue = async (page) => page.getByTestId('train-loss').getAttribute('data-value');
const steps = async (page, n) => {
  const from = await stepCount(page);
  for (let i = 0; i < n; i++) await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText(String(from + n));
};
const pairOptions = (page) => page.getByTestId('pair-select').locator('option');
/** Clicks `testid` and returns the downloaded file's text and name. */
async function download(page, testid) {
  // A chart's PNG and SVG buttons are in its menu; the others may be in a side-column tab.
  const chart = testid.match(/^(.*)-(svg|png)$/);
  if (chart) await chartMenu(page, chart[1]);
  const button = chart ? page.getByTestId(testid) : await control(page, testid);
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const where = path.join(tmp, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(where);
  return { text: readFileSync(where, 'utf8'), where, name: file.suggestedFilename() };
}

test('a file with a bad line 3 lists every problem by line and field, and the run goes on untouched', async ({ page }) => {
  await steps(page, 3);
  const before = await lossValue(page);
  const bad = [
    GOOD.split('\n')[0],
    GOOD.split('\n')[1],
    '{"prompt": "p", "chosen": 5, "rejected": "x"}',
    '',
    '{"prompt": "q", "chosen": "same", "rejected": "same"',
  ].join('\n');
  await (await control(page, 'data-text')).fill(bad);
  await (await control(page, 'data-use')).click();
  const errors = page.getByTestId('data-errors');
  await expect(errors).toContainText('line 3');
  await expect(errors).toContainText('"chosen"');
  await expect(errors).toContainText('line 5');
  await expect(page.getByTestId('data-status')).toContainText('2 problems');
  // Same step, same loss, same data set; and it steps on exactly as a run that never saw the file.
  expect(await stepCount(page)).toBe(3);
  expect(await lossValue(page)).toBe(before);
  await expect(page.getByTestId('set-dataset')).toHaveValue('helpfulness');
  await steps(page, 1);
  const next = await lossValue(page);
  await page.getByTestId('train-reset').click();
  await steps(page, 4);
  expect(await lossValue(page)).toBe(next);
});

test('a file of hundreds of bad lines lists the first 50 and counts the rest, and the run goes on', async ({ page }) => {
  await steps(page, 2);
  const before = await lossValue(page);
  // (Chromium's own text insertion is slow for many lines; 300 is enough to pass the limit of 50.)
  await (await control(page, 'data-text')).fill('x\n'.repeat(300));
  await (await control(page, 'data-use')).click();
  await expect(page.getByTestId('data-status')).toContainText('300 problems');
  await expect(page.getByTestId('data-errors').locator('li')).toHaveCount(51);
  await expect(page.getByTestId('data-errors').locator('li').first()).toContainText('line 1: not valid JSON');
  await expect(page.getByTestId('data-errors-more')).toHaveText('…and 250 more. Fix these first, then read the file again.');
  expect(await stepCount(page)).toBe(2);
  expect(await lossValue(page)).toBe(before);
});

test('a valid pasted file replaces the run, and its pairs fill the pair list', async ({ page }) => {
  await steps(page, 2);
  await (await control(page, 'data-text')).fill(GOOD);
  await (await control(page, 'data-use')).click();
  await expect(page.getByTestId('data-status')).toHaveText('Read 6 pairs from the pasted text.');
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await expect(page.getByTestId('set-dataset')).toHaveValue('my-data');
  await expect(page.getByTestId('notice')).toContainText('New run from step 0 on my-data (6 pairs)');
  await expect(pairOptions(page)).toHaveCount(7); // "(none)" and the 6 pairs
  await expect(pairOptions(page).nth(1)).toContainText('How do I boil an egg?');
  const start = await lossValue(page);
  await steps(page, 1);
  expect(await lossValue(page)).not.toBe(start);
  // The same text downloaded as JSONL reads back to the same data.
  const { text } = await download(page, 'export-jsonl');
  expect(text.trim().split('\n').map((l) => JSON.parse(l))).toEqual(GOOD.split('\n').map((l) => JSON.parse(l)));
});

test('an upload over 2 MB is refused before it is read; a small upload replaces the run', async ({ page }) => {
  const line = `${GOOD.split('\n')[0]}\n`;
  const big = Buffer.from(line.repeat(Math.ceil(2_100_000 / line.length)));
  await (await control(page, 'data-file')).setInputFiles({ name: 'big.jsonl', mimeType: 'text/plain', buffer: big });
  await expect(page.getByTestId('data-status')).toContainText('more than the 2 MB');
  await expect(page.getByTestId('set-dataset')).toHaveValue('helpfulness');
  await (await control(page, 'data-file')).setInputFiles({ name: 'small.jsonl', mimeType: 'text/plain', buffer: Buffer.from(GOOD) });
  await expect(page.getByTestId('data-status')).toHaveText('Read 6 pairs from small.jsonl.');
  await expect(page.getByTestId('set-dataset')).toHaveValue('my-data');
});

test('adding a pair and flipping a label each change the next step\'s loss', async ({ page }) => {
  await steps(page, 1);
  const plain = await lossValue(page);
  const count = await pairOptions(page).count();

  await (await control(page, 'data-prompt')).fill('Is the sky green?');
  await (await control(page, 'data-a')).fill('No, a clear sky looks blue.');
  await (await control(page, 'data-b')).fill('Yes, always green.');
  await (await control(page, 'data-add')).click();
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await expect(page.getByTestId('notice')).toContainText('added a pair');
  await expect(pairOptions(page)).toHaveCount(count + 1);
  await steps(page, 1);
  const added = await lossValue(page);
  expect(added).not.toBe(plain);

  await (await control(page, 'pair-select')).selectOption('0');
  const chosen = await page.getByTestId('inspector').locator('.chosen').textContent();
  await (await control(page, 'data-flip')).click();
  await expect(page.getByTestId('notice')).toContainText('flipped which response of pair 1 is better');
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await expect(page.getByTestId('inspector').locator('.rejected')).toHaveText(chosen.replace('Better: ', 'Worse: '));
  await steps(page, 1);
  const flipped = await lossValue(page);
  expect(flipped).not.toBe(added);

  await (await control(page, 'data-delete')).click();
  await expect(page.getByTestId('notice')).toContainText('deleted pair 1');
  await expect(pairOptions(page)).toHaveCount(count);
});

test('the history CSV has the CLI\'s columns and its last row is the shown step', async ({ page }) => {
  await steps(page, 5);
  const { text, name } = await download(page, 'export-csv');
  expect(name).toMatch(/\.csv$/);
  const rows = text.trim().split('\n').map((l) => l.split(','));
  expect(rows[0].join(',')).toBe('step,epoch,loss,accuracy,margin,min_reward,mean_reward,max_reward,grad_norm,learning_rate,test_loss,test_accuracy');
  expect(rows.slice(1).every((r) => r.length === 12 && r.slice(0, 10).every((v) => Number.isFinite(Number(v))))).toBe(true);
  const last = rows.at(-1);
  expect(last[0]).toBe('5');
  expect(last[2]).toBe(await lossValue(page));
  expect(last[3]).toBe(await page.getByTestId('train-accuracy').getAttribute('data-value'));
});

test('the exported model gives the CLI\'s score the reward the page shows, and imports back to the same rewards', async ({ page }) => {
  await steps(page, 12);
  await (await control(page, 'pair-select')).selectOption('0');
  const rc = await page.getByTestId('inspector-rc').textContent();
  const rr = await page.getByTestId('inspector-rr').textContent();
  const chosen = (await page.getByTestId('inspector').locator('.chosen').textContent()).replace(/^Better: /, '');
  const { where, text } = await download(page, 'export-model');
  expect(JSON.parse(text).format).toBe('reward-playground-model');
  const scored = JSON.parse(execFileSync(cli, ['score', '--model', where, chosen], { encoding: 'utf8' }));
  expect(Math.abs(scored.reward - Number(rc.replace('\u2212', '-')))).toBeLessThanOrEqual(5e-5);

  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('inspector-rc')).toHaveText('0.0000');
  await (await control(page, 'import-model')).setInputFiles(where);
  await expect(page.getByTestId('export-status')).toContainText('Loaded a linear model');
  await expect(page.getByTestId('step-count')).toHaveText('0');
  await expect(page.getByTestId('inspector-rc')).toHaveText(rc);
  await expect(page.getByTestId('inspector-rr')).toHaveText(rr);

  // A file that is not a model is refused, and the run stays as it was.
  const junk = path.join(tmp, 'junk.json');
  writeFileSync(junk, '{"format": "something else"}');
  await (await control(page, 'import-model')).setInputFiles(junk);
  await expect(page.getByTestId('export-status')).toContainText('Model not loaded: field "format"');
  await expect(page.getByTestId('inspector-rc')).toHaveText(rc);
});

test('a chart saved as SVG is the chart itself, and as PNG an image', async ({ page }) => {
  await steps(page, 4);
  const svg = await download(page, 'live-loss-svg');
  expect(svg.text).toMatch(/^<svg[^>]*>/);
  expect(svg.text).toMatch(/>\s*step\s*</);
  expect(svg.text).toMatch(/>\s*loss\s*</);
  expect(svg.text).toContain('<polyline');
  await openScene(page, 'pair');
  const explorer = await download(page, 'chart-sigmoid-svg');
  expect(explorer.text).toMatch(/^<svg/);
  expect(explorer.text).toContain('Δ');
  await openScene(page, 'train');
  const png = await download(page, 'live-loss-png');
  expect(readFileSync(png.where).subarray(1, 4).toString()).toBe('PNG');
});

test('every chart says what it shows, and shows its data as a table on demand', async ({ page }) => {
  await steps(page, 6);
  await expect(page.getByTestId('live-loss-alt')).toContainText(/Training loss fell from 0\.693 to 0\.\d{3} over 6 steps/);
  await expect(page.getByTestId('chart-loss-alt')).toContainText('marked at Δ = 2.0000');
  for (const id of ['live-loss', 'live-accuracy', 'live-gaps', 'live-sigmoid', 'live-rewards', 'chart-sigmoid']) {
    await expect(page.getByTestId(`${id}-alt`)).not.toBeEmpty();
    await expect(page.getByTestId(`${id}`)).toHaveAttribute('aria-describedby', `${id}-alt`);
  }
  // The sentence shows on demand too, over the chart.
  await chartMenu(page, 'live-loss');
  await page.getByTestId('live-loss-describe').click();
  await expect(page.getByTestId('live-loss-alt')).toBeVisible();
  const table = page.getByTestId('live-loss-table');
  await table.locator('summary').click();
  await expect(table.locator('tbody tr')).toHaveCount(7); // steps 0..6
  await expect(table.locator('tbody tr').last().locator('td').first()).toHaveText('6');
});
