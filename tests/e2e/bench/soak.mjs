// Soak: plays the page at its default speed for N minutes (default 60) with every training chart live, and every
// minute prints JS heap, wasm memory (the WebAssembly.Memory byteLength, a high-water mark), steps so far, and that
// minute's animation-frame intervals (p50/p95/max, share over 17 ms), so drift in memory or frame times shows.
//   node tests/e2e/bench/soak.mjs [dist-dir] [minutes] [sample-seconds]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, '../../../dist'));
const minutes = Number(process.argv[3] || 60);
const sampleSeconds = Number(process.argv[4] || 60);

const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const port = await freePort();
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: dist, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const page = await context.newPage();
await page.addInitScript(() => {
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  window.__intervals = [];
  let last = 0;
  const tick = (t) => {
    if (last) window.__intervals.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
await page.goto(`http://127.0.0.1:${port}/#scene=train`);
// The Train scene hides the explorer, whose chart marks 'first-chart': wait for the app's Step instead.
await page.waitForSelector('[data-testid="step"]', { state: 'attached' });
await page.getByTestId('live-loss').waitFor();
const speed = await page.getByTestId('speed-label').textContent();
await page.getByTestId('play').click();

const sample = () => page.evaluate(() => {
  if (window.gc) window.gc(); // live heap, not garbage waiting for collection
  const xs = window.__intervals.splice(0).sort((a, b) => a - b);
  const q = (p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  return {
    steps: Number(document.querySelector('[data-testid=step-count]').textContent),
    heap: performance.memory.usedJSHeapSize,
    wasm: window.__wasm ? window.__wasm.memory.buffer.byteLength : NaN,
    frames: xs.length, p50: q(0.5), p95: q(0.95), max: xs[xs.length - 1],
    over17: xs.filter((x) => x > 17).length / xs.length,
  };
});

const f = (x) => x.toFixed(1);
console.log(`Soak: ${minutes} min at ${speed}, 1280×720, every training chart live, a sample every ${sampleSeconds} s`);
console.log('| minute | steps | heap MB | wasm MB | frames | p50 ms | p95 ms | max ms | >17 ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
const rows = [];
const start = Date.now();
await sample(); // discard the start-up frames
for (let i = 1; i * sampleSeconds <= minutes * 60; i++) {
  await page.waitForTimeout(start + i * sampleSeconds * 1000 - Date.now());
  const r = await sample();
  rows.push(r);
  console.log(`| ${f((i * sampleSeconds) / 60)} | ${r.steps} | ${(r.heap / 1e6).toFixed(2)} | ${(r.wasm / 1e6).toFixed(2)} | ` +
    `${r.frames} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.max)} | ${(100 * r.over17).toFixed(1)} % |`);
}
// Growth per minute after the first sample (the first 10⁴ steps fill the run's bounded records).
if (rows.length >= 2) {
  const a = rows[0];
  const b = rows[rows.length - 1];
  const mins = ((rows.length - 1) * sampleSeconds) / 60;
  console.log(`growth from the first sample to the last (${f(mins)} min): heap ${((b.heap - a.heap) / 1e6 / mins).toFixed(3)} ` +
    `MB/min, wasm ${((b.wasm - a.wasm) / 1e6 / mins).toFixed(3)} MB/min`);
}
await browser.close();
server.kill();
