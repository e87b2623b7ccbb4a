// The stage: each scene fits the screen it is shown on, as a class sees it on a projector and a student on a laptop.
// Play, the step counter and the charts are on screen at once, nothing is cut or overlaps, presentation mode's type
// is large enough to read from the back, the lesson shows what its card talks about, and the charts answer a click.
import { test, expect } from '@playwright/test';
import { openPage, openScene, paintedPixels, epochsByKey } from './helpers.mjs';

const SIZES = [
  { width: 1280, height: 720, floor: 18 },
  { width: 1440, height: 900, floor: 19.5 }, // between the two the issue names, in proportion to the width
  { width: 1920, height: 1080, floor: 24 },
];

/** What a person could not read on screen: text cut by the window or by a box that hides overflow, text boxes that
 * overlap, and (with `floor`) text smaller than `floor` px. Text in a panel that scrolls is reachable, so not cut. */
function layoutProblems(floor) {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const shown = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1; // a screen reader's text is 1 px
  };
  const boxes = [];
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || !shown(el) || el.closest('noscript, option, select, summary.sr-only')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
    if (!rects.length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    const label = n.textContent.trim().slice(0, 30);
    if (floor && size < floor - 0.01) problems.push(`${size}px: "${label}"`);
    let scrolls = false;
    let clip = { left: 0, top: 0, right: vw, bottom: vh };
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (/(auto|scroll)/.test(s.overflowX + s.overflowY)) scrolls = true;
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
        const r = e.getBoundingClientRect();
        clip = { left: Math.max(clip.left, r.left), top: Math.max(clip.top, r.top),
          right: Math.min(clip.right, r.right), bottom: Math.min(clip.bottom, r.bottom) };
      }
    }
    for (const r of rects) {
      // Cut: partly shown. (A word wrapped whole out of a one-row strip is left out, not cut.)
      const inside = r.right > clip.left && r.left < clip.right && r.bottom > clip.top && r.top < clip.bottom;
      if (!scrolls && inside
        && (r.left < clip.left - 1 || r.right > clip.right + 1 || r.top < clip.top - 1 || r.bottom > clip.bottom + 1)) {
        problems.push(`cut: "${label}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
      }
      // What can overlap is the part on screen: text scrolled out of a panel is not drawn.
      const seen = { left: Math.max(r.left, clip.left), top: Math.max(r.top, clip.top),
        right: Math.min(r.right, clip.right), bottom: Math.min(r.bottom, clip.bottom) };
      if (seen.right - seen.left > 0.5 && seen.bottom - seen.top > 0.5) boxes.push({ r: seen, el, label });
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 2 && h > 2) problems.push(`overlap: "${a.label}" and "${b.label}"`);
    }
  }
  return { problems: problems.slice(0, 12), scrolled: document.scrollingElement.scrollTop + window.scrollY };
}

/** The canvas' pixels as one string, to tell whether what it shows moved. */
const pixels = (page, testid) => page.getByTestId(testid).evaluate((c) => c.toDataURL());

for (const size of SIZES) {
  for (const present of [false, true]) {
    const name = `${size.width}×${size.height}${present ? ', presentation mode' : ''}`;
    test.describe(name, () => {
      test.use({ viewport: { width: size.width, height: size.height } });

      test(`Train: Play, the counter and the charts are on one screen, and Play moves the dots (${name})`, async ({ page }, info) => {
        const watch = await openPage(page, info.project.use.baseURL);
        if (present) await page.getByTestId('share-present').click();
        await openScene(page, 'train');
        for (const id of ['play', 'step-count', 'live-sigmoid', 'live-loss', 'live-accuracy']) {
          await expect(page.getByTestId(id), id).toBeInViewport({ ratio: 1 });
        }
        await page.getByTestId('step').click();
        for (const id of ['live-sigmoid', 'live-loss', 'live-accuracy']) {
          await expect.poll(async () => (await paintedPixels(page, id)).differing, id).toBeGreaterThan(500);
        }
        const before = await pixels(page, 'live-sigmoid');
        await page.getByTestId('play').click();
        await expect.poll(() => page.getByTestId('step-count').textContent().then(Number)).toBeGreaterThan(4);
        await page.getByTestId('play').click();
        await expect.poll(() => pixels(page, 'live-sigmoid')).not.toBe(before);
        const report = await page.evaluate(layoutProblems, present ? size.floor : 0);
        expect(report.scrolled, 'the page never scrolls').toBe(0);
        expect(report.problems).toEqual([]);
        await page.screenshot({ path: info.outputPath(`train-${size.width}x${size.height}${present ? '-present' : ''}.png`) });
        expect(watch.problems).toEqual([]);
      });

      test(`Use the model: the sliders, the chart and the numbers on one screen (${name})`, async ({ page }, info) => {
        await openPage(page, info.project.use.baseURL);
        await page.goto(`./#data=padding&scene=use${present ? '&present=1' : ''}`);
        await page.reload();
        await expect(page.getByTestId('use-step')).toHaveText('0');
        await epochsByKey(page, 4);
        for (const id of ['use-play', 'use-n', 'use-beta', 'use-gold-proxy', 'use-bon-gold', 'use-kl-gold']) {
          await expect(page.getByTestId(id), id).toBeInViewport({ ratio: 1 });
        }
        await expect.poll(async () => (await paintedPixels(page, 'use-gold-proxy')).differing).toBeGreaterThan(1000);
        const report = await page.evaluate(layoutProblems, present ? size.floor : 0);
        expect(report.scrolled).toBe(0);
        expect(report.problems).toEqual([]);
        await page.screenshot({ path: info.outputPath(`use-${size.width}x${size.height}${present ? '-present' : ''}.png`) });
      });

      test(`Label: the pair, its answers and the class's numbers on one screen (${name})`, async ({ page }, info) => {
        await openPage(page, info.project.use.baseURL);
        await page.goto(`./#scene=label${present ? '&present=1' : ''}`);
        await page.reload();
        for (const id of ['label-progress', 'label-prompt', 'label-a', 'label-b', 'label-cant', 'label-undo']) {
          await expect(page.getByTestId(id), id).toBeInViewport({ ratio: 1 });
        }
        for (const key of ['1', '2', '0', '1']) await page.keyboard.press(key);
        await expect(page.getByTestId('label-progress')).toHaveText('4 of 35');
        let report = await page.evaluate(layoutProblems, present ? size.floor : 0);
        expect(report.scrolled).toBe(0);
        expect(report.problems).toEqual([]);
        await page.screenshot({ path: info.outputPath(`label-${size.width}x${size.height}${present ? '-present' : ''}.png`) });
        // The class: its headline numbers where the pair was, beside the codes.
        await page.getByTestId('tab-class').click();
        await page.getByTestId('class-mine').click();
        await page.getByTestId('class-examples').click();
        for (const id of ['class-summary', 'class-agreement', 'class-kappa', 'class-read']) {
          await expect(page.getByTestId(id), id).toBeInViewport({ ratio: 1 });
        }
        report = await page.evaluate(layoutProblems, present ? size.floor : 0);
        expect(report.scrolled).toBe(0);
        expect(report.problems).toEqual([]);
        await page.screenshot({ path: info.outputPath(`class-${size.width}x${size.height}${present ? '-present' : ''}.png`) });
      });

      test(`One pair: the rewards, the numbers and the four charts on one screen (${name})`, async ({ page }, info) => {
        await openPage(page, info.project.use.baseURL);
        if (present) await page.getByTestId('share-present').click();
        for (const id of ['r-better-slider', 'r-worse-slider', 'loss', 'chart-sigmoid', 'chart-log', 'chart-loss', 'chart-gradient']) {
          await expect(page.getByTestId(id), id).toBeInViewport({ ratio: 1 });
        }
        const report = await page.evaluate(layoutProblems, present ? size.floor : 0);
        expect(report.scrolled).toBe(0);
        expect(report.problems).toEqual([]);
        await page.screenshot({ path: info.outputPath(`pair-${size.width}x${size.height}${present ? '-present' : ''}.png`) });
      });
    });
  }
}

