// Keystrokes in the app beside two peer directories built on MiniSearch and FlexSearch
// (tests/bench/peers/), in one run, on the same catalogs (issue #13, item 5):
//
//   node tests/bench/keystrokes.mjs [demo|national]   (after a release build into dist/)
//
// It writes what it needs if missing, as budget.mjs does: the synthetic national catalog
// (`catalog-tool synth --orgs 175000 --seed 1`) and its shards (`catalog-tool shard …
// --no-compress`) under tests/.tmp/. The test server serves the app at /site/synth/ (one
// file) and /site/national/ (sharded), the demo catalog at /, and the peers at /peers/,
// reading the very same catalog files. Each page types the query list
// (tests/bench/queries.json) one character at a time, once per set of filters in the
// address, after its whole catalog is searchable and a one-second pause.
//
// What each figure is:
// - keystroke: from the `input` event's time stamp to the end of the frame after the last
//   DOM change it causes. A MutationObserver sees every change to the page except the
//   loading indicators (`shard-progress` and its bar, `catalog-size`); a keystroke's changes are over
//   once none has come for 300 ms (so a debounce or a deferred render counts), or 500 ms
//   after the input if nothing changed at all (then the figure is the next frame). "The
//   frame after" is a requestAnimationFrame and a message posted from it, which arrives
//   once the frame's main-thread work (style, layout, paint) is done.
// - first change: the same, to the frame after the first DOM change.
// - main-thread work: the growth of Chromium's TaskDuration (CDP Performance.getMetrics)
//   from just before the key is sent to the end of its window: every task on the page's
//   main thread, the input's, the page's, its frames', and the harness's one evaluate call.
// - while shards load (the app, sharded): "школа " typed over and over from the first
//   search box until the whole country is searchable, on 3 fresh loads. Here a keystroke's
//   changes are over after 50 ms without one, since the loader's own updates to the list
//   would otherwise be counted as the keystroke's; the main-thread work includes the
//   loader's tasks in the keystroke's window.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureNationalCatalog } from './national.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const repo = here('../../');
const scratch = here('../.tmp/');
const port = Number(process.env.BENCH_PORT || 8097);
const base = `http://127.0.0.1:${port}`;
const queries = JSON.parse(readFileSync(here('./queries.json'), 'utf8'));
/** Loaded: a keystroke's changes are over after this long without one. */
const SETTLED = 300;
/** While shards load: the same, shorter, so the loader's updates are not the keystroke's. */
const SETTLED_LOADING = 50;
/** How long to wait for a keystroke's first change before calling it one without any. */
const FIRST_CHANGE = 500;
const LOADS = 3;
/** Only this catalog's pages, for a quick look; both unless told. */
const only = process.argv[2];

if (!existsSync(`${repo}dist/index.html`)) {
  console.error('dist/ is missing: build first (trunk build --release --offline --locked)');
  process.exit(2);
}
for (const library of ['minisearch', 'flexsearch']) {
  if (!existsSync(here(`../node_modules/${library}/package.json`))) {
    console.error(`tests/node_modules/${library} is missing: run npm install in tests/`);
    process.exit(2);
  }
}
ensureNationalCatalog();

const versions = Object.fromEntries(
  ['minisearch', 'flexsearch'].map((name) => [name, JSON.parse(readFileSync(here(`../node_modules/${name}/package.json`), 'utf8')).version]),
);
const catalogs = {
  national: { size: 175_000, json: '/site/synth/data/catalog.json' },
  demo: { size: JSON.parse(readFileSync(`${repo}dist/data/catalog.json`, 'utf8')).organizations.length, json: '/data/catalog.json' },
};
const pages = [
  { label: 'app, one file', catalog: 'national', at: (f) => `${base}/site/synth/${f ? `?${f}` : ''}` },
  { label: 'app, sharded, whole country in', catalog: 'national', at: (f) => `${base}/site/national/${f ? `?${f}` : ''}` },
  ...peers('national'),
  { label: 'app', catalog: 'demo', at: (f) => `${base}/${f ? `?${f}` : ''}` },
  ...peers('demo'),
];

function peers(catalog) {
  return [
    ['minisearch', `MiniSearch ${versions.minisearch}`],
    ['flexsearch', `FlexSearch ${versions.flexsearch}`],
  ].map(([file, label]) => ({
    label,
    catalog,
    at: (f) => `${base}/peers/${file}.html?catalog=${catalogs[catalog].json}${f ? `&${f}` : ''}`,
  }));
}

