// Throughput ratio: the page's default Config trained in the page's wasm and natively by the CLI, as wasm/native.
//   node tests/e2e/bench/throughput.mjs [dist-dir] [seconds]      (needs dist/ and target/release/reward-playground)
// Page: "as fast as possible" with the charts scrolled out of view; the play loop trains in a 6 ms time box per frame
// (it checks the clock every 4 steps), so training steps per millisecond of wasm time = steps per frame / 6 ms.
// Native: CPU time (user), and wall time, of `reward-playground train` for 2N steps minus N steps, so start-up and output files
// cancel out. Both figures are per step of the same run (default Config: linear, helpfulness, SGD, batch 4).
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../../..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const seconds = Number(process.argv[3] || 10);
const SLICE_MS = 6; // src/web/training/player.rs

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
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0);
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
    }, seconds * 1000);
  } finally {
    await browser.close();
    server.kill();
  }
}

const p = await pageStepsPerSecond();
const wasm = (p.stepsPerFrame / SLICE_MS) * 1000;
// CPU time is the fair native figure on a quiet machine; wall time is what the page's slices see on a busy one.
const native = nativeStepsPerSecond(200000, '%U');
const nativeWall = nativeStepsPerSecond(200000, '%R');
console.log(`page (wasm): ${p.stepsPerSecondWall.toFixed(0)} steps/s of wall time over ${p.frames} frames; ` +
  `${p.stepsPerFrame.toFixed(0)} steps per ${SLICE_MS} ms slice = ${wasm.toFixed(0)} steps/s of training time`);
console.log(`native (CLI): ${native.toFixed(0)} steps/s of CPU time, ${nativeWall.toFixed(0)} steps/s of wall time`);
console.log(`wasm / native: ${(wasm / native).toFixed(2)}× (CPU time), ${(wasm / nativeWall).toFixed(2)}× (wall time)`);
