// The first view written into index.html at build time: without JavaScript the reader sees the explorer's four charts,
// its numbers and the formula; with it, the app takes the same boxes in place, with no layout shift and no chart ever
// blank between the picture and the live canvas.
import { test, expect } from '@playwright/test';
import { paintedPixels } from './helpers.mjs';

test.use({ viewport: { width: 1280, height: 720 } });

/** The boxes of what the first view shows: the scene bar, the explorer's panels, numbers and charts. */
function boxes() {
  const pick = [
    'header.scene-bar', 'header.scene-bar button', 'section.explorer', 'section.explorer .side', '.explorer .panel',
    '.explorer table.numbers td', '.explorer input[type="number"]', '.explorer input[type="range"]',
    '.explorer figure.chart', '.explorer figure.chart h3', '.explorer .plot', '.explorer figure.chart figcaption',
    '.explorer .formula',
  ];
  const out = {};
  for (const sel of pick) {
    out[sel] = [...document.querySelectorAll(sel)].map((e) => {
      const r = e.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 2) / 2);
    });
  }
  return out;
}

for (const colorScheme of ['light', 'dark']) {
  test(`without JavaScript the explorer's charts, numbers and formula are there (${colorScheme})`, async ({ browser, baseURL }, info) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 720 }, colorScheme });
    const page = await context.newPage();
    await page.goto(baseURL);
    await expect(page.locator('svg.poster')).toHaveCount(4);
    for (const poster of await page.locator('svg.poster').all()) await expect(poster).toBeInViewport();
    await expect(page.locator('table.numbers tr.loss-row td')).toHaveText('0.1269');
    await expect(page.locator('.formula math').first()).toBeVisible();
    await expect(page.locator('.noscript-note')).toContainText('turn on JavaScript');
    // The picture is drawn in the reader's colour scheme: the chart background follows it.
    const background = await page.locator('svg.poster rect').first().evaluate((r) => getComputedStyle(r).fill);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(30, 30, 30)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: info.outputPath(`no-js-${colorScheme}.png`) });
    await context.close();
  });
}

// The app takes over at once for a link with a state, or after the first part, on first use (started here by the
// loader's own call, which a scene bar button or shortcut makes, so that the shifts are not excused as the input's).
for (const start of ['a link', 'first use']) {
test(`the app takes the first view's boxes in place, started by ${start}: no layout shift, no blank chart`, async ({ browser, baseURL }) => {
  const still = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 720 } });
  const before = await still.newPage();
  await before.goto(baseURL);
  const picture = await before.evaluate(boxes);
  await still.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: e.sources.map((s) => s.node?.nodeName) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // On every frame until the live charts are all drawn: each plot shows a picture or a drawn canvas, never neither.
    window.__blank = 0;
    const look = () => {
      for (const plot of document.querySelectorAll('section.explorer .plot')) {
        const poster = plot.querySelector('svg.poster');
        const canvas = plot.querySelector('canvas');
        // A poster leaves only once its canvas has drawn (web::first_view::drop_poster).
        if (!poster && !canvas) window.__blank += 1;
      }
      if (document.querySelectorAll('svg.poster').length || !document.querySelector('canvas')) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  if (start === 'a link') {
    await page.goto(`${baseURL}#scene=pair`);
  } else {
    await page.goto(baseURL);
    await page.waitForFunction(() => performance.getEntriesByName('explorer-answers').length > 0);
    await page.evaluate(() => window.loadRest());
  }
  await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0);
  await expect(page.locator('svg.poster')).toHaveCount(0);
  await expect(page.locator('#first-view')).toHaveCount(0);
  for (const id of ['chart-sigmoid', 'chart-log', 'chart-loss', 'chart-gradient']) {
    await expect.poll(async () => (await paintedPixels(page, id)).differing, id).toBeGreaterThan(500);
  }
  await page.waitForTimeout(300);
  const live = await page.evaluate(boxes);
  expect(live).toEqual(picture);
  const shifts = await page.evaluate(() => window.__shifts);
  const total = shifts.reduce((s, e) => s + e.value, 0);
  console.log(`layout shifts: ${JSON.stringify(shifts)}`);
  expect(total).toBeLessThanOrEqual(0.01);
  expect(await page.evaluate(() => window.__blank)).toBe(0);
  await context.close();
});
}

