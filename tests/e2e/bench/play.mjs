// Measures the page while it trains: animation-frame intervals (p50/p95/p99/max, share over 17 and 33 ms), main-thread
// busy share (long tasks and rAF work), training steps per second, JS heap and wasm memory, at devicePixelRatio 1 and 2.
//   node tests/e2e/bench/play.mjs [dist-dir] [seconds] [speed-index]
// wasm memory is the byteLength of the module's WebAssembly.Memory (it only grows: a high-water mark), read from the
// exports Trunk's loader hands to its `TrunkApplicationStarted` event. PLAY_DPRS=1 limits the device pixel ratios.
// Serve-free: it starts a static server on a free loopback port itself. Build dist/ first (scripts/bench.sh does).
// It plays on the Train scene as the page opens it (the large σ(Δ) chart, the curves, the word strip); PLAY_HASH
// replaces the link, e.g. PLAY_HASH='scene=train&view=all' for every chart at once, 'scene=train&present=1' for
// presentation mode, or 'scene=use&data=padding' for "Use the model" following the run.
// Other benches (big-play.mjs) import its pieces: serve, launch, hookWasm, wasmBytes, sample, tableHead, tableRow.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** Serves `dist` on a free loopback port: { port, server } (kill the server when done). */
export async function serve(dist) {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: dist, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 600));
  return { port, server };
}

/** Headless Chromium as every measurement here runs it. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
}

// Keeps the wasm exports (their `memory`) where the measuring code can read them. (An init script: page.addInitScript.)
export function hookWasm() {
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
}

/** The app's wasm memory now, in bytes (NaN before the app started). */
export const wasmBytes = (page) => page.evaluate(() => (window.__wasm ? window.__wasm.memory.buffer.byteLength : NaN));

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Measures a playing page for `seconds`: frame intervals, steps/s, long tasks, heap and wasm memory; then the
 * main-thread busy share over 3 s more. */
export async function sample(context, page, seconds) {
  const result = await page.evaluate(async (ms) => {
    const steps = () => Number(document.querySelector('[data-testid=step-count]').textContent);
    const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : NaN);
    const wasmBytes = () => (window.__wasm ? window.__wasm.memory.buffer.byteLength : NaN);
    const intervals = [];
    let longTasks = 0;
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks += e.duration; });
    obs.observe({ entryTypes: ['longtask'] });
    const s0 = steps();
    const h0 = heap();
    const w0 = wasmBytes();
    const t0 = performance.now();
    await new Promise((resolve) => {
      let last = performance.now();
      const tick = (t) => {
        intervals.push(t - last);
        last = t;
        if (t - t0 < ms) requestAnimationFrame(tick); else resolve();
      };
      requestAnimationFrame(tick);
    });
    obs.disconnect();
    const elapsed = performance.now() - t0;
    return { intervals, steps: steps() - s0, elapsed, longTasks, h0, h1: heap(), w0, w1: wasmBytes() };
  }, seconds * 1000);
  // Main-thread busy share from a CDP trace-free estimate: Chromium's task durations over the window.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const m0 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await page.waitForTimeout(3000);
  const m1 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const busy = (m1.TaskDuration - m0.TaskDuration) / (m1.Timestamp - m0.Timestamp);
  const xs = result.intervals.slice(1).sort((a, b) => a - b);
  const over = (limit) => xs.filter((x) => x > limit).length / xs.length;
  return {
    frames: xs.length,
    p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: xs[xs.length - 1],
    over17: over(17), over33: over(33),
    stepsPerSecond: result.steps / (result.elapsed / 1000),
    longTaskMs: result.longTasks,
    mainThreadBusy: busy,
    heapMB: [result.h0 / 1e6, result.h1 / 1e6],
    wasmMB: [result.w0 / 1e6, result.w1 / 1e6],
  };
}

const f = (x) => x.toFixed(1);
export const tableHead = [
  '| DPR | speed | frames | p50 ms | p95 ms | p99 ms | max ms | >17 ms | >33 ms | steps/s | main busy | long tasks ms | heap MB start→end | wasm MB start→end |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
].join('\n');
export const tableRow = (r) => `| ${r.dpr} | ${r.speed} | ${r.frames} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} | ${(100 * r.over17).toFixed(1)} % | ${(100 * r.over33).toFixed(1)} % | ${f(r.stepsPerSecond)} | ${(100 * r.mainThreadBusy).toFixed(0)} % | ${f(r.longTaskMs)} | ${f(r.heapMB[0])} → ${f(r.heapMB[1])} | ${f(r.wasmMB[0])} → ${f(r.wasmMB[1])} |`;

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dist = path.resolve(process.argv[2] || path.join(here, '../../../dist'));
  const seconds = Number(process.argv[3] || 10);
  const speedIndex = process.argv[4]; // undefined = the page's default speed
  const { port, server } = await serve(dist);
  const browser = await launch();
  const dprs = (process.env.PLAY_DPRS || '1,2').split(',').map(Number);

  async function measure(dpr) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    await page.addInitScript(hookWasm);
    const hash = process.env.PLAY_HASH || 'scene=train';
    await page.goto(`http://127.0.0.1:${port}/#${hash}`);
    await page.getByTestId('step-count').waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    if (speedIndex !== undefined) await page.getByTestId('speed').fill(String(speedIndex));
    const speed = await page.getByTestId('speed-label').textContent(); // hidden on other scenes, still there
    // The Train scene's Play, or the "Use the model" scene's (the same run).
    const play = hash.includes('scene=use') ? 'use-play' : 'play';
    await page.getByTestId(play).click();
    await page.waitForTimeout(1000); // warm-up
    const r = await sample(context, page, seconds);
    await page.getByTestId(play).click();
    await context.close();
    return { dpr, speed, ...r };
  }

  console.log(`Playing ${seconds} s at 1280×720 (every training chart live), headless Chromium, --disable-gpu:`);
  console.log(tableHead);
  for (const dpr of dprs) console.log(tableRow(await measure(dpr)));
  await browser.close();
  server.kill();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
