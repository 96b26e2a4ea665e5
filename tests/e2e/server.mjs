// A static file server for the end-to-end tests: real HTTP on 127.0.0.1, serving the real
// release build in dist/.
//
//   /                         dist/ as built, with the demo catalog
//   /site/NAME/               dist/ again, under a sub-path, but data/catalog.json comes
//                             from tests/fixtures/catalogs/NAME.json, or from
//                             tests/.tmp/NAME.json (files a test writes), or is a 404
//   /site/slow-NAME/          as /site/NAME/, with the catalog answered after 1.5 s
//   /site/flaky-NAME/         as /site/NAME/, but every other request for the catalog,
//                             the first included, answers 503 Service Unavailable
//   /site/NAME/data/PATH      for a sharded catalog written to tests/.tmp/NAME/ (the top
//                             file and regions/NN.json), that folder's PATH
//   /site/fail-RR-NAME/       as /site/NAME/, but region RR's shard answers 503 to its
//                             first 3 requests (one fetch with its two quick retries)
//   /site/stall-RR-NAME/      as /site/NAME/, but region RR's shard is never answered
//   /site/demo/               dist/ under a sub-path with the demo catalog: for the
//                             service worker, whose scope is its folder
//   POST /__next/NAME         from now on, /site/NAME/sw.js is a new build's (another
//                             build id, so another cache), as after a deploy
//   /peers/FILE               tests/bench/peers/FILE: the benchmark's peer directories
//   /peers/lib/minisearch.js  the browser builds of the peers' search libraries, from
//   /peers/lib/flexsearch.js  tests/node_modules (dev dependencies of the benchmark only)
//   /site/portal-NAME/        as /site/NAME/, but while its portal is up every file under
//                             data/ is answered 200 text/html, a captive portal's login
//                             page; POST /__portal/NAME puts it up, DELETE takes it down,
//                             GET answers how many times it has answered so far
//
// A second server on PORT + 1 is another origin, a site that embeds the widget: it serves
// tests/fixtures/hosts/NAME.html with WIDGET replaced by the widget's folder.
//
// Every answer carries Cache-Control: no-cache, so a file a test rewrites is what the
// browser gets on its next request, and the Content-Security-Policy the README's
// deployment section prescribes: the whole suite runs under it.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..', '..');
const dist = join(repo, 'dist');
const fixtures = join(repo, 'tests', 'fixtures', 'catalogs');
const scratch = join(repo, 'tests', '.tmp');
const hosts = join(repo, 'tests', 'fixtures', 'hosts');
const peers = join(repo, 'tests', 'bench', 'peers');
const libraries = {
  'minisearch.js': join(repo, 'tests', 'node_modules', 'minisearch', 'dist', 'es', 'index.js'),
  'flexsearch.js': join(repo, 'tests', 'node_modules', 'flexsearch', 'dist', 'flexsearch.bundle.module.min.mjs'),
};
const port = Number(process.env.PORT || 8081);
const hostPort = port + 1;
/** Sites whose service worker is a newer build's, and how many builds newer. */
const builds = new Map();
/** How many times each flaky site's catalog was asked for. */
const flakes = new Map();
/** How many times each failing shard was asked for, by site and path. */
const failures = new Map();
/** Sites whose captive portal is up, and how many times each portal has answered. */
const portals = new Set();
const portalAnswers = new Map();
const portalPage = '<!doctype html><html lang="ru"><title>Вход в сеть</title><p>Войдите, чтобы пользоваться Wi-Fi.</p></html>';

/**
 * The policy the app runs under. Only the widget's page may be framed by other sites: the
 * rule goes by the path, never the query, so no spelling of a parameter lets another site
 * frame the directory (and its checker).
 */
function contentSecurityPolicy(widget) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // The first screen's search form is a plain GET to the page itself.
    "form-action 'self'",
    `frame-ancestors ${widget ? '*' : "'self'"}`,
  ].join('; ');
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.atom': 'application/atom+xml',
};

/** The file under `root` that `relative` names, or null if it would leave `root`. */
function inside(root, relative) {
  const path = normalize(join(root, relative));
  return path === root || path.startsWith(root + sep) ? path : null;
}

async function fileAt(path) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileAt(join(path, 'index.html'));
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

