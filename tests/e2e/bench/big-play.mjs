// Plays the page on the largest data set it accepts: 20 000 pairs (user_data.rs MAX_PAIRS) in under 2 MB of JSONL
// (MAX_TEXT_BYTES), loaded through the Train scene's Data tab as a person would (its file input), then measures the
// run as play.mjs does: animation-frame intervals (p50/p95/p99/max, share over 17 and 33 ms), steps/s, main-thread
// busy share, JS heap, and wasm memory before loading, after loading and at the end. At the page's default speed and
// at "as fast as possible", at devicePixelRatio 1 and 2 (BIG_DPRS=1 limits them). The goals: frame p95 ≤ 17 ms and
// wasm memory ≤ 150 MB.
//   node tests/e2e/bench/big-play.mjs [dist-dir] [seconds]        (run from tests/e2e; seconds default 10)
// The data: 5 000 prompts × 4 pairs, seeded (same file every run), short texts over a vocabulary of 3 000 two-syllable
// words; a chosen response carries more of the "good" words (the first tenth) than its rejected one, as
// scripts/big-data.py does, so there is something to learn. BIG_OUT=FILE also writes the file there.
// BIG_WATCH=SECONDS instead plays that long at the default speed and prints wasm memory every 5 s (does it level off?).
// Serve-free: it starts a static server on a free loopback port itself. Build dist/ first (scripts/bench.sh does).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { control } from '../specs/helpers.mjs';
import { hookWasm, launch, sample, serve, tableHead, tableRow, wasmBytes } from './play.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, '../../../dist'));
const seconds = Number(process.argv[3] || 10);
const PAIRS = 20_000;
const VOCAB = 3_000;
const SEED = 1;
const FASTEST = '9'; // the speed slider's last stop, SPEEDS' ∞: "as fast as possible"

/** A seeded generator of numbers in [0, 1) (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** PAIRS pairs of compact JSONL, 4 per prompt: the same arguments give the same bytes. */
function bigData(pairs, vocab, seed) {
  const rng = random(seed);
  const syllables = [...'bdfgklmnprstvz'].flatMap((c) => [...'aeiou'].map((v) => c + v)); // 70
  const word = (i) => { let s = ''; do { s = syllables[i % 70] + s; i = Math.floor(i / 70); } while (i > 0); return s; };
  const words = Array.from({ length: vocab }, (_, i) => word(i + 70)); // two syllables
  const good = Math.floor(vocab / 10);
  const pick = (n) => Math.floor(rng() * n);
  const response = (goodShare) => Array.from({ length: 3 + pick(2) },
    () => words[rng() < goodShare ? pick(good) : pick(vocab)]).join(' ');
  const lines = [];
  let prompt = '';
  for (let p = 0; p < pairs; p++) {
    if (p % 4 === 0) prompt = `Q${p / 4 + 1} ${words[pick(vocab)]} ${words[pick(vocab)]} ${words[pick(vocab)]}`;
    const chosen = response(0.5);
    let rejected = response(0.1);
    if (rejected === chosen) rejected += ` ${words[vocab - 1]}`;
    lines.push(JSON.stringify({ prompt, chosen, rejected }));
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const data = bigData(PAIRS, VOCAB, SEED);
if (data.length > 2_000_000) throw new Error(`the data is ${data.length} bytes, over the page's 2 MB`);
if (process.env.BIG_OUT) writeFileSync(process.env.BIG_OUT, data);
const fileName = `big-${PAIRS}.jsonl`;

const { port, server } = await serve(dist);
const browser = await launch();
const dprs = (process.env.BIG_DPRS || '1,2').split(',').map(Number);
const MB = (b) => (b / 1e6).toFixed(1);

async function measure(dpr, speedIndex) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(hookWasm);
  await page.goto(`http://127.0.0.1:${port}/#scene=train`);
  await page.getByTestId('step-count').waitFor({ state: 'attached' });
  await page.waitForFunction(() => window.__wasm);
  await page.waitForTimeout(500);
  const wasmBefore = await wasmBytes(page);

  // Load the file as a person would: the Data tab, "Upload .jsonl".
  const t0 = Date.now();
  await (await control(page, 'data-file')).setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: data });
  const status = page.getByTestId('data-status');
  await status.filter({ hasText: /Read \d+ pairs|nothing was changed|problem/ }).waitFor({ timeout: 120_000 });
  const loadMs = Date.now() - t0;
  const shown = {
    status: (await status.textContent()).trim(),
    notice: (await page.getByTestId('notice').textContent()).trim(),
    dataset: await page.getByTestId('set-dataset').inputValue(),
    step: (await page.getByTestId('step-count').textContent()).trim(),
    pairOptions: await page.getByTestId('pair-select').locator('option').count(),
  };
  if (shown.status !== `Read ${PAIRS} pairs from ${fileName}.` || shown.dataset !== 'my-data' || shown.step !== '0'
    || !shown.notice.includes(`(${PAIRS} pairs)`)) {
    throw new Error(`the page did not take the data: ${JSON.stringify(shown)} ${problems.join(' | ')}`);
  }
  await page.waitForTimeout(500);
  const wasmLoaded = await wasmBytes(page);

  if (speedIndex !== undefined) await page.getByTestId('speed').fill(speedIndex);
  const speed = await page.getByTestId('speed-label').textContent();
  await page.getByTestId('play').click();
  await page.waitForTimeout(1000); // warm-up
  const r = await sample(context, page, seconds);
  await page.getByTestId('play').click();
  const end = {
    wasm: await wasmBytes(page),
    step: (await page.getByTestId('step-count').textContent()).trim(),
    dataset: await page.getByTestId('set-dataset').inputValue(),
  };
  await context.close();
  return { dpr, speed, ...r, wasmBefore, wasmLoaded, loadMs, shown, end, problems };
}

