import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { control } from './specs/helpers.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const page = await context.newPage();
await page.goto(process.argv[2] + '#scene=train');
await page.getByTestId('step-count').waitFor({ state: 'attached' });
await page.waitForTimeout(500);
await (await control(page, 'data-file')).setInputFiles({ name: 'big.jsonl', mimeType: 'text/plain', buffer: readFileSync('/tmp/big20k.jsonl') });
await page.getByTestId('data-status').filter({ hasText: /Read \d+ pairs/ }).waitFor();
await page.getByTestId('speed').fill('9');
await page.getByTestId('play').click();
await page.waitForTimeout(1500);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.waitForTimeout(4000);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let total = 0;
const counts = new Map();
for (let i = 0; i < profile.samples.length; i++) { counts.set(profile.samples[i], (counts.get(profile.samples[i]) || 0) + dt[i]); total += dt[i]; }
// inclusive time per function name
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) {
  const seen = new Set();
  let cur = id;
  while (cur !== undefined) {
    const name = byId.get(cur).callFrame.functionName || '(anon)';
    if (!seen.has(name)) { incl.set(name, (incl.get(name) || 0) + t); seen.add(name); }
    cur = parent.get(cur);
  }
  const sname = byId.get(id).callFrame.functionName || '(anon)';
  self.set(sname, (self.get(sname) || 0) + t);
}
const show = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, t]) => `${(t / total * 100).toFixed(1)}% ${n.slice(0, 140)}`).join('\n');
console.log('SELF\n' + show(self, 25));
console.log('INCLUSIVE\n' + show(incl, 60));
