// Hostile input through the page, as a person would give it, and what the page did with each: one line per case.
//  - resizes the page while it plays (steps before/after, whether the loss chart is repainted at the new width);
//  - types out-of-range batch sizes (what the field and the messages show);
//  - pastes malformed JSONL and picks hostile files in the data panel (empty, ~10 MB, 100 000 pairs, chosen =
//    rejected, non-UTF-8, UTF-16, 900 000 bad lines), and pastes 10 MB, after loading a small data set of the
//    reader's own and stepping on it: each line quotes the messages and shows the step, the data set and its status
//    line before and after, so a refusal that lost the reader's data or their step would show;
//  - hides the page while it plays (a second page in front, then the window minimized) and brings it back;
//  - opens the page with a link hash of hostile values (the share notice, and the settings the page used).
// Console errors (and page errors) are reported per case. Fixture files are written to os.tmpdir() at run time.
//   node tests/e2e/bench/hostile.mjs [dist-dir]      (HOSTILE_SKIP_BIG_PASTE=1: skip the 10 MB paste, ~5 min)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOOD } from '../specs/helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, '../../../dist'));
const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
});
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: dist, stdio: 'ignore' });
for (let i = 0; i < 50; i++) {
  try { await fetch(`http://127.0.0.1:${port}/`); break; } catch { await new Promise((r) => setTimeout(r, 200)); }
}
const base = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.slice(0, -1) });
const tmp = mkdtempSync(path.join(tmpdir(), 'rp-hostile-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true })); // the fixtures go even if a case throws

/** Console errors and page errors of `page`, in order; a case reports the ones that arrived during it. */
function watch(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  return errors;
}
const q = (s) => JSON.stringify(s);
const clip = (s, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);
const newErrors = (errors, from) => (errors.length > from
  ? `${errors.length - from}: ${errors.slice(from).map((e) => q(clip(e))).join(' | ')}` : 'none');

const page = await context.newPage();
const errors = watch(page);
await page.goto(`${base}#scene=train`);
// The Train scene hides the explorer, whose chart marks 'first-chart': wait for the app's Step instead.
await page.waitForSelector('[data-testid="step"]', { state: 'attached' });
await page.getByTestId('step-count').waitFor(); // the training and data panels mount one frame after the explorer
const steps = async (p = page) => Number(await p.getByTestId('step-count').textContent());

// ---- Resizing while playing, and out-of-range batch sizes ----
const canvasWidth = () => page.getByTestId('live-loss').evaluate((el) => {
  const c = el.tagName === 'CANVAS' ? el : el.querySelector('canvas');
  return c ? c.width : -1;
});
await page.getByTestId('live-loss').waitFor();
await page.getByTestId('play').click();
await page.waitForTimeout(1500);
const s0 = await steps();
for (const [w, h] of [[360, 740], [1920, 1080], [800, 600], [1280, 720]]) {
  await page.setViewportSize({ width: w, height: h });
  await page.waitForTimeout(500);
  console.log(`resized to ${w}×${h}: step ${await steps()}, loss chart canvas ${await canvasWidth()} px wide`);
}
console.log(`steps: ${s0} before resizing, ${await steps()} after`);
await page.getByTestId('play').click(); // pause
await page.waitForTimeout(300);
await page.getByTestId('tab-settings').click(); // the Settings tab of the side column
console.log(`batch-size field: ${await page.getByTestId('set-batch-size').evaluate((e) =>
  `${e.disabled ? 'disabled' : 'enabled'}, ${e.offsetParent ? 'shown' : 'not shown'}`)}`);
const batch = page.getByTestId('set-batch-size');
for (const typed of ['-5', '1e9', '2.5', '0']) {
  await batch.fill(typed);
  await batch.press('Enter');
  await batch.blur();
  await page.waitForTimeout(300);
  const status = await page.locator('[role=alert], [role=status]').allTextContents();
  console.log(`batch size typed ${JSON.stringify(typed)}: field shows ${JSON.stringify(await batch.inputValue())}; ` +
    `messages: ${JSON.stringify(status.filter((t) => t.trim()))}`);
}
console.log(`console errors: ${errors.length ? errors.join(' | ') : 'none'}`);

// ---- Hidden while playing ----
// Tries to hide the playing page: another page of the same context brought to the front, then the window minimized
// through CDP. For each, what document.visibilityState says, how many animation frames the page got in 1 s, and how
// many steps it took over 2 s (it plays at the default 10 steps/s); then the page is brought back.
{
  const from = errors.length;
  const visibility = () => page.evaluate(() => document.visibilityState);
  const frames = () => page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    let on = true;
    const tick = () => { if (on) { n += 1; requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
    setTimeout(() => { on = false; resolve(n); }, 1000); // timers still run where frames do not
  }));
  const measure = async (what) => {
    const vis = await visibility();
    const s1 = await steps();
    const f = await frames();
    await page.waitForTimeout(1000);
    const s2 = await steps();
    return `${what}: visibilityState ${q(vis)}, ${f} animation frames in 1 s, step ${s1} → ${s2} over 2 s`;
  };
  const speed = (await page.getByTestId('speed-label').textContent()).trim();
  await page.getByTestId('play').click();
  await page.waitForTimeout(1000);
  const playing = await page.getByTestId('play').getAttribute('aria-pressed');
  const seen = [await measure('in front')];
  const other = await context.newPage();
  await other.goto('about:blank');
  await other.bringToFront();
  await page.waitForTimeout(300);
  seen.push(await measure('a second page of the same context opened and bringToFront()'));
  const cdp = await context.newCDPSession(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'minimized' } });
  await page.waitForTimeout(300);
  const winState = (await cdp.send('Browser.getWindowBounds', { windowId })).bounds.windowState;
  seen.push(await measure(`then its window minimized (CDP Browser.setWindowBounds; window state now ${q(winState)})`));
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
  await other.close();
  await page.bringToFront();
  await page.waitForTimeout(300);
  seen.push(await measure('back: window normal, second page closed, page.bringToFront()'));
  await cdp.detach();
  await page.getByTestId('play').click(); // pause
  console.log(`9. hide mid-play (playing: aria-pressed ${q(playing)}, speed ${q(speed)}): ${seen.join('; ')}; ` +
    `console errors: ${newErrors(errors, from)}`);
}