/** Holds back the app's module (not the first part's) until the returned function is called. */
async function holdTheApp(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/reward-playground-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('the first part answers the explorer\'s input before the app has loaded, and the app starts from it', async ({ page, baseURL }) => {
  const release = await holdTheApp(page);
  await page.goto(baseURL);
  const better = page.locator('#first-view #r-better');
  const loss = page.locator('#first-view table.numbers tr.loss-row td');
  await expect(loss).toHaveText('0.1269');
  // Typing a reward: the numbers, the sentences and the pictures follow, while the app is still held back.
  const poster = page.locator('#first-view svg.poster[data-for="chart-loss"]');
  const before = await poster.getAttribute('aria-label');
  await expect(async () => {
    await better.fill('-1');
    await expect(loss).toHaveText('0.9741', { timeout: 500 });
  }).toPass();
  await expect(page.locator('#first-view tr.c-gap td')).toHaveText('−0.50');
  expect(await poster.getAttribute('aria-label')).not.toBe(before);
  // The slider moves with the box, and the box with the slider.
  await expect(page.locator('#first-view #r-better + input[type="range"]')).toHaveValue('-1');
  await page.locator('#first-view #r-worse + input[type="range"]').fill('2');
  await expect(page.locator('#first-view #r-worse')).toHaveValue('2.00');
  // A number outside −8…8 is marked while typed, not taken.
  await better.fill('9');
  await expect(better).toHaveAttribute('aria-invalid', 'true');
  await better.fill('-1');
  await page.locator('#first-view .shift button').first().click();
  await expect(page.locator('#first-view p.status')).toContainText('Added 1.00: r_better −1.00 → 0.00');
  expect(await page.evaluate(() => document.querySelectorAll('[data-testid="chart-sigmoid"]').length)).toBe(0);

  // A scene asked for now shows that the rest is loading; when the app arrives it opens that scene.
  const train = page.locator('#first-view .scene-tab[data-control="scene-train"]');
  await train.click();
  await expect(train).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.part-loading')).toHaveText('Loading the rest of the page…');
  release();
  await expect(page.getByTestId('scene-train')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#first-view')).toHaveCount(0);
  await expect(page.locator('.part-loading')).toHaveCount(0);
  // The app's explorer starts where the first view was.
  await page.getByTestId('scene-pair').click();
  await expect(page.getByTestId('r-better-input')).toHaveValue('0.00');
  await expect(page.getByTestId('r-worse-input')).toHaveValue('3.00');
  await expect(page.getByTestId('loss')).toHaveText(/^3\.0486$/);
});

test('a shortcut pressed in the first view starts the app, which acts on it', async ({ page, baseURL }) => {
  await page.goto(baseURL);
  await page.waitForFunction(() => performance.getEntriesByName('explorer-answers').length > 0);
  // Nothing of the app runs until it is asked for.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => performance.getEntriesByName('first-chart').length)).toBe(0);
  await expect(page.locator('#first-view')).toHaveCount(1);
  // ] is "next scene" in the page's key table: the app arrives and moves from One pair to Train.
  await page.keyboard.press(']');
  await expect(page.getByTestId('scene-train')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#first-view')).toHaveCount(0);
});

test('a reader who only used the explorer still gets the offline copy of the whole page', async ({ page, context, baseURL }) => {
  await page.goto(baseURL);
  await page.waitForFunction(() => performance.getEntriesByName('explorer-answers').length > 0);
  // The loader registers the service worker once it has compiled the app, which has not started.
  await page.evaluate(async () => (await navigator.serviceWorker.ready).active.state);
  expect(await page.evaluate(() => performance.getEntriesByName('first-chart').length)).toBe(0);
  await context.setOffline(true);
  await page.reload();
  const loss = page.locator('#first-view table.numbers tr.loss-row td');
  await expect(async () => {
    await page.locator('#first-view #r-better').fill('-0.5');
    await expect(loss).toHaveText('0.6931', { timeout: 500 });
  }).toPass();
  await page.locator('#first-view [data-control="scene-train"]').click();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText('1');
  await context.setOffline(false);
});
