// The guided lesson, walked as a learner walks it: each card's task done through the page, the card marking itself
// done, the numbers it quotes equal to what the panels show, Next by button and by key, and a reload mid-lesson.
import { test, expect } from '@playwright/test';
import { openPage, control, openScene, chartMenu } from './helpers.mjs';

let watch;
test.beforeEach(async ({ page, baseURL }) => {
  watch = await openPage(page, baseURL);
});
test.afterEach(async () => {
  expect(watch.problems, 'console errors or warnings').toEqual([]);
  expect(watch.foreign, 'requests to another origin').toEqual([]);
});

const text = async (page, testid) => (await page.getByTestId(testid).textContent()).trim();
/** A number as the page writes it: negative numbers with a true minus (U+2212). */
const number = (shownText) => Number(shownText.replace('\u2212', '-'));

/** How many cards the lesson has. */
const CARDS = 18;

/** The card shown: its number and that it is not done yet. */
async function atCard(page, n, title) {
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Card ${n} of ${CARDS}`);
  await expect(page.getByTestId('lesson-title')).toHaveText(title);
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-done', 'false');
  expect(await page.evaluate(() => location.hash)).toContain(`lesson=${n}`);
}

async function expectDone(page) {
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('lesson-status')).toHaveText('✓ Done.');
}

/** The card's quoted value `name` equals the text the page shows in `testid` (or its input's value). */
async function quotes(page, name, testid) {
  const quoted = await text(page, `lesson-q-${name}`);
  const el = page.getByTestId(testid);
  const tag = await el.evaluate((e) => e.tagName);
  // A number box's value is ASCII (the browser needs it); the page's text, the card's too, writes a true minus.
  const shownText = tag === 'INPUT' ? (await el.inputValue()).replace('-', '\u2212') : (await el.textContent()).trim();
  expect(quoted, `the card's ${name} is what ${testid} shows`).toBe(shownText);
  return quoted;
}

/** Drags a slider's thumb from its middle to `fraction` of its width with the mouse. */
async function drag(page, testid, fraction) {
  const slider = page.getByTestId(testid);
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  const value = Number(await slider.inputValue());
  await page.mouse.move(box.x + box.width * ((value + 8) / 16), y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * fraction, y, { steps: 8 });
  await page.mouse.up();
}

async function typeReward(page, which, value) {
  const input = page.getByTestId(`${which}-input`);
  await input.fill(String(value));
  await input.press('Enter');
}

async function playUntilDone(page) {
  await page.getByTestId('play').click();
  await expectDone(page);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveText('Play');
}

test.use({ viewport: { width: 1280, height: 720 } });

