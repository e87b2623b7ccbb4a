// Lighthouse (npm lighthouse@12.2.3) against the built page in Debian's Chromium: serves dist/ on loopback, runs
// the accessibility and best-practices categories (desktop and mobile), prints the scores and every failing audit.
// Usage (from tests/e2e, after `trunk build --release`): node bench/lighthouse.mjs [--strict] [--performance] [DIST]
// --strict exits 1 unless both categories score 100 on both form factors. --performance instead runs the mobile
// performance category as Lighthouse defines it (simulated slow 4G and a 4× slower CPU) three times and prints the
// score, FCP, LCP, TBT, CLS, Speed Index and time to interactive (from Lighthouse's metrics audit) of each run and
// their median. DIST: another built folder (default dist/); with several (--performance), their runs alternate, e.g.
// `node bench/lighthouse.mjs --performance ../../dist /tmp/tfp/dist` against TensorFlow Playground built from its
// repository (BENCHMARKS.md says how).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const performance = args.includes('--performance');
const given = args.filter((a) => !a.startsWith('--')).map((a) => path.resolve(a));
const dists = given.length ? given : [path.resolve(here, '../../../dist')];

const freePort = () => new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
/** Serves `dir` on loopback, uncompressed; resolves to its URL and server once it answers. */
async function serve(dir) {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: dir, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { dir, url, server };
}
const sites = [];
for (const dir of dists) sites.push(await serve(dir));
const { url } = sites[0];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let worst = 100;
try {
  if (performance) {
    const runs = sites.map(() => []);
    for (let i = 0; i < 3; i++) {
      for (const [k, site] of sites.entries()) {
        const { lhr } = await lighthouse(site.url, { port: chrome.port, output: 'json', logLevel: 'error',
          onlyCategories: ['performance'], formFactor: 'mobile' });
        const ms = (id) => lhr.audits[id].numericValue;
        const run = { score: lhr.categories.performance.score, fcp: ms('first-contentful-paint'),
          lcp: ms('largest-contentful-paint'), tbt: ms('total-blocking-time'), cls: ms('cumulative-layout-shift'),
          si: ms('speed-index'), tti: lhr.audits.metrics.details.items[0].interactive, bytes: ms('total-byte-weight') };
        runs[k].push(run);
        console.log(`run ${i + 1} (${site.dir}): ${JSON.stringify(run)}`);
      }
    }
    for (const [k, site] of sites.entries()) {
      const median = (key) => runs[k].map((r) => r[key]).sort((a, b) => a - b)[1];
      console.log(`median (${site.dir}): score ${median('score')}, FCP ${Math.round(median('fcp'))} ms, `
        + `LCP ${Math.round(median('lcp'))} ms, TBT ${Math.round(median('tbt'))} ms, CLS ${median('cls').toFixed(3)}, `
        + `Speed Index ${Math.round(median('si'))} ms, TTI ${Math.round(median('tti'))} ms, `
        + `${Math.round(median('bytes') / 1024)} KiB`);
    }
  }
  for (const formFactor of performance ? [] : ['desktop', 'mobile']) {
    const screen = formFactor === 'desktop'
      ? { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }
      : { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false };
    const result = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['accessibility', 'best-practices'],
      formFactor, screenEmulation: screen,
      throttlingMethod: 'provided',
    });
    const { categories, audits } = result.lhr;
    for (const c of Object.values(categories)) {
      const score = Math.round(c.score * 100);
      worst = Math.min(worst, score);
      console.log(`${formFactor.padEnd(8)} ${c.title.padEnd(15)} ${score}`);
      for (const ref of c.auditRefs) {
        const a = audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) {
          console.log(`  fails: ${a.id}: ${a.title}`);
          for (const item of (a.details?.items || []).slice(0, 5)) {
            console.log(`    ${item.node?.snippet || item.description || item.source?.url || JSON.stringify(item).slice(0, 160)}`);
          }
        }
      }
    }
  }
} finally {
  await chrome.kill();
  for (const site of sites) site.server.kill();
}
if (strict && worst < 100) process.exit(1);