// ---- Hostile data through the data panel ----

/** What the reader has: step, loss, data set (name, pairs, the settings' description of it) and the panel's status. */
async function state(p = page) {
  const pairs = (await p.getByTestId('pair-select').locator('option').count()) - 1; // minus "(none)"
  const hint = (await p.locator('form.settings > p.hint').first().textContent()).trim();
  const status = p.getByTestId('data-status');
  return {
    step: await steps(p),
    loss: await p.getByTestId('train-loss').getAttribute('data-value'),
    dataset: await p.getByTestId('set-dataset').inputValue(),
    pairs,
    hint,
    status: (await status.count()) ? (await status.textContent()).trim() : '',
  };
}
const describe = (s) => `step ${s.step}, loss ${Number(s.loss).toFixed(6)}, data set ${q(s.dataset)} ` +
  `(${s.pairs} pairs; ${q(s.hint)}), status line ${q(s.status)}`;
const same = (a, b) => a.step === b.step && a.loss === b.loss && a.dataset === b.dataset && a.pairs === b.pairs &&
  a.hint === b.hint;

/** The data panel's live region: a flag is set on any change in it, so a message equal to the last one counts too. */
const dataRegion = () => page.locator('section.data-panel > div[role=status]');
async function armRegion() {
  await dataRegion().evaluate((el) => {
    window.__dataChanged = false;
    window.__dataObserver?.disconnect();
    window.__dataObserver = new MutationObserver(() => { window.__dataChanged = true; });
    window.__dataObserver.observe(el, { childList: true, subtree: true, characterData: true });
  });
}
async function waitRegion(ms = 20000) {
  const t0 = Date.now();
  try {
    await page.waitForFunction(() => window.__dataChanged, null, { timeout: ms, polling: 50 });
  } catch { return { ms: Date.now() - t0, timedOut: true }; }
  await page.waitForTimeout(150); // let the list below the status line finish rendering
  return { ms: Date.now() - t0, timedOut: false };
}
async function messages() {
  const list = page.getByTestId('data-errors').locator('li');
  const n = await list.count();
  const items = n ? await list.evaluateAll((els) => els.slice(0, 6).map((e) => e.textContent.trim())) : [];
  return { n, items };
}

/** Runs one case: `act` pastes or picks; then reports the messages, the state before/after and console errors. */
async function dataCase(name, act, { expectChange = false, wait = 20000 } = {}) {
  const before = await state();
  const from = errors.length;
  await armRegion();
  await act();
  const waited = await waitRegion(wait);
  const after = await state();
  const { n, items } = await messages();
  const notice = (await page.getByTestId('notice').textContent()).trim();
  // A message equal to the one already shown changes nothing in the DOM, so "no change" is told apart from "no
  // message" only by the text already there.
  const shown = (waited.timedOut ? `no change in the message area within ${waited.ms} ms: ` +
    (after.status ? `it still shows status ${q(after.status)} (the same message again, or none)` : 'NO MESSAGE')
    : `status ${q(after.status)}`) +
    (n ? `; ${n} listed problem${n === 1 ? '' : 's'}: ${items.map(q).join(', ')}${n > items.length ? ', …' : ''}` : '');
  const limit = /pairs is more than/.test(after.status) ? ' [the 20 000-pair limit was hit]'
    : /MB is more than/.test(after.status) ? ' [the 2 MB size limit was hit]' : '';
  console.log(`${name}: ${shown}${limit} (after ${waited.ms} ms). Before: ${describe(before)}. After: ${describe(after)}. ` +
    `${same(before, after) ? 'Nothing the reader had changed' : expectChange ? 'Changed, as asked' : 'CHANGED'}; run notice ${q(notice)}; ` +
    `console errors: ${newErrors(errors, from)}`);
  return { before, after };
}
/** Pastes `text` over whatever the textarea `sel` holds, as a person would: the clipboard, Ctrl+A, Ctrl+V. Returns
 * the page's own times from the key press to its input event, and to the first task after the next frame (the
 * handlers and the layout done). (Playwright's fill() of 10 MB did not finish in 60 s even on a bare textarea.) */