test('a learner walks the whole lesson, and a reload lands on the same card', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./#other=kept');
  await page.getByTestId('lesson-toggle').click();

  // 1. One number per response.
  await atCard(page, 1, 'A reward model gives one number');
  await expect(page.getByTestId('lesson-prev')).toBeDisabled();
  await quotes(page, 'better', 'r-better-input');
  await quotes(page, 'worse', 'r-worse-input');
  await drag(page, 'r-better-slider', 0.8);
  await expectDone(page);
  const dragged = await quotes(page, 'better', 'r-better-input');
  expect(Number(dragged)).toBeGreaterThan(3);
  await page.getByTestId('lesson-next').click();

  // 2. People only compare: the gap.
  await atCard(page, 2, 'People only compare');
  expect(number(await quotes(page, 'gap', 'gap'))).toBeLessThan(0);
  await typeReward(page, 'r-better', 0.9);
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-done', 'false'); // Δ = −0.10
  await typeReward(page, 'r-better', 2);
  await expectDone(page);
  expect(await quotes(page, 'gap', 'gap')).toBe('1.00');
  await expect(page.getByTestId('lesson-body')).toContainText('positive, so the model now ranks this pair the right way round');
  // PageDown goes on (focus is on the page, not in a field).
  await page.getByTestId('lesson-title').click();
  await page.keyboard.press('PageDown');

  // 3. Part 1, the sigmoid.
  await atCard(page, 3, 'Part 1: the sigmoid');
  expect(await quotes(page, 'sigmoid', 'sigmoid')).toBe('0.5000');
  await quotes(page, 'gap', 'gap');
  await typeReward(page, 'r-better', 2.5);
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-done', 'false'); // σ(2) = 0.8808
  await typeReward(page, 'r-better', 3);
  await expectDone(page);
  expect(Number(await quotes(page, 'sigmoid', 'sigmoid'))).toBeGreaterThanOrEqual(0.9);
  // Keys typed into a field belong to the field: PageDown there does not turn the card.
  await page.getByTestId('r-better-input').press('PageDown');
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Card 3 of ${CARDS}`);
  await page.getByTestId('lesson-title').click();
  await page.keyboard.press('Alt+ArrowRight');

  // 4. Part 2, the log.
  await atCard(page, 4, 'Part 2: the log');
  const logBefore = number(await quotes(page, 'log_sigmoid', 'log-sigmoid'));
  expect(logBefore).toBeLessThan(0);
  await drag(page, 'r-worse-slider', 0.95);
  await expectDone(page);
  const logAfter = number(await quotes(page, 'log_sigmoid', 'log-sigmoid'));
  expect(logAfter).toBeLessThan(logBefore - 2);
  // Back and forth by key: PageUp returns to card 3, done, and leaves the rewards as the learner left them;
  // PageDown comes back here, done too.
  const worseHere = await page.getByTestId('r-worse-input').inputValue();
  await page.getByTestId('lesson-title').click();
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('lesson-title')).toHaveText('Part 1: the sigmoid');
  await expectDone(page);
  expect(await page.getByTestId('r-worse-input').inputValue()).toBe(worseHere);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('lesson-title')).toHaveText('Part 2: the log');
  await expectDone(page);
  await page.getByTestId('lesson-next').click();

  // 5. Part 3, the loss.
  await atCard(page, 5, 'Part 3: times −1, the loss');
  expect(await quotes(page, 'loss', 'loss')).toBe('0.6931');
  await typeReward(page, 'r-better', 2.9);
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-done', 'false');
  await typeReward(page, 'r-better', 4);
  await expectDone(page);
  expect(Number(await quotes(page, 'loss', 'loss'))).toBeLessThan(0.05);
  await quotes(page, 'gap', 'gap');
  await page.getByTestId('lesson-next').click();

  // 6. Only differences: shift both rewards.
  await atCard(page, 6, 'No target rewards, only differences');
  const gap6 = await quotes(page, 'gap', 'gap');
  const loss6 = await quotes(page, 'loss', 'loss');
  await page.getByTestId('shift-c').fill('2.5');
  await page.getByTestId('shift-apply').click();
  await expectDone(page);
  expect(await page.getByTestId('r-better-input').inputValue()).toBe('3.50');
  expect(await quotes(page, 'gap', 'gap')).toBe(gap6);
  expect(await quotes(page, 'loss', 'loss')).toBe(loss6);
  await page.getByTestId('lesson-next').click();

  // 7. The gradient: confident pairs stop pulling.
  await atCard(page, 7, 'Confident pairs stop pulling');
  expect(Number(await quotes(page, 'pull', 'dloss-dworse'))).toBeGreaterThan(0.8);
  await typeReward(page, 'r-better', 4);
  await typeReward(page, 'r-worse', -1);
  await expectDone(page);
  expect(Number(await quotes(page, 'pull', 'dloss-dworse'))).toBeLessThan(0.01);
  await page.getByTestId('lesson-next').click();

  // 8. Train: one step. The card switches to the Train scene and outlines Step.
  await atCard(page, 8, 'Train a reward model');
  await expect(page.getByTestId('step')).toBeInViewport();
  await expect(page.getByTestId('scene-train')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('step')).toHaveClass(/lesson-target/);
  expect(await quotes(page, 'step', 'step-count')).toBe('0');
  await quotes(page, 'train_loss', 'train-loss');
  const pairs = await text(page, 'lesson-q-train_pairs');
  expect(await text(page, 'step-means')).toContain(`(${pairs} pairs)`);
  await page.getByTestId('step').click();
  await expectDone(page);
  expect(await quotes(page, 'step', 'step-count')).toBe('1');
  await quotes(page, 'train_loss', 'train-loss');
  await page.getByTestId('lesson-next').click();

  // 9. Play until every training pair is ranked right.
  await atCard(page, 9, 'Watch the gaps grow');
  await quotes(page, 'step', 'step-count'); // the run went on from card 8
  await playUntilDone(page);
  expect(await quotes(page, 'accuracy', 'train-accuracy')).toBe('100.0 %');
  await quotes(page, 'step', 'step-count');
  await quotes(page, 'train_loss', 'train-loss');
  await page.getByTestId('lesson-next').click();

  // 10. Rankings: one prompt per batch element, then shuffled pairs.
  await atCard(page, 10, 'Rankings, one prompt at a time');
  const stepMeans = async () => text(page, 'step-means');
  const quoted10 = async () => ({
    units: await text(page, 'lesson-q-train_units'),
    pairs: await text(page, 'lesson-q-train_pairs'),
    perEpoch: await text(page, 'lesson-q-steps_per_epoch'),
  });
  let q = await quoted10();
  expect(await stepMeans()).toContain(`1 epoch = ${q.perEpoch} steps = all ${q.units} training prompts (${q.pairs} pairs)`);
  await (await control(page, 'set-grouping')).selectOption('pairs');
  await expectDone(page);
  const q2 = await quoted10();
  expect(await stepMeans()).toContain(`1 epoch = ${q2.perEpoch} steps = all ${q2.units} training pairs once.`);
  expect(Number(q2.perEpoch)).toBeGreaterThan(Number(q.perEpoch));
  await expect(page.getByTestId('lesson-q-unit')).toHaveText('one pair on its own');

  // Reload mid-lesson: the same card, still done (the marks are kept in the browser), the learner's settings
  // from the link, and the other key of the link is still there.
  await page.reload();
  await expect(page.getByTestId('loss')).toHaveText(/\d/);
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Card 10 of ${CARDS}`);
  await expectDone(page);
  expect(await page.evaluate(() => location.hash)).toContain('other=kept');
  q = await quoted10();
  expect(await stepMeans()).toContain(`all ${q.units} training pairs once.`);
  await page.getByTestId('lesson-next').click();

  // 11. Noisy labels: accuracy stalls.
  await atCard(page, 11, 'Labelers disagree');
  await expect(page.getByTestId('set-dataset')).toHaveValue('noisy-labels');
  await page.getByTestId('speed').fill('6'); // 100 updates per second
  await playUntilDone(page);
  expect(Number(await quotes(page, 'epoch', 'epoch-count'))).toBeGreaterThanOrEqual(20);
  const accuracy = await quotes(page, 'accuracy', 'train-accuracy');
  expect(parseFloat(accuracy)).toBeLessThan(80);
  await page.getByTestId('lesson-next').click();

  // 12. What comes next: normalize, the loss stays.
  await atCard(page, 12, 'What comes next');
  expect(await quotes(page, 'step', 'step-count')).toBe('10');
  const loss12 = await quotes(page, 'train_loss', 'train-loss');
  const acc12 = await quotes(page, 'accuracy', 'train-accuracy');
  await (await control(page, 'normalize')).click();
  await expectDone(page);
  expect(await quotes(page, 'train_loss', 'train-loss')).toBe(loss12);
  expect(await quotes(page, 'accuracy', 'train-accuracy')).toBe(acc12);
  await page.getByTestId('lesson-next').click();

  // 13. Be the labeler: ten labels, by key and by click.
  await atCard(page, 13, 'Be the labeler');
  await expect(page.getByTestId('scene-label')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('label-a')).toHaveClass(/lesson-target/);
  await expect(page.getByTestId('lesson-q-labels_total')).toHaveText('35');
  await page.getByTestId('lesson-title').click();
  for (const key of ['1', '2', '1', '1', '2', '0', '1', '2', '1']) await page.keyboard.press(key);
  await expect(page.getByTestId('lesson-q-labels_given')).toHaveText('9');
  await expect(page.getByTestId('lesson-why')).toHaveText('9 labeled; 1 more to go.');
  await page.getByTestId('label-b').click();
  await expectDone(page);
  await page.getByTestId('lesson-next').click();

  // 14. Train on your labels: the card opens My labels and outlines the button.
  await atCard(page, 14, 'Train on your labels');
  await expect(page.getByTestId('label-train')).toHaveClass(/lesson-target/);
  await page.getByTestId('label-train').click();
  await expectDone(page);
  await expect(page.getByTestId('label-run')).toContainText('After 30 epochs on');
  await page.getByTestId('lesson-next').click();

  // 15. How much does a class agree: three example labelers under Class.
  await atCard(page, 15, 'How much does a class agree?');
  await expect(page.getByTestId('class-examples')).toHaveClass(/lesson-target/);
  await expect(page.getByTestId('lesson-q-class_labelers')).toHaveText('0');
  await page.getByTestId('class-examples').click();
  await expectDone(page);
  await expect(page.getByTestId('lesson-q-class_labelers')).toHaveText('3');
  await expect(page.getByTestId('class-summary')).toContainText('3 labelers agree on');
  await page.getByTestId('lesson-next').click();

  // 16. The reward model as a judge: a fresh run on padding, 40 steps, on the Use scene with n = 1 and β = 100.
  await atCard(page, 16, 'The reward model as a judge');
  await expect(page.getByTestId('scene-use')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('use-n')).toHaveClass(/lesson-target/);
  await expect(page.getByTestId('lesson-fresh-run')).toBeVisible(); // the learner's run had taken steps
  await expect(page.getByTestId('use-step')).toHaveText('40');
  expect(await text(page, 'lesson-q-n')).toBe('1');
  // n = 1 is π_ref itself: no gain.
  await expect(page.getByTestId('lesson-q-bon_gold')).toHaveText('+0.000');
  expect(await quotes(page, 'bon_gold', 'use-bon-gold')).toBe('+0.000');
  // The n slider by keyboard: each → doubles n.
  await page.getByTestId('use-n').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('lesson-q-n')).toHaveText('8');
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-done', 'false');
  await expect(page.getByTestId('lesson-why')).toHaveText('n is 8: raise it to 16.');
  await page.keyboard.press('ArrowRight');
  await expectDone(page);
  expect(await quotes(page, 'bon_gold', 'use-bon-gold')).not.toBe('+0.000');
  await quotes(page, 'bon_proxy', 'use-bon-proxy');
  await page.getByTestId('lesson-next').click();

  // 17. The KL-regularized optimum: β starts at 100, where π_β is π_ref.
  await atCard(page, 17, 'The KL-regularized optimum');
  await expect(page.getByTestId('use-beta')).toHaveClass(/lesson-target/);
  expect(await text(page, 'lesson-q-beta')).toBe('100');
  const kl100 = Number(await quotes(page, 'kl_kl', 'use-kl-kl'));
  // Drag the β slider to its far end (β = 0.01) with the mouse.
  const beta = await page.getByTestId('use-beta').boundingBox();
  await page.mouse.click(beta.x + beta.width - 2, beta.y + beta.height / 2);
  await expectDone(page);
  expect(await text(page, 'lesson-q-beta')).toBe('0.01');
  const klSmall = Number(await quotes(page, 'kl_kl', 'use-kl-kl'));
  expect(klSmall).toBeGreaterThan(kl100 + 1);
  await quotes(page, 'kl_gold', 'use-kl-gold');
  await page.getByTestId('lesson-next').click();

  // 18. Over-optimization: push n past the gold peak; gold falls while the proxy still rises.
  await atCard(page, 18, 'Over-optimization');
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
  await expect(page.getByTestId('use-gold-proxy')).toHaveClass(/lesson-target/);
  await expect(page.getByTestId('lesson-q-bon_peak_n')).toHaveText(/^\d+$/);
  const peak = Number(await text(page, 'lesson-q-bon_peak_n'));
  await expect(page.getByTestId('use-bon-peak')).toContainText(`Gold peaks at n = ${peak} `);
  const proxyAtStart = Number(await quotes(page, 'bon_proxy', 'use-bon-proxy'));
  await page.getByTestId('use-n').focus();
  for (let n = 16; n <= peak; n *= 2) await page.keyboard.press('ArrowRight');
  await expectDone(page);
  expect(Number(await text(page, 'lesson-q-n'))).toBeGreaterThan(peak);
  expect(Number(await quotes(page, 'bon_proxy', 'use-bon-proxy'))).toBeGreaterThan(proxyAtStart);
  await quotes(page, 'bon_gold', 'use-bon-gold');
  await expect(page.getByTestId('use-bon-peak')).toContainText('past it');

  // Back to free play: the card goes, the link forgets the lesson but keeps the rest; the button reopens here.
  await page.getByTestId('lesson-close').click();
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  const hash = await page.evaluate(() => location.hash);
  expect(hash).not.toContain('lesson=');
  expect(hash).toContain('other=kept');
  await page.getByTestId('lesson-toggle').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Card ${CARDS} of ${CARDS}`);
});

test('a shared link opens its card, and the card sets up the page it talks about', async ({ page }) => {
  await page.goto('./#lesson=4');
  await page.reload();
  await expect(page.getByTestId('loss')).toHaveText(/\d/);
  await atCard(page, 4, 'Part 2: the log');
  expect(await page.getByTestId('r-better-input').inputValue()).toBe('2.00');
  expect(await page.getByTestId('r-worse-input').inputValue()).toBe('0.00');
  await quotes(page, 'log_sigmoid', 'log-sigmoid');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  test('the card fits the screen, its buttons are finger-sized, and a tap goes on', async ({ page }, testInfo) => {
    await page.getByTestId('lesson-toggle').tap();
    await atCard(page, 1, 'A reward model gives one number');
    await page.getByTestId('lesson-next').tap();
    await atCard(page, 2, 'People only compare');
    const report = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const card = document.querySelector('[data-testid="lesson"]').getBoundingClientRect();
      const small = [...document.querySelectorAll('[data-testid="lesson"] button')]
        .map((b) => b.getBoundingClientRect())
        .filter((r) => r.width < 44 || r.height < 44);
      const tiny = [...document.querySelectorAll('[data-testid="lesson"] p, [data-testid="lesson"] button')]
        .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 16);
      return { vw, scrollWidth: document.documentElement.scrollWidth, card, small: small.length, tiny: tiny.length,
        vh: window.innerHeight };
    });
    expect(report.scrollWidth).toBeLessThanOrEqual(report.vw);
    expect(report.card.left).toBeGreaterThanOrEqual(0);
    expect(report.card.right).toBeLessThanOrEqual(report.vw);
    expect(report.card.bottom).toBeLessThanOrEqual(report.vh);
    expect(report.small).toBe(0);
    expect(report.tiny).toBe(0);
    await expect(page.getByTestId('lesson-task')).toBeInViewport();
    await expect(page.getByTestId('lesson-next')).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath('lesson-phone.png') });
  });
});