test.describe('the lesson beside its scene at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  for (const present of [false, true]) {
    test(`every card shows the control or chart of its task, painted at its device-pixel size${present ? ' (presentation mode)' : ''}`, async ({ page }, info) => {
      test.setTimeout(90_000);
      await openPage(page, info.project.use.baseURL);
      if (present) await page.getByTestId('share-present').click();
      await page.getByTestId('lesson-toggle').click();
      const cards = 18;
      for (let card = 1; card <= cards; card++) {
        await expect(page.getByTestId('lesson-progress')).toHaveText(`Card ${card} of ${cards}`);
        const target = page.locator('.lesson-target');
        await expect(target).toHaveCount(1);
        await expect(target).toBeInViewport({ ratio: 1 });
        // Every chart on screen is drawn at its size now, not stretched from before the card opened.
        await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('canvas')]
          .filter((c) => c.clientWidth > 0)
          .filter((c) => Math.abs(c.width - Math.round(c.clientWidth * devicePixelRatio)) > 1
            || Math.abs(c.height - Math.round(c.clientHeight * devicePixelRatio)) > 1)
          .map((c) => c.dataset.testid))).toEqual([]);
        // …and painted, not left blank.
        const ids = card <= 7 ? ['chart-sigmoid', 'chart-log', 'chart-loss', 'chart-gradient']
          : card <= 12 ? ['live-loss', 'live-accuracy'] : card <= 15 ? [] : ['use-gold-proxy'];
        for (const id of ids) {
          await expect.poll(async () => (await paintedPixels(page, id)).differing, `card ${card}: ${id}`).toBeGreaterThan(300);
        }
        const report = await page.evaluate(layoutProblems, present ? 18 : 0);
        expect(report.scrolled).toBe(0);
        expect(report.problems, `card ${card}`).toEqual([]);
        if (card === 9 || card === 13 || card === 18) {
          await page.screenshot({ path: info.outputPath(`lesson-${card}${present ? '-present' : ''}.png`) });
        }
        if (card < cards) await page.getByTestId('lesson-next').click();
      }
      // Closing the lesson gives the charts their room back, drawn at the new size.
      await page.getByTestId('lesson-close').click();
      await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('canvas')]
        .filter((c) => c.clientWidth > 0 && Math.abs(c.width - Math.round(c.clientWidth * devicePixelRatio)) > 1)
        .length)).toBe(0);
    });
  }
});

