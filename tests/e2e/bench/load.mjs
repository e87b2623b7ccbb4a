// Measures the built page in headless Chromium: shipped bytes of dist/ (raw and gzip, by file and by type), time from
// navigation to the first painted chart, long tasks during load, and frame times while a slider is dragged; then what
// a visitor waits for, on a fast network and on a slow one (1.6 Mbit/s, 150 ms round trip): the first chart painted
// (the first view in the HTML), the explorer answering input, Step working, and the bytes that arrived before each.
//   node tests/e2e/bench/load.mjs [dist-dir]         (run scripts/bench.sh to build first)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, '../../../dist'));
const RUNS = 5;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function shippedBytes() {
  const rows = files(dist).map((p) => {
    const bytes = readFileSync(p);
    return { file: path.relative(dist, p), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  rows.sort((a, b) => b.raw - a.raw);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  console.log('\nShipped bytes of dist/ (gzip -9):');
  for (const r of [...rows, { file: 'total', ...total }]) {
    console.log(`  ${r.file.padEnd(40)} ${String(r.raw).padStart(9)} B raw ${String(r.gzip).padStart(8)} B gzip`);
  }
  const byType = {};
  for (const r of rows) {
    const type = path.extname(r.file).slice(1) || 'other';
    byType[type] = byType[type] || { raw: 0, gzip: 0 };
    byType[type].raw += r.raw;
    byType[type].gzip += r.gzip;
  }
  console.log('\nBy type:');
  for (const [type, t] of Object.entries(byType).sort((a, b) => b[1].raw - a[1].raw)) {
    console.log(`  ${type.padEnd(8)} ${String(t.raw).padStart(9)} B raw ${String(t.gzip).padStart(8)} B gzip`);
  }
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};
const median = (xs) => quantile(xs, 0.5);
const fmt = (x) => x.toFixed(1);

// Wraps requestAnimationFrame so that the time spent in the page's own frame callbacks is recorded.
function instrument() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const raf = window.requestAnimationFrame.bind(window);
  window.__frames = [];
  window.__work = [];
  window.requestAnimationFrame = (cb) =>
    raf((t) => {
      const start = performance.now();
      cb(t);
      window.__work.push(performance.now() - start);
    });
}

async function measure(browser, url, dpr) {
  const loads = [];
  const longTasks = [];
  let drag;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    await page.addInitScript(instrument);
    // A link with a state starts the app at once: navigation → the app's first live chart, as before the two parts.
    await page.goto(`${url}#scene=pair`);
    await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0);
    const first = await page.evaluate(() => performance.getEntriesByName('first-chart')[0].startTime);
    loads.push(first);
    await page.waitForTimeout(300); // long tasks are reported a little after they end
    const tasks = await page.evaluate((t) => window.__longTasks.filter((e) => e.start <= t), first);
    longTasks.push({ count: tasks.length, ms: tasks.reduce((a, e) => a + e.duration, 0),
      max: Math.max(0, ...tasks.map((e) => e.duration)) });
    if (run === RUNS - 1) drag = await dragSlider(page);
    await context.close();
  }
  return { loads, longTasks, drag };
}

// Drags the r_better slider across and back with the mouse, one move per frame, and records frame intervals.
async function dragSlider(page) {
  const box = await page.getByTestId('r-better-slider').boundingBox();
  const y = box.y + box.height / 2;
  const at = (v) => box.x + 8 + ((box.width - 16) * (v + 8)) / 16;
  await page.evaluate(() => {
    window.__work = [];
    window.__frames = [];
    const tick = (t) => {
      window.__frames.push(t);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    window.__stop = false;
    // This loop's own callbacks take ~0 ms; the work figures below keep only callbacks above 0.05 ms.
    requestAnimationFrame(tick);
  });
  await page.mouse.move(at(1.5), y);
  await page.mouse.down();
  const path = [];
  for (let i = 0; i <= 90; i++) path.push(1.5 - (9.5 * i) / 90);
  for (let i = 0; i <= 180; i++) path.push(-8 + (16 * i) / 180);
  for (const v of path) {
    await page.mouse.move(at(v), y);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 8)));
  }
  await page.mouse.up();
  const { frames, work } = await page.evaluate(() => {
    window.__stop = true;
    return { frames: window.__frames, work: window.__work };
  });
  const intervals = frames.slice(1).map((t, i) => t - frames[i]);
  return { intervals, work };
}