const server = spawn('node', [here('../e2e/server.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((done) => setTimeout(done, 700));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// The machine is shared: its load before and after says how much else ran beside.
const loadBefore = loadavg()[0];
const rows = [];
/** Results found for each query, by page, to show that the engines match differently. */
const found = new Map();
try {
  for (const target of pages.filter((p) => !only || p.catalog === only)) rows.push(await typeQueries(target));
  if (!only || only === 'national') rows.splice(2, 0, await typeWhileLoading());
} finally {
  await browser.close();
  server.kill();
}

console.log(
  `\n${new Date().toISOString().slice(0, 10)}, ${queries.filter((q) => q.text).length} queries (tests/bench/queries.json), 1280 × 900, ` +
    `load average ${loadBefore.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after\n`,
);
console.log('| page | catalog | keystrokes | keystroke p50 | p95 | max | first change p95 | main-thread work p50 | p95 | max | ready after |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const latency = r.keys.map((k) => k.latency);
  const work = r.keys.map((k) => k.work);
  console.log(
    `| ${r.label} | ${r.catalog} | ${r.keys.length} | ${ms(pct(latency, 50))} | ${ms(pct(latency, 95))} | ${ms(Math.max(...latency))} | ` +
      `${ms(pct(r.keys.map((k) => k.first), 95))} | ${ms(pct(work, 50))} | ${ms(pct(work, 95))} | ${ms(Math.max(...work))} | ${r.ready} |`,
  );
}
console.log(
  `\nAn idle window on the same pages (the harness's calls and the page's own timers, no key), main-thread work p50: ` +
    rows.filter((r) => r.idle).map((r) => `${r.label} (${r.catalog}) ${ms(r.idle)}`).join(', '),
);
for (const catalog of Object.keys(catalogs).filter((c) => rows.some((r) => r.catalog === c))) {
  const labels = rows.filter((r) => r.catalog === catalog && found.has(`${catalog}|${r.label}`)).map((r) => r.label);
  console.log(`\nResults found, ${catalog} catalog\n`);
  console.log(`| query | filters | ${labels.join(' | ')} |`);
  console.log(`| --- | --- | ${labels.map(() => '---:').join(' | ')} |`);
  for (const { text, filters } of queries.filter((q) => q.text)) {
    console.log(`| ${text} | ${filters} | ${labels.map((l) => found.get(`${catalog}|${l}`).get(`${text}|${filters}`)).join(' | ')} |`);
  }
}

/** A fresh page whose every keystroke is timed, with a CDP session for its metrics. */
async function open(address) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(keystrokeProbe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(address);
  return { context, page, cdp };
}

/** Runs in the page before its own scripts: notes each input, change and frame. */
function keystrokeProbe() {
  const k = { seq: 0, input: 0, first: null, last: null, frames: [] };
  window.__keys = k;
  const loading = '[data-testid="shard-progress"], [data-testid="catalog-size"], .shard-progress, progress, [role="progressbar"]';
  const ignored = (node) => {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return Boolean(element?.closest(loading));
  };
  const relevant = (record) => {
    if (ignored(record.target)) return false;
    if (record.type !== 'childList') return true;
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length === 0 || !nodes.every(ignored);
  };
  let frameAsked = false;
  const askFrame = () => {
    if (frameAsked) return;
    frameAsked = true;
    requestAnimationFrame(() => {
      frameAsked = false;
      // This frame shows every change made before now; the message arrives after the
      // frame's style, layout and paint.
      const covers = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => k.frames.push({ covers, end: performance.now() });
      channel.port2.postMessage(null);
    });
  };
  addEventListener(
    'input',
    (event) => {
      k.seq += 1;
      k.input = event.timeStamp;
      k.first = null;
      k.last = null;
      k.frames = [];
      askFrame();
    },
    true,
  );
  new MutationObserver((records) => {
    if (!records.some(relevant)) return;
    const now = performance.now();
    k.last = now;
    k.first ??= now;
    askFrame();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  /** Resolves once keystroke `seq`'s changes are over, with its timings. */
  window.__settle = (seq, settled, firstChange) =>
    new Promise((resolve) => {
      const frameAfter = (at) => k.frames.find((f) => f.covers >= at);
      const tick = () => {
        const now = performance.now();
        const wait = k.seq < seq ? 10 : k.last === null ? k.input + firstChange - now : k.last + settled - now;
        const end = k.seq >= seq && frameAfter(k.last ?? k.input);
        if (wait > 0 || !end) return setTimeout(tick, Math.max(5, wait));
        resolve({
          latency: end.end - k.input,
          first: frameAfter(k.first ?? k.input).end - k.input,
          changed: k.last !== null,
        });
      };
      tick();
    });
}

/** The page's search box, whichever version of the app (or a peer) it is. */
function searchBox(page) {
  return page.getByRole('searchbox').or(page.locator('input[name="q"]')).first();
}

/** Waits until the first results (or none) are on screen and the whole catalog is
 *  searchable: the header counts every organisation and no shard is loading. */
async function ready(page, size) {
  await page.waitForFunction(
    (size) =>
      // Results, or the count of none (the demo has no organisation in regions 54 and 77).
      document.querySelector('li[data-org-id], [data-testid="result-count"]') &&
      !document.querySelector('[data-testid="shard-progress"]') &&
      (document.querySelector('[data-testid="catalog-size"]')?.textContent ?? '').replace(/\D/g, '').includes(String(size)),
    size,
    { timeout: 300_000, polling: 100 },
  );
  return page.evaluate(() => performance.now());
}

async function taskTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

/** Types one character and returns its timings and the main-thread work it took. */
async function keystroke(page, cdp, char, settled) {
  const seq = (await page.evaluate(() => window.__keys.seq)) + 1;
  const before = await taskTime(cdp);
  await page.keyboard.type(char);
  const timing = await page.evaluate(([seq, settled, first]) => window.__settle(seq, settled, first), [seq, settled, FIRST_CHANGE]);
  return { ...timing, work: (await taskTime(cdp)) - before };
}

/** The main-thread work of a keystroke's window with no key in it: what the harness and
 *  the idle page cost, the floor under every figure of main-thread work. */
async function idleWork(page, cdp) {
  const works = [];
  for (let i = 0; i < 10; i++) {
    const before = await taskTime(cdp);
    await page.evaluate((wait) => new Promise((done) => setTimeout(done, wait)), SETTLED + 20);
    works.push((await taskTime(cdp)) - before);
  }
  return pct(works, 50);
}

async function clear(page, box) {
  const seq = (await page.evaluate(() => window.__keys.seq)) + 1;
  await box.fill('');
  await page.evaluate(([seq, settled, first]) => window.__settle(seq, settled, first), [seq, SETTLED, FIRST_CHANGE]);
}

async function typeQueries(target) {
  const keys = [];
  const counts = new Map();
  found.set(`${target.catalog}|${target.label}`, counts);
  const size = catalogs[target.catalog].size;
  let readyAt;
  let idle;
  // One load for each set of filters, in the list's order; queries with none share one.
  const sets = [...new Set(queries.map((q) => q.filters))];
  for (const filters of sets) {
    console.error(`${target.label}, ${target.catalog}: ${filters || 'no filters'}`);
    const { context, page, cdp } = await open(target.at(filters));
    const at = await ready(page, size);
    readyAt ??= at;
    // Let Chromium finish compiling with its optimising tier, as it has by the time a
    // person starts typing.
    await page.waitForTimeout(1000);
    const box = searchBox(page);
    idle ??= await idleWork(page, cdp);
    for (const { text } of queries.filter((q) => q.filters === filters && q.text)) {
      await box.focus();
      for (const char of text) keys.push(await keystroke(page, cdp, char, SETTLED));
      const count = await page.locator('[data-testid="result-count"]').textContent();
      counts.set(`${text}|${filters}`, /\d/.test(count) ? count.replace(/\D/g, '') : '0');
      await clear(page, box);
    }
    await context.close();
  }
  console.error(`${target.label}, ${target.catalog}: ${keys.length} keystrokes`);
  return { label: target.label, catalog: target.catalog, keys, ready: `${(readyAt / 1000).toFixed(1)} s`, idle };
}

async function typeWhileLoading() {
  const keys = [];
  for (let load = 0; load < LOADS; load++) {
    const { context, page, cdp } = await open(`${base}/site/national/`);
    const box = searchBox(page);
    await box.waitFor({ timeout: 120_000 });
    const loading = () =>
      page.evaluate(
        () =>
          !document.querySelector('li[data-org-id]') ||
          Boolean(document.querySelector('[data-testid="shard-progress"]')) ||
          !(document.querySelector('[data-testid="catalog-size"]')?.textContent ?? '').replace(/\D/g, '').includes('175000'),
      );
    const until = Date.now() + 180_000;
    while (Date.now() < until && (await loading())) {
      await box.focus();
      for (const char of 'школа ') {
        if (!(await loading())) break;
        keys.push(await keystroke(page, cdp, char, SETTLED_LOADING));
      }
      await box.fill('');
    }
    await context.close();
  }
  console.error(`app while shards load: ${keys.length} keystrokes`);
  return { label: 'app, sharded, while shards load', catalog: 'national', keys, ready: '—' };
}

function pct(values, p) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((sorted.length * p) / 100) - 1)];
}

function ms(value) {
  return `${value.toFixed(1)} ms`;
}