async function pasteText(text, sel = '[data-testid=data-text]') {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(sel).focus();
  await page.keyboard.press('Control+A');
  await page.evaluate((selector) => {
    const el = document.querySelector(selector);
    window.__pasted = new Promise((resolve) => {
      el.addEventListener('input', () => {
        const input = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve({ input, settled: performance.now() }), 0));
      }, { once: true });
    });
    window.__pressed = performance.now();
  }, sel);
  await page.keyboard.press('Control+V');
  const times = await page.evaluate(async (selector) => {
    const { input, settled } = await window.__pasted;
    return { input: Math.round(input - window.__pressed), settled: Math.round(settled - window.__pressed),
      length: document.querySelector(selector).value.length };
  }, sel);
  if (times.length !== text.length) throw new Error(`pasted ${text.length} characters, the textarea has ${times.length}`);
  return times;
}
const paste = (text) => async () => {
  await pasteText(text);
  await page.getByTestId('data-use').click();
};
const pick = (file) => () => page.getByTestId('data-file').setInputFiles(file);
const fixture = (name, bytes) => {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  return file;
};
const mb = (file) => `${(statSync(file).size / 1e6).toFixed(2)} MB`;

// The reader's own data, and some steps on it: what every hostile case below must leave alone.
await page.getByTestId('tab-data').click(); // the Data tab of the side column
await dataCase('setup: a valid 4-line data set pasted (what the reader has)', paste(GOOD), { expectChange: true });
for (let i = 0; i < 5; i++) await page.getByTestId('step').click();
console.log(`setup: stepped 5 times: ${describe(await state())}`);

await dataCase('1. malformed JSONL pasted (truncated object, plain text, a number as the prompt), then "use"', paste([
  '{"prompt": "How do I boil an egg?", "chosen": "Boil it for nine min',
  'this line is plain text, not JSON',
  '{"prompt": 42, "chosen": "Yes.", "rejected": "No."}',
].join('\n')));

await dataCase('2. empty file (0 bytes) picked', pick(fixture('empty.jsonl', '')));

// ~10 MB of valid lines, so only the size limit can refuse it.
const line = (i) => `{"prompt": "Question ${i} about eggs and knots?", "chosen": "A long careful answer number ${i} ` +
  `that explains every step in order.", "rejected": "No idea ${i}."}\n`;
let big = '';
for (let i = 0; big.length < 10_000_000; i++) big += line(i);
const bigFile = fixture('ten-mb.jsonl', big);
await dataCase(`3. ~10 MB file picked (${mb(bigFile)}, valid lines)`, pick(bigFile));
// 100 000 pairs in well under 2 MB: rankings (K entries expand to K(K−1)/2 pairs; at most 100 entries a line):
// 20 rankings of 100 (4 950 pairs each), one of 45 (990) and one of 5 (10).
const ranking = (i, k) => `{"prompt": "p${i}", "ranking": [${Array.from({ length: k }, (_, j) => `"w${j}"`).join(',')}]}\n`;
const manyPairs = [...Array.from({ length: 20 }, (_, i) => ranking(i, 100)), ranking(20, 45), ranking(21, 5)].join('');
const manyFile = fixture('pairs-100000.jsonl', manyPairs);
await dataCase(`4. 100 000-pair file picked (${mb(manyFile)}: 22 rankings expanding to 100 000 pairs)`, pick(manyFile));

await dataCase('5. file where chosen and rejected are identical', pick(fixture('same.jsonl', [
  '{"prompt": "Say hi", "chosen": "Hello there.", "rejected": "Hello there."}',
  '{"prompt": "Say bye", "chosen": "Bye.", "rejected": "  Bye.  "}',
].join('\n'))));

await dataCase('6. file with a non-UTF-8 byte (0xE9 inside a string)', pick(fixture('latin1.jsonl', Buffer.concat([
  Buffer.from('{"prompt": "Order a caf'), Buffer.from([0xe9]), Buffer.from('", "chosen": "One coffee, please.", ' +
    '"rejected": "Coffee."}\n'),
  Buffer.from(GOOD.split('\n')[0]),
]))));

