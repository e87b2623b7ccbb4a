// Throughput ratio: the page's default run (linear, helpfulness, SGD, batch of 4 prompts) trained inside the page's own
// wasm and natively, as wasm/native.
//   node tests/e2e/bench/throughput.mjs [dist-dir] [seconds]        (needs dist/; runs `cargo bench` for the native side)
// Page: the module's `benchTrain(1000, N)` export (src/web/bench.rs) starts a new run, takes 1 000 warm-up steps and
// times N more with performance.now(); two warm-up calls, then seven: the median and the fastest. Native: Criterion's
// `default_run/steps` (benches/train.rs), the same new run, warm-up and steps timed with Instant: the median and the
// fastest of 10 samples.
// Also reported: the play loop at "as fast as possible" (charts out of view), which trains in a 6 ms time box per frame
// and checks the clock every 4 steps, so steps per frame / 6 ms is its training rate.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../../..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const seconds = Number(process.argv[3] || 10);
const SLICE_MS = 6; // src/web/training/player.rs
const BENCH_STEPS = 100000;

// Criterion's median, and its fastest sample: on a shared machine other work only ever slows a run down, so the
// fastest of several timings is the steadiest figure (both sides are reported both ways).
function criterionStepsPerSecond() {
  execFileSync('cargo', ['bench', '--bench', 'train', '--', 'default_run'], { cwd: root, stdio: 'ignore' });
  const dir = path.join(root, 'target/criterion/default_run/steps/new');
  const est = JSON.parse(readFileSync(path.join(dir, 'estimates.json')));
  const sample = JSON.parse(readFileSync(path.join(dir, 'sample.json')));
  const fastest = Math.min(...sample.times.map((t, i) => t / sample.iters[i]));
  // one iteration = BENCH_STEPS steps; times in ns
  return { median: BENCH_STEPS / (est.median.point_estimate / 1e9), best: BENCH_STEPS / (fastest / 1e9) };
}

function nativeStepsPerSecond(n, clock) {
  const out = mkdtempSync(path.join(tmpdir(), 'rp-throughput-'));
  const cpu = (steps) => {
    const t = execFileSync('bash', ['-c', `TIMEFORMAT=${clock}; { time "$0" train --dataset helpfulness --steps ${steps} ` +
      `--out "$1" >/dev/null; } 2>&1`, path.join(root, 'target/release/reward-playground'), out]).toString();
    return Number(t.trim().split('\n').pop());
  };
  const a = Math.min(cpu(n), cpu(n));
  const b = Math.min(cpu(2 * n), cpu(2 * n));
  rmSync(out, { recursive: true });
  return n / (b - a);
}

async function pageStepsPerSecond() {
  const port = await new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
  });
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: dist, stdio: 'ignore' });
  for (let i = 0; i < 50; i++) { // wait until the server answers (slow on a busy machine)
    try { await fetch(`http://127.0.0.1:${port}/`); break; } catch { await new Promise((r) => setTimeout(r, 200)); }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
    await page.goto(`http://127.0.0.1:${port}/#scene=train`);
    // The Train scene hides the explorer, whose chart marks 'first-chart': wait for the app and its Step instead.
    await page.waitForFunction(() => window.__wasm && document.querySelector('[data-testid="step"]'));
    const times = [];
    // Two untimed calls first: V8 compiles wasm with a baseline compiler and tiers hot functions up while they run
    // (Criterion warms up for 3 s likewise).
    const warm = [];
    for (let i = 0; i < 2; i++) warm.push(await page.evaluate((n) => window.__wasm.benchTrain(1000, n), BENCH_STEPS));
    for (let i = 0; i < 7; i++) times.push(await page.evaluate((n) => window.__wasm.benchTrain(1000, n), BENCH_STEPS));
    const sorted = [...times].sort((a, b) => a - b);
    const bench = BENCH_STEPS / (sorted[3] / 1000);
    const benchBest = BENCH_STEPS / (sorted[0] / 1000);
    await page.getByTestId('step').waitFor(); // the training panel mounts after the first chart
    const speed = page.getByTestId('speed');
    await speed.fill(await speed.getAttribute('max')); // the last speed: as fast as possible
    await page.getByTestId('play').click();
    await page.evaluate(() => window.scrollTo(0, 0)); // the training charts out of view
    await page.waitForTimeout(1000);
    return await page.evaluate(async (ms) => {
      const steps = () => Number(document.querySelector('[data-testid=step-count]').textContent);
      let frames = 0;
      const s0 = steps();
      const t0 = performance.now();
      await new Promise((resolve) => {
        const tick = (t) => { frames++; if (t - t0 < ms) requestAnimationFrame(tick); else resolve(); };
        requestAnimationFrame(tick);
      });
      const elapsed = (performance.now() - t0) / 1000;
      return { stepsPerSecondWall: (steps() - s0) / elapsed, stepsPerFrame: (steps() - s0) / frames, frames, elapsed };
    }, seconds * 1000).then((r) => ({ ...r, bench, benchBest, times, warm }));
  } finally {
    await browser.close();
    server.kill();
  }
}

const p = await pageStepsPerSecond();
const loop = (p.stepsPerFrame / SLICE_MS) * 1000;
const criterion = criterionStepsPerSecond();
// The CLI for 2N minus N steps (start-up and output files cancel): CPU time, and wall time.
const cli = nativeStepsPerSecond(200000, '%U');
const cliWall = nativeStepsPerSecond(200000, '%R');
const f = (x) => x.toFixed(0).padStart(8);
console.log(`page wasm, benchTrain(1000, ${BENCH_STEPS}): ${f(p.bench)} steps/s (median of 7 calls after 2 warm-up calls; ms in order: ${p.warm.map((t) => t.toFixed(0)).join(', ')} | ${p.times.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`native, Criterion default_run/steps:  ${f(criterion.median)} steps/s (median of its samples)`);
console.log(`wasm / native:                         ${(p.bench / criterion.median).toFixed(2)}× (medians)`);
console.log(`fastest of each side:                  wasm ${f(p.benchBest).trim()}, native ${f(criterion.best).trim()} steps/s: ` +
  `${(p.benchBest / criterion.best).toFixed(2)}×`);
console.log(`page play loop, as fast as possible:   ${f(loop)} steps/s of training time (${p.stepsPerFrame.toFixed(0)} steps per ` +
  `${SLICE_MS} ms slice, ${p.frames} frames; ${p.stepsPerSecondWall.toFixed(0)} steps/s of wall time)`);
console.log(`native CLI, 4e5 minus 2e5 steps:       ${f(cli)} steps/s of CPU time, ${f(cliWall)} of wall time`);
