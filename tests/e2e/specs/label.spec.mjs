// "Label": a learner labels pairs by key and by tap, trains on the labels, shares a code; a class pastes three
// codes (two made in other browsers) and reads the same agreement numbers `reward-playground agree` prints for the
// same labels.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage } from './helpers.mjs';

test.use({ viewport: { width: 1280, height: 720 }, hasTouch: true });

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.resolve(here, '../../..', 'target', 'debug', 'reward-playground');
const tmp = mkdtempSync(path.join(tmpdir(), 'rp-label-'));
const text = async (page, id) => (await page.getByTestId(id).textContent()).trim();

let watch;
test.beforeEach(async ({ page, baseURL }) => {
  watch = await openPage(page, baseURL);
});
test.afterEach(async () => {
  expect(watch.problems, 'console errors or warnings').toEqual([]);
});

/** Opens the Label scene on a fresh session. */
async function openLabel(page) {
  await page.goto('./#scene=label');
  await page.reload();
  await expect(page.getByTestId('label-progress')).toHaveText('0 of 35');
}

/** Labels `count` pairs by key, cycling through `keys`, waiting for the progress to move after each. */
async function labelByKeys(page, count, keys) {
  for (let i = 0; i < count; i++) {
    const before = await text(page, 'label-progress');
    await page.keyboard.press(keys[i % keys.length]);
    await expect(page.getByTestId('label-progress')).not.toHaveText(before);
  }
}

/** The labeler's code under Share, with `name`. */
async function codeOf(page, name) {
  await page.getByTestId('tab-labels-share').click();
  await page.getByTestId('label-name').fill(name);
  await expect(page.getByTestId('label-code')).toHaveValue(new RegExp(`\\.${name}$`));
  return page.getByTestId('label-code').inputValue();
}

/** Saves the labeler's labels as JSONL for the CLI. */
async function saveLabels(page, file) {
  await page.getByTestId('tab-labels-share').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('label-download').click()]);
  const to = path.join(tmp, file);
  await download.saveAs(to);
  return to;
}

