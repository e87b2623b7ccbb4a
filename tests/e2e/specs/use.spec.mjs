// "Use the model": the reward model the page trained, used by best-of-n and π_β on the padding pool, as a class
// sees it: the numbers follow training and the sliders, equal the CLI's `optimize` for the same model file, and a
// data set without a true quality says what to do instead.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, openScene, control, paintedPixels, epochsByKey } from './helpers.mjs';

test.use({ viewport: { width: 1280, height: 720 } });

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const cli = path.join(repo, 'target', 'debug', 'reward-playground');
const tmp = mkdtempSync(path.join(tmpdir(), 'rp-use-'));
const num = async (page, id) => Number((await page.getByTestId(id).textContent()).trim().replace('\u2212', '-').split(' ')[0]);

let watch;
test.beforeEach(async ({ page, baseURL }) => {
  watch = await openPage(page, baseURL);
});
test.afterEach(async () => {
  expect(watch.problems, 'console errors or warnings').toEqual([]);
});

test('a data set without a true quality says so, and one tap trains on padding', async ({ page }) => {
  await openScene(page, 'use');
  await expect(page.getByTestId('use-problem')).toContainText('helpfulness');
  await page.getByTestId('use-padding').click();
  // A few epochs later the two policies have something to exploit.
  await epochsByKey(page, 3);
  await expect(page.getByTestId('use-problem')).toHaveCount(0);
  await expect(page.getByTestId('use-bon-gold')).toHaveText(/^[+\u2212]\d/);
  await expect.poll(async () => (await paintedPixels(page, 'use-gold-proxy')).differing).toBeGreaterThan(1000);
});

test('the numbers follow training and the sliders, and equal the CLI\'s for the same model', async ({ page }) => {
  await page.goto('./#data=padding&scene=train');
  await page.reload();
  await expect(page.getByTestId('step-count')).toHaveText('0');
  for (let i = 0; i < 8; i++) await page.getByTestId('epoch').click();
  await openScene(page, 'use');
  const gold16 = await page.getByTestId('use-bon-gold').textContent();
  // n = 256: six doublings right of the start, 4 past 16.
  await page.getByTestId('use-n').fill('8');
  await expect(page.getByTestId('use-bon-gold')).not.toHaveText(gold16);
  await expect(page.getByTestId('use-bon-peak')).toContainText('Gold peaks at n =');
  await page.getByTestId('use-beta').fill('15'); // β = 10^(2 − 15/5) = 0.1
  await expect(page.getByTestId('use-kl-kl')).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('n=256');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('beta=0.1');
  const shown = {
    bonKl: await num(page, 'use-bon-kl'),
    bonProxy: await num(page, 'use-bon-proxy'),
    bonGold: await num(page, 'use-bon-gold'),
    klKl: await num(page, 'use-kl-kl'),
    klProxy: await num(page, 'use-kl-proxy'),
    klGold: await num(page, 'use-kl-gold'),
  };
  // The same model, saved from the page and given to the CLI.
  await openScene(page, 'train');
  const [file] = await Promise.all([page.waitForEvent('download'), (await control(page, 'export-model')).click()]);
  const model = path.join(tmp, 'model.json');
  await file.saveAs(model);
  const out = path.join(tmp, 'out');
  execFileSync(cli, ['optimize', '--model', model, '--dataset', 'padding', '--n', '1,256', '--beta', '0.1', '--out', out]);
  const rows = (name) => readFileSync(path.join(out, name), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const [one, n256] = rows('best_of_n.csv'); // n,kl,kl_bound,proxy,gold
  const [beta] = rows('kl_regularized.csv'); // beta,kl,proxy,gold
  const close = (a, b) => expect(Math.abs(a - b)).toBeLessThanOrEqual(0.0005 + 1e-9);
  close(shown.bonKl, n256[1]);
  close(shown.bonProxy, n256[3] - one[3]);
  close(shown.bonGold, n256[4] - one[4]);
  close(shown.klKl, beta[1]);
  close(shown.klProxy, beta[2] - one[3]);
  close(shown.klGold, beta[3] - one[4]);
});

test('the favoured responses show their words coloured by what they add, for the prompt chosen', async ({ page }) => {
  await page.goto('./#data=padding&scene=use&n=1024');
  await page.reload();
  await expect(page.getByTestId('use-step')).toHaveText('0');
  await epochsByKey(page, 6);
  await expect(page.getByTestId('use-fav-bon')).toContainText('Best-of-1024 picks it');
  await expect(page.getByTestId('use-fav-bon').locator('.tok-pos').first()).toBeVisible();
  const before = await page.getByTestId('use-fav-kl').textContent();
  await page.getByTestId('use-prompt').selectOption('1');
  await expect(page.getByTestId('use-fav-kl')).not.toHaveText(before);
  // Space plays the run from this scene too, and the numbers follow it.
  const step = Number(await page.getByTestId('use-step').textContent());
  await page.getByTestId('use-play').click();
  await expect.poll(async () => Number(await page.getByTestId('use-step').textContent())).toBeGreaterThan(step + 3);
  await page.getByTestId('use-play').click();
});