/** One load's milestones on `net` (null: no emulation): each as ms after navigation, and the bytes on the wire before
 * it (resource timing's transferSize; the test server sends files uncompressed). */
async function milestones(browser, url, net, late) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  if (net) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: net.rtt,
      downloadThroughput: net.down / 8, uploadThroughput: net.up / 8 });
  }
  await page.goto(url, { waitUntil: 'commit' });
  // The explorer answers once the page's first part listens to it (its mark), or, on a page without a first part, once
  // the app's live chart is drawn. Then the reader asks for Train at once (the app starts on first use; it may still
  // be on its way): Step works once the Train panel has mounted.
  const answers = () => ['explorer-answers', 'first-chart'].some((name) => performance.getEntriesByName(name).length);
  await page.waitForFunction(answers, null, { timeout: 120_000 });
  if (late) {
    // Or the reader asks later, once the loader has fetched and compiled the app while the browser was idle.
    await page.waitForFunction(() => performance.getEntriesByName('app-compiled').length, null, { timeout: 120_000 });
  }
  const asked = await page.evaluate(() => performance.now());
  const train = page.locator('#first-view [data-control="scene-train"]');
  if (await train.count()) await train.click();
  else await page.getByTestId('scene-train').click();
  await page.waitForSelector('[data-testid="step"]', { state: 'attached', timeout: 120_000 });
  const m = await page.evaluate((asked) => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const live = Math.min(...['explorer-answers', 'first-chart']
      .map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Infinity));
    const step = performance.now();
    const wait = step - asked;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const before = (t) => nav.transferSize + res.filter((r) => r.responseEnd <= t).reduce((a, r) => a + r.transferSize, 0);
    return { paint, live, step, wait, paintBytes: before(paint), liveBytes: before(live), total: before(Infinity) };
  }, asked);
  await context.close();
  return m;
}

async function main() {
  shippedBytes();
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist], {
    stdio: 'ignore',
  });
  await new Promise((r) => setTimeout(r, 600));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const url = `http://127.0.0.1:${port}/`;
    const slow = { rtt: 150, down: 1.6e6, up: 750e3 };
    for (const [name, net] of [['fast (loopback)', null], ['slow (1.6 Mbit/s, 150 ms RTT)', slow]]) {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await milestones(browser, url, net, false));
      const lateRuns = [];
      for (let i = 0; i < 3; i++) lateRuns.push(await milestones(browser, url, net, true));
      const med = (k) => median(runs.map((r) => r[k]));
      const kb = (b) => `${(b / 1024).toFixed(0)} KiB`;
      console.log(`\n${name}, 1280×720, median of 3: first chart painted ${fmt(med('paint'))} ms (${kb(med('paintBytes'))} ` +
        `before it); the explorer answers ${fmt(med('live'))} ms (${kb(med('liveBytes'))}); Train asked for then, Step ` +
        `works by ${fmt(med('step'))} ms (${fmt(med('wait'))} ms after asking); ${kb(med('total'))} in all; asked for ` +
        `once the app was compiled, Step works ${fmt(median(lateRuns.map((r) => r.wait)))} ms after asking`);
    }
    for (const dpr of [1, 2]) {
      const { loads, longTasks, drag } = await measure(browser, `http://127.0.0.1:${port}/`, dpr);
      console.log(`\nDPR ${dpr}, 1280×720, headless Chromium (software raster):`);
      console.log(`  navigation → first painted chart: median ${fmt(median(loads))} ms ` +
        `(runs: ${loads.map(fmt).join(', ')})`);
      console.log(`  long tasks (> 50 ms) before the first chart, per run: ` +
        longTasks.map((l) => `${l.count} (${fmt(l.ms)} ms, longest ${fmt(l.max)})`).join('; '));
      const iv = drag.intervals;
      const work = drag.work.filter((w) => w > 0.05);
      console.log(`  dragging r_better: ${iv.length} frames; frame interval p50 ${fmt(quantile(iv, 0.5))} / ` +
        `p95 ${fmt(quantile(iv, 0.95))} / max ${fmt(Math.max(...iv))} ms; ` +
        `frames over 20 ms: ${((100 * iv.filter((x) => x > 20).length) / iv.length).toFixed(0)} %`);
      console.log(`  page's frame callbacks (redraws): p50 ${fmt(quantile(work, 0.5))} / p95 ` +
        `${fmt(quantile(work, 0.95))} / max ${fmt(Math.max(...work))} ms over ${work.length} redraws`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