test('label 20 pairs by keys and taps, train on them, and read the class numbers the CLI gives', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await openLabel(page);
  // Ten by key: 1 and ← for A, 2 and → for B, 0 and ↓ for can't tell.
  await labelByKeys(page, 10, ['1', '2', 'ArrowLeft', 'ArrowRight', '1', '2', '0', '1', 'ArrowDown', '2']);
  await expect(page.getByTestId('label-progress')).toHaveText('10 of 35');
  // Backspace takes the last label back and shows that pair again; the button does the same.
  const prompt = await text(page, 'label-prompt');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('label-progress')).toHaveText('9 of 35');
  await page.getByTestId('label-undo').click();
  await expect(page.getByTestId('label-progress')).toHaveText('8 of 35');
  await labelByKeys(page, 2, ['2', '1']);
  expect(await text(page, 'label-prompt')).toBe(prompt);
  // Ten by tap on the answers themselves.
  for (let i = 0; i < 10; i++) {
    const before = await text(page, 'label-progress');
    await page.getByTestId(i % 3 === 2 ? 'label-b' : 'label-a').tap();
    await expect(page.getByTestId('label-progress')).not.toHaveText(before);
  }
  await expect(page.getByTestId('label-progress')).toHaveText('20 of 35');
  // The labels are in the link: a reload keeps every one.
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/labels=l1\.class\.1\.20\./);
  await page.reload();
  await expect(page.getByTestId('label-progress')).toHaveText('20 of 35');

  // Train on them: a run on the pairs labeled A or B, beside the labeler's own consistency.
  await page.getByTestId('tab-mine').click();
  await expect(page.getByTestId('label-vs-reference')).toContainText(/You picked the gold answer on \d+ of \d+/);
  await page.getByTestId('label-train').click();
  await expect(page.getByTestId('label-run')).toContainText('After 30 epochs on');
  const trainedOn = Number((await text(page, 'label-run')).match(/on (\d+) pairs/)[1]);
  const compared = Number((await text(page, 'label-vs-reference')).match(/on \d+ of (\d+)/)[1]);
  expect(trainedOn).toBe(compared); // every pair labeled A or B, and nothing else
  // Labeling on makes the run stale and says so; training again starts a new run.
  await page.keyboard.press('1');
  await expect(page.getByTestId('label-changed')).toBeVisible();
  await page.getByTestId('label-train').click();
  await expect(page.getByTestId('label-train-notice')).toHaveText('A new run on your labels as they are now.');
  await expect(page.getByTestId('label-changed')).toHaveCount(0);
  await page.keyboard.press('Backspace');

  const mine = await codeOf(page, 'Ana');
  const files = [await saveLabels(page, 'ana.jsonl')];

  // Two more labelers, each in a browser of their own, label every pair.
  const others = [];
  for (const [name, keys] of [['Ben', ['1', '1', '2', '1', '2']], ['Cy', ['2', '1', '1', '0', '1', '2']]]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const other = await context.newPage();
    await openPage(other, baseURL);
    await openLabel(other);
    await labelByKeys(other, 35, keys);
    await expect(other.getByTestId('label-done')).toBeVisible();
    others.push(await codeOf(other, name));
    files.push(await saveLabels(other, `${name}.jsonl`));
    await context.close();
  }

  // The class: three codes, one of them as a link, plus a bad line and a code of another round.
  await page.getByTestId('tab-class').click();
  const link = `${baseURL}#scene=label&labels=${encodeURIComponent(others[1])}`;
  const otherSeed = others[0].replace(/^l1\.class\.1\./, 'l1.class.2.');
  await page.getByTestId('class-paste').fill([mine, others[0], 'not a code', link, otherSeed].join('\n'));
  await page.getByTestId('class-read').click();
  await expect(page.getByTestId('class-labelers')).toHaveText('3');
  const problems = await text(page, 'class-problems');
  expect(problems).toContain('line 3: not a label code');
  expect(problems).toMatch(/line 5: .*seed/);

  const agree = JSON.parse(execFileSync(cli, ['agree', ...files], { encoding: 'utf8' }));
  expect(agree.labelers).toBe(3);
  expect(Number(await text(page, 'class-pairs'))).toBe(agree.pairs);
  const pct = (v) => `${(100 * v).toFixed(1)} %`;
  await expect(page.getByTestId('class-agreement')).toHaveText(pct(agree.mean_pairwise_agreement));
  await expect(page.getByTestId('class-kappa')).toHaveText(agree.fleiss_kappa.toFixed(3).replace('-', '\u2212'));
  for (const [i, row] of agree.per_labeler.entries()) {
    const cells = await page.getByTestId(`class-labeler-${i}`).locator('td').allTextContents();
    expect(Number(cells[0])).toBe(row.labeled);
    expect(cells[1]).toBe(pct(row.agreement_with_majority));
  }
  await expect(page.getByTestId('class-summary')).toContainText("InstructGPT's labelers agreed on 72.6 %");
  await expect(page.getByTestId('class-heatmap').locator('tbody tr')).toHaveCount(3);

  // Train on the class: every comparison as its own pair.
  await page.getByTestId('class-train-all').click();
  await expect(page.getByTestId('class-run')).toContainText("Trained on every labeler's comparison as its own pair.");
});

test('a shared link opens the labels it carries, and a link for another round says why it was not used', async ({ page }) => {
  await openLabel(page);
  await labelByKeys(page, 4, ['1', '2']);
  const code = await codeOf(page, 'Dee');
  await page.goto(`./#scene=label&labels=${encodeURIComponent(code)}`);
  await page.reload();
  await expect(page.getByTestId('label-progress')).toHaveText('4 of 35');
  await expect(page.getByTestId('label-name')).toHaveValue('Dee');
  await page.goto(`./#scene=label&labels=${encodeURIComponent(code.replace('.class.', '.other.'))}`);
  await page.reload();
  await expect(page.getByTestId('label-notice')).toContainText('"other"');
  await expect(page.getByTestId('label-progress')).toHaveText('0 of 35');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  test('one thumb labels: the answers fill the width, the buttons are finger-sized, and nothing is wider than the screen', async ({ page }) => {
    await openLabel(page);
    for (const id of ['label-a', 'label-b', 'label-cant']) {
      const before = await text(page, 'label-progress');
      await page.getByTestId(id).tap();
      await expect(page.getByTestId('label-progress')).not.toHaveText(before);
    }
    const report = await page.evaluate(() => {
      const small = [...document.querySelectorAll('section.label button, section.label select')]
        .filter((b) => b.offsetParent)
        .map((b) => b.getBoundingClientRect())
        .filter((r) => r.width < 44 || r.height < 44);
      return { small: small.length, scroll: document.documentElement.scrollWidth, vw: document.documentElement.clientWidth };
    });
    expect(report.small).toBe(0);
    expect(report.scroll).toBeLessThanOrEqual(report.vw);
    await expect(page.getByTestId('label-a')).toBeInViewport();
  });
});