const utf16 = (text, bom) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
await dataCase('7. UTF-16LE file with a byte-order mark', pick(fixture('utf16-bom.jsonl', utf16(GOOD, true))));
await dataCase('7b. UTF-16LE file without a byte-order mark', pick(fixture('utf16.jsonl', utf16(GOOD, false))));
// One more: a file under the 2 MB limit whose every line is bad, so the list of problems is huge.
await dataCase('extra. 900 000 bad lines ("x") in a 1.8 MB file, under the size limit',
  pick(fixture('bad-lines.jsonl', 'x\n'.repeat(900_000))), { wait: 300000 });
rmSync(tmp, { recursive: true, force: true });

// Last, so the 10 MB of text is never cleared (deleting it is slow too). The paste goes over the text already in the
// box (case 1's), selected with Ctrl+A, as a reader pasting again would. First a control: the same paste into a bare
// textarea added beside the page's and holding the same text, then removed. (Chromium pastes 10 MB into an empty
// textarea in a few seconds, but over a selection in minutes, in any textarea.) HOSTILE_SKIP_BIG_PASTE=1 skips this.
if (process.env.HOSTILE_SKIP_BIG_PASTE) {
  console.log('3b. the ~10 MB paste: skipped (HOSTILE_SKIP_BIG_PASTE is set)');
} else {
  const held = (await page.getByTestId('data-text').inputValue()).length;
  const control = await page.getByTestId('data-text').evaluate((area) => {
    const c = document.createElement('textarea');
    c.id = 'hostile-control';
    c.rows = 4;
    c.spellcheck = false;
    c.value = area.value;
    area.insertAdjacentElement('afterend', c);
    return c.id;
  });
  const bare = await pasteText(big, `#${control}`);
  await page.locator(`#${control}`).evaluate((c) => c.remove());
  let times;
  await dataCase(`3b. the same ~10 MB pasted into the textarea (${(big.length / 1e6).toFixed(2)} MB of text, Ctrl+V), ` +
    'then "use"', async () => { times = await pasteText(big); await page.getByTestId('data-use').click(); });
  console.log(`3b. timing: pasted over the ${held} characters already in the box, the 10 MB reached the page's ` +
    `textarea (its input event) ${times.input} ms after Ctrl+V, and the page was free again after ${times.settled} ms; ` +
    `the same paste into a bare textarea holding the same text: ${bare.input} ms / ${bare.settled} ms`);
}

// ---- A link hash of hostile values ----
{
  const hash = '#lr=NaN&mom=inf&test=1e308&batch=-3&seed=-1&eps=%3Cscript%3E&speed=1e9&pair=99999999';
  const linked = await context.newPage();
  const linkedErrors = watch(linked);
  let alerted = '';
  linked.on('dialog', (d) => { alerted = d.message(); d.dismiss(); });
  await linked.goto(base + hash);
  await linked.getByTestId('step-count').waitFor();
  await linked.waitForTimeout(500);
  const notice = linked.getByTestId('share-notice');
  const noticeText = (await notice.count())
    ? (await notice.evaluate((el) => [el.querySelector('p')?.textContent,
      ...[...el.querySelectorAll('li')].map((li) => li.textContent)].filter(Boolean)))
    : [];
  const val = (id) => linked.getByTestId(id).inputValue();
  const used = {
    lr: (await linked.getByTestId('set-lr-value').textContent()).trim(),
    batch: await val('set-batch-size'),
    seed: await val('set-seed'),
    testFraction: (await linked.getByTestId('set-test-fraction').inputValue()),
    loss: await val('set-loss'),
    speed: (await linked.getByTestId('speed-label').textContent()).trim(),
    pair: await val('pair-select'),
    step: await steps(linked),
  };
  const injected = (await notice.count()) ? await notice.evaluate((el) => el.querySelectorAll('script').length) : 0;
  console.log(`8. opened with ${hash}: share notice ${noticeText.length ? noticeText.map(q).join(' / ') : 'NOT SHOWN'}; ` +
    `settings used: learning rate ${used.lr}, batch size ${used.batch}, seed ${used.seed}, test fraction ` +
    `${used.testFraction}, loss ${used.loss}, speed ${q(used.speed)}, followed pair ${q(used.pair)}, step ${used.step}; ` +
    `address now ${q(await linked.evaluate(() => location.hash))}; dialogs: ${alerted ? q(alerted) : 'none'}; ` +
    `script elements inside the notice: ${injected}; console errors: ${newErrors(linkedErrors, 0)}`);
  await linked.close();
}

console.log(`console errors over the whole run (main page): ${errors.length ? errors.map((e) => q(clip(e))).join(' | ') : 'none'}`);
await browser.close();
server.kill();