async function isFolder(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function catalogFor(name) {
  if (!/^[a-z0-9-]+$/.test(name)) return null;
  if (name === 'demo') return fileAt(join(dist, 'data', 'catalog.json'));
  return (await fileAt(join(fixtures, `${name}.json`))) ?? (await fileAt(join(scratch, `${name}.json`)));
}

async function resolveRequest(pathname) {
  const peer = pathname.match(/^\/peers\/(lib\/)?([a-z0-9-]+\.[a-z]+)$/);
  if (peer) {
    const path = peer[1] ? Object.hasOwn(libraries, peer[2]) && libraries[peer[2]] : join(peers, peer[2]);
    return { file: path ? await fileAt(path) : null, delay: 0 };
  }
  const site = pathname.match(/^\/site\/([a-z0-9-]+)(\/.*)?$/);
  if (!site) {
    const path = inside(dist, decodeURIComponent(pathname));
    return { file: path && (await fileAt(path)), delay: 0 };
  }
  let [, name, rest = '/'] = site;
  if (rest === '/') rest = '/index.html';
  const slow = name.startsWith('slow-');
  if (slow) name = name.slice('slow-'.length);
  const flaky = name.startsWith('flaky-');
  if (flaky) name = name.slice('flaky-'.length);
  const failing = name.match(/^fail-(\d+)-(.+)$/);
  if (failing) name = failing[2];
  const stalling = name.match(/^stall-(\d+)-(.+)$/);
  if (stalling) name = stalling[2];
  const portal = name.startsWith('portal-');
  if (portal) name = name.slice('portal-'.length);
  if (portal && portals.has(name) && rest.startsWith('/data/')) {
    portalAnswers.set(name, (portalAnswers.get(name) ?? 0) + 1);
    return { file: { path: 'portal.html', body: Buffer.from(portalPage) }, delay: 0 };
  }
  if (rest.startsWith('/data/')) {
    const folder = inside(scratch, name);
    const path = folder && inside(folder, decodeURIComponent(rest.slice('/data/'.length)));
    if (path && (await isFolder(folder))) {
      if (stalling && rest.startsWith(`/data/regions/${stalling[1]}-`)) return { stall: true };
      if (failing && rest.startsWith(`/data/regions/${failing[1]}-`)) {
        const key = `${failing[0]}${rest}`;
        const count = (failures.get(key) ?? 0) + 1;
        failures.set(key, count);
        if (count <= 3) return { file: null, delay: 0, status: 503 };
      }
      return { file: await fileAt(path), delay: slow ? 1500 : 0 };
    }
  }
  if (rest === '/data/catalog.json') {
    if (flaky) {
      const count = (flakes.get(name) ?? 0) + 1;
      flakes.set(name, count);
      if (count % 2 === 1) return { file: null, delay: 0, status: 503 };
    }
    return { file: await catalogFor(name), delay: slow ? 1500 : 0 };
  }
  if (rest === '/sw.js' && builds.get(name)) {
    // A later build: another build id, so another cache, as a real deploy would have.
    const file = await fileAt(join(dist, 'sw.js'));
    const next = file?.body
      .toString('utf8')
      .replace(/const BUILD = '([^']+)'/, (_, build) => `const BUILD = '${build}-next${builds.get(name)}'`);
    return { file: file && { path: file.path, body: Buffer.from(next) }, delay: 0 };
  }
  const path = inside(dist, decodeURIComponent(rest));
  return { file: path && (await fileAt(path)), delay: 0 };
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url, `http://127.0.0.1:${port}`);
  const next = pathname.match(/^\/__next\/([a-z0-9-]+)$/);
  if (next && request.method === 'POST') {
    builds.set(next[1], (builds.get(next[1]) ?? 0) + 1);
    response.writeHead(204);
    response.end();
    return;
  }
  const portal = pathname.match(/^\/__portal\/([a-z0-9-]+)$/);
  if (portal) {
    if (request.method === 'POST') portals.add(portal[1]);
    if (request.method === 'DELETE') portals.delete(portal[1]);
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' });
    response.end(JSON.stringify({ up: portals.has(portal[1]), answers: portalAnswers.get(portal[1]) ?? 0 }));
    return;
  }
  // A directory without its trailing slash would resolve relative URLs one level up.
  if (/^\/site\/[a-z0-9-]+$/.test(pathname)) {
    response.writeHead(301, { Location: `${pathname}/` });
    response.end();
    return;
  }
  const { file, delay, status, stall } = await resolveRequest(pathname);
  // No answer at all: the connection stays open until the browser gives up on it.
  if (stall) return;
  if (delay) await new Promise((done) => setTimeout(done, delay));
  const widget = pathname.endsWith('/widget.html');
  const headers = {
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': contentSecurityPolicy(widget),
    'Referrer-Policy': 'no-referrer',
  };
  if (!file) {
    response.writeHead(status ?? 404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(status === 503 ? 'Service Unavailable' : 'Not found');
    return;
  }
  headers['Content-Type'] = types[extname(file.path)] ?? 'application/octet-stream';
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : file.body);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`test server on http://127.0.0.1:${port}/ serving ${dist}`);
});

// The embedding site, on another origin. `?widget=/site/NAME/` picks the widget's site.
const host = createServer(async (request, response) => {
  const url = new URL(request.url, `http://127.0.0.1:${hostPort}`);
  const name = url.pathname.match(/^\/([a-z0-9-]+)\.html$/)?.[1];
  const page = name && (await fileAt(join(hosts, `${name}.html`)));
  if (!page) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  const widgetPath = /^\/[a-z0-9/-]*$/.test(url.searchParams.get('widget') ?? '') ? url.searchParams.get('widget') : '/';
  const widget = `http://127.0.0.1:${port}${widgetPath.replace(/\/$/, '')}`;
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  response.end(page.body.toString('utf8').replaceAll('WIDGET', widget));
});

host.listen(hostPort, '127.0.0.1', () => {
  console.log(`embedding site on http://127.0.0.1:${hostPort}/`);
});
