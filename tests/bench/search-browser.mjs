// Search speed in Chromium on the release build, at the demo size and at national scale.
//
//   node tests/bench/search-browser.mjs            (after `make test` or a release build)
//
// It writes the synthetic national catalog with `catalog-tool synth` if it is missing,
// starts the test server on 127.0.0.1, and for each catalog reports: time from
// navigation to the first results on screen, the app's own User Timing measures for
// parsing and indexing, per-keystroke search time (p50/p95/max, search + every facet
// count + the full order, of which the top 50 are shown) over the query list typed one
// character at a time, the time from each input event to the next frame, a plain
// lower-case substring scan in JavaScript over the same records for comparison, and
// memory (JS heap + wasm linear memory).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const repo = here('../../');
const queries = JSON.parse(readFileSync(here('./queries.json'), 'utf8'));
const port = Number(process.env.BENCH_PORT || 8091);
const synthFile = here('../.tmp/synth.json');

if (!existsSync(`${repo}dist/index.html`)) {
  console.error('dist/ is missing: build first (make test, or trunk build --release --offline)');
  process.exit(2);
}
if (!existsSync(synthFile)) {
  mkdirSync(here('../.tmp/'), { recursive: true });
  execFileSync('cargo', ['run', '-q', '--release', '-p', 'catalog-tool', '--', 'synth', '--orgs', '175000', '--seed', '1', '--out', synthFile], {
    cwd: repo,
    stdio: 'inherit',
  });
}

const server = spawn('node', [here('../e2e/server.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((done) => setTimeout(done, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});

try {
  await run('demo', `http://127.0.0.1:${port}/`);
  await run('national', `http://127.0.0.1:${port}/site/synth/`);
} finally {
  await browser.close();
  server.kill();
}

async function run(label, base) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__measures = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__measures.push({ name: entry.name, duration: entry.duration });
    }).observe({ type: 'measure', buffered: true });
    addEventListener('TrunkApplicationStarted', (event) => (window.__wasm = event.detail.wasm));
    window.__frames = [];
    addEventListener(
      'input',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.__frames.push(performance.now() - start), 0));
      },
      true,
    );
  });
  await page.goto(base);
  await page.locator('li[data-org-id]').first().waitFor({ timeout: 120_000 });
  const firstResults = await page.evaluate(() => performance.now());
  const measures = async (name) => (await page.evaluate(() => window.__measures)).filter((m) => m.name === name).map((m) => m.duration);
  const [parse] = await measures('gospubliki:parse');
  const [index] = await measures('gospubliki:index');
  const organisations = await page.evaluate(async () => (await (await fetch('data/catalog.json')).json()).organizations.length);

  const rows = [];
  const engine = [];
  const frames = [];
  for (const { kind, text, filters } of queries) {
    await page.goto(`${base}${filters ? `?${filters}` : ''}`);
    await page.locator('[data-testid="result-count"]').waitFor({ timeout: 120_000 });
    // Let Chromium finish compiling the wasm with its optimising tier, as it has by the
    // time a person starts typing.
    await page.waitForTimeout(1000);
    const box = page.getByRole('searchbox');
    const before = (await measures('gospubliki:search')).length;
    let typed = 0;
    for (const char of text) {
      await box.pressSequentially(char);
      typed += 1;
      await page.waitForFunction((n) => window.__measures.filter((m) => m.name === 'gospubliki:search').length >= n, before + typed);
    }
    await page.waitForTimeout(50);
    const mine = (await measures('gospubliki:search')).slice(before);
    const theirFrames = await page.evaluate(() => window.__frames.splice(0));
    const results = await page.locator('[data-testid="result-count"]').textContent();
    engine.push(...mine);
    frames.push(...theirFrames);
    rows.push({ kind, text, filters, keystrokes: mine.length, results: results.replace(/\D/g, ''), p50: pct(mine, 50), max: Math.max(0, ...mine) });
  }

  // Memory of the app itself, read before the scan below parses its own copy.
  const memory = await page.evaluate(() => ({
    heap: performance.memory ? performance.memory.usedJSHeapSize : 0,
    wasm: window.__wasm?.memory?.buffer?.byteLength ?? 0,
  }));

  // The same keystrokes as a plain substring scan in JavaScript over the same records.
  const scan = await page.evaluate(async (queries) => {
    const catalog = await (await fetch('data/catalog.json')).json();
    const haystacks = catalog.organizations.map((o) =>
      [o.name, o.short_name ?? '', o.municipality ?? '', ...o.channels.map((c) => c.url)].join(' ').toLowerCase(),
    );
    const times = [];
    for (const { text } of queries) {
      for (let i = 1; i <= Math.max(1, [...text].length); i += 1) {
        const words = [...text].slice(0, i).join('').toLowerCase().split(/\s+/).filter(Boolean);
        const start = performance.now();
        let found = 0;
        for (const h of haystacks) if (words.every((w) => h.includes(w))) found += 1;
        times.push(performance.now() - start);
      }
    }
    return times;
  }, queries);

  await page.close();

  console.log(`\n## ${label}: ${organisations} organisations (Chromium, release build)`);
  console.log(`navigation to first results on screen: ${ms(firstResults)}; parse ${ms(parse)}; index build ${ms(index)}`);
  console.log(`memory: JS heap ${(memory.heap / 1e6).toFixed(0)} MB + wasm ${(memory.wasm / 1e6).toFixed(0)} MB`);
  console.log('\n| kind | query | filters | keystrokes | results | search p50 | search max |');
  console.log('|---|---|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.kind} | ${r.text} | ${r.filters} | ${r.keystrokes} | ${r.results} | ${ms(r.p50)} | ${ms(r.max)} |`);
  console.log(
    `\nper keystroke over ${engine.length} keystrokes: search p50 ${ms(pct(engine, 50))} p95 ${ms(pct(engine, 95))}; ` +
      `input to next frame p50 ${ms(pct(frames, 50))} p95 ${ms(pct(frames, 95))}; ` +
      `JS substring scan p50 ${ms(pct(scan, 50))} p95 ${ms(pct(scan, 95))}; search / scan at p50 ${(pct(engine, 50) / pct(scan, 50)).toFixed(1)}x`,
  );
}

function pct(values, p) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((sorted.length * p) / 100) - 1)];
}

function ms(value) {
  return `${(value ?? 0).toFixed(2)} ms`;
}