test.describe('scenes and direct manipulation', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the scene is kept in the link, and [ and ] move between scenes', async ({ page, baseURL }) => {
    await openPage(page, baseURL);
    await expect(page.getByTestId('scene-pair')).toHaveAttribute('aria-selected', 'true');
    await page.locator('h1').click();
    await page.keyboard.press(']');
    await expect(page.getByTestId('scene-train')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('play')).toBeVisible();
    await expect(page.getByTestId('r-better-slider')).toBeHidden();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('scene=train');
    await page.getByTestId('view-gaps').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('view=gaps');
    await page.reload();
    await expect(page.getByTestId('scene-train')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('live-gaps-figure')).toHaveAttribute('data-role', 'main');
    // The run's keys act where the run is on screen; on One pair, Space does not start it.
    await page.locator('h1').click();
    await page.keyboard.press('[');
    await expect(page.getByTestId('scene-pair')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press(' ');
    await page.keyboard.press(']');
    await expect(page.getByTestId('play')).toHaveText('Play');
    await expect(page.getByTestId('step-count')).toHaveText('0');
    // After Train comes Label (where → labels a pair, not a step), then Use the model; then the bar wraps.
    await page.keyboard.press(']');
    await expect(page.getByTestId('scene-label')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('label-progress')).toHaveText('1 of 35');
    await expect(page.getByTestId('step-count')).toHaveText('0');
    await page.keyboard.press(']');
    await expect(page.getByTestId('scene-use')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press(']');
    await expect(page.getByTestId('scene-pair')).toHaveAttribute('aria-selected', 'true');
  });

  test('a click on a dot follows that pair', async ({ page, baseURL }) => {
    await openPage(page, baseURL);
    await openScene(page, 'train');
    for (let i = 0; i < 8; i++) await page.getByTestId('step').click();
    // Where pair 6's dot is: followed from the list, it is drawn in the followed pair's orange (#e69f00).
    await page.getByTestId('pair-select').selectOption('5');
    const gap = await page.getByTestId('inspector-gap').textContent();
    const findDot = () => page.getByTestId('live-sigmoid').evaluate((c) => {
      const copy = document.createElement('canvas');
      copy.width = c.width;
      copy.height = c.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(c, 0, 0);
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let sx = 0;
      let sy = 0;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] > 200 && data[i + 1] > 120 && data[i + 1] < 190 && data[i + 2] < 90) {
          const p = i / 4;
          sx += p % c.width;
          sy += Math.floor(p / c.width);
          n += 1;
        }
      }
      return n ? { x: sx / n / devicePixelRatio, y: sy / n / devicePixelRatio } : null;
    });
    await expect.poll(findDot, { message: 'the followed dot is drawn' }).not.toBeNull();
    const at = await findDot();
    await page.getByTestId('pair-select').selectOption('');
    await expect(page.getByTestId('inspector')).toHaveCount(0);
    // A click there follows a pair with that dot's gap (pair 6, or one drawn on the same spot).
    await page.getByTestId('live-sigmoid').click({ position: at });
    await expect(page.getByTestId('inspector')).toBeVisible();
    await expect(page.getByTestId('inspector-gap')).toHaveText(gap);
    // A click far from every dot keeps the pair followed.
    const followed = await page.getByTestId('pair-select').inputValue();
    await page.getByTestId('live-sigmoid').click({ position: { x: 5, y: 5 } });
    await expect(page.getByTestId('pair-select')).toHaveValue(followed);
  });

  test('dragging the marker along σ(Δ) sets the gap under the pointer', async ({ page, baseURL }) => {
    await openPage(page, baseURL);
    const canvas = page.getByTestId('chart-sigmoid');
    const box = await canvas.boundingBox();
    const y = box.y + box.height * 0.5;
    await page.mouse.move(box.x + box.width * 0.5, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.15, y, { steps: 6 });
    await page.mouse.up();
    const left = Number((await page.getByTestId('gap').textContent()).replace('\u2212', '-'));
    expect(left).toBeLessThan(-2);
    await page.mouse.move(box.x + box.width * 0.15, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.9, y, { steps: 6 });
    await page.mouse.up();
    const right = Number(await page.getByTestId('gap').textContent());
    expect(right).toBeGreaterThan(3);
    // The loss follows the rewards the drag set.
    const better = Number(await page.getByTestId('r-better-input').inputValue());
    const worse = Number(await page.getByTestId('r-worse-input').inputValue());
    expect(better - worse).toBeCloseTo(right, 6);
  });
});