console.log(`Data: ${PAIRS} pairs (${PAIRS / 4} prompts × 4), ${VOCAB} words, seed ${SEED}: ${data.length} bytes of JSONL.`);
if (process.env.BIG_WATCH) {
  // Memory over a long run instead: the page's default speed, DPR 1, wasm memory every 5 s.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(hookWasm);
  await page.goto(`http://127.0.0.1:${port}/#scene=train`);
  await page.getByTestId('step-count').waitFor({ state: 'attached' });
  await page.waitForFunction(() => window.__wasm);
  await (await control(page, 'data-file')).setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: data });
  await page.getByTestId('data-status').filter({ hasText: /Read \d+ pairs/ }).waitFor({ timeout: 120_000 });
  console.log(`| s | step | wasm MB |\n|---|---|---|\n| 0 | 0 | ${MB(await wasmBytes(page))} |`);
  await page.getByTestId('play').click();
  for (let s = 5; s <= Number(process.env.BIG_WATCH); s += 5) {
    await page.waitForTimeout(5000);
    console.log(`| ${s} | ${(await page.getByTestId('step-count').textContent()).trim()} | ${MB(await wasmBytes(page))} |`);
  }
  await browser.close();
  server.kill();
  process.exit(0);
}

const results = [];
for (const dpr of dprs) for (const speedIndex of [undefined, FASTEST]) results.push(await measure(dpr, speedIndex));
await browser.close();
server.kill();

const s = results[0].shown;
console.log(`The page, after loading: "${s.status}"; notice "${s.notice}"; data set ${s.dataset}; step ${s.step}; `
  + `"Follow a pair" lists ${s.pairOptions} options.`);
console.log(`\nPlaying ${seconds} s at 1280×720 on ${PAIRS} pairs, headless Chromium, --disable-gpu:`);
console.log(tableHead);
for (const r of results) console.log(tableRow(r));
console.log('\n| DPR | speed | load ms | wasm MB before loading | after loading | at the end | steps at the end | problems |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.dpr} | ${r.speed} | ${r.loadMs} | ${MB(r.wasmBefore)} | ${MB(r.wasmLoaded)} | ${MB(r.end.wasm)} | ${r.end.step} | ${r.problems.length ? r.problems.join('; ') : 'none'} |`);
}
const worstP95 = Math.max(...results.map((r) => r.p95));
const mostWasm = Math.max(...results.map((r) => r.end.wasm));
console.log(`\nframe p95 at most ${worstP95.toFixed(1)} ms (goal ≤ 17): ${worstP95 <= 17 ? 'met' : 'not met'}; `
  + `wasm memory at most ${MB(mostWasm)} MB (goal ≤ 150): ${mostWasm <= 150e6 ? 'met' : 'not met'}.`);
