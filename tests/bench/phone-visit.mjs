// A phone on a slow network opening the directory (issue #17, item 4):
//
//   node tests/bench/phone-visit.mjs [DIST]     (after a release build; DIST defaults to dist/)
//
// The release build is served brotli-compressed, as the README's nginx config serves it
// (`brotli_static`), by a small server of this script's own, with the same
// Content-Security-Policy the end-to-end tests run under. Chromium emulates a phone:
// 390 × 844, DevTools' "Slow 4G" preset (562.5 ms latency, 180,000 bytes/s down, 84,375
// up) and a CPU four times slower (CDP Network.emulateNetworkConditions and
// Emulation.setCPUThrottlingRate). Each of three visits is a fresh browser profile's first
// visit followed by a repeat visit in the same profile, once its service worker controls
// the page. The medians are reported.
//
// What each figure is:
// - first contentful paint: the page's `first-contentful-paint` entry.
// - first results: from the start of the navigation to the first result row
//   (`li[data-org-id]`) in the page, seen by a MutationObserver installed before any of
//   the page's scripts run.
// - bytes: what the network delivered for the visit, compressed (CDP's encodedDataLength
//   of every response, the service worker's own fetches included); 0 when every file
//   came from the worker's cache.
// - layout shift: the sum of the page's `layout-shift` entries without recent input, to
//   the first results plus one second.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dist = resolve(process.argv[2] || join(repo, 'dist'));
const VISITS = 3;
const PHONE = { width: 390, height: 844 };
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 };
const CPU_SLOWDOWN = 4;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const csp = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
  "img-src 'self' data:", "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'",
  "frame-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

// Each file is compressed once, at the quality `brotli -k` uses by default (11).
const compressed = new Map();
async function brotli(path) {
  if (!compressed.has(path)) {
    const body = await readFile(path);
    compressed.set(path, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return compressed.get(path);
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  let path = normalize(join(dist, decodeURIComponent(url.pathname)));
  if (!path.startsWith(dist + sep) && path !== dist) {
    response.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    const body = await brotli(path);
    response.writeHead(200, {
      'Content-Type': types[extname(path)] || 'application/octet-stream',
      'Content-Encoding': 'br',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': csp,
    });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const base = `http://127.0.0.1:${server.address().port}/`;

/** Loads the page once in `context`, emulating the phone, and returns the visit's figures. */
async function visit(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  await page.goto(base, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstResults !== undefined, null, { timeout: 120000, polling: 100 });
  await page.waitForTimeout(1000);
  const figures = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    results: window.__firstResults,
    shift: window.__shift,
  }));
  await page.close();
  return { ...figures, bytes };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const runs = { first: [], repeat: [] };
try {
  for (let i = 0; i < VISITS; i += 1) {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ru-RU', serviceWorkers: 'allow' });
    await context.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector('li[data-org-id]')) {
          window.__firstResults = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    runs.first.push(await visit(context));
    // The repeat visit is the one a service worker answers: wait until it controls a page.
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120000 });
    await page.close();
    runs.repeat.push(await visit(context));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const ms = (value) => `${(value / 1000).toFixed(2)} s`;
console.log(`dist: ${dist}`);
console.log(`phone 390×844, Slow 4G (562.5 ms, 180,000 B/s), CPU ×${CPU_SLOWDOWN}, brotli; median of ${VISITS}`);
console.log('| visit | first contentful paint | first results | bytes | layout shift |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, list] of Object.entries(runs)) {
  console.log(
    `| ${name} | ${ms(median(list.map((r) => r.fcp)))} | ${ms(median(list.map((r) => r.results)))} | ` +
      `${(median(list.map((r) => r.bytes)) / 1000).toFixed(1)} KB | ${median(list.map((r) => r.shift)).toFixed(3)} |`,
  );
}
console.log('each visit:', JSON.stringify(runs));
