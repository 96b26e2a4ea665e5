// A static file server for the end-to-end tests: real HTTP on 127.0.0.1, serving the real
// release build in dist/.
//
//   /                         dist/ as built, with the demo catalog
//   /site/NAME/               dist/ again, under a sub-path, but data/catalog.json comes
//                             from tests/fixtures/catalogs/NAME.json, or from
//                             tests/.tmp/NAME.json (files a test writes), or is a 404
//   /site/slow-NAME/          as /site/NAME/, with the catalog answered after 1.5 s
//
// Every answer carries Cache-Control: no-cache, so a file a test rewrites is what the
// browser gets on its next request.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..', '..');
const dist = join(repo, 'dist');
const fixtures = join(repo, 'tests', 'fixtures', 'catalogs');
const scratch = join(repo, 'tests', '.tmp');
const port = Number(process.env.PORT || 8081);

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

async function catalogFor(name) {
  if (!/^[a-z0-9-]+$/.test(name)) return null;
  return (await fileAt(join(fixtures, `${name}.json`))) ?? (await fileAt(join(scratch, `${name}.json`)));
}

async function resolveRequest(pathname) {
  const site = pathname.match(/^\/site\/([a-z0-9-]+)(\/.*)?$/);
  if (!site) {
    const path = inside(dist, decodeURIComponent(pathname));
    return { file: path && (await fileAt(path)), delay: 0 };
  }
  let [, name, rest = '/'] = site;
  if (rest === '/') rest = '/index.html';
  const slow = name.startsWith('slow-');
  if (slow) name = name.slice('slow-'.length);
  if (rest === '/data/catalog.json') {
    return { file: await catalogFor(name), delay: slow ? 1500 : 0 };
  }
  const path = inside(dist, decodeURIComponent(rest));
  return { file: path && (await fileAt(path)), delay: 0 };
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url, `http://127.0.0.1:${port}`);
  // A directory without its trailing slash would resolve relative URLs one level up.
  if (/^\/site\/[a-z0-9-]+$/.test(pathname)) {
    response.writeHead(301, { Location: `${pathname}/` });
    response.end();
    return;
  }
  const { file, delay } = await resolveRequest(pathname);
  if (delay) await new Promise((done) => setTimeout(done, delay));
  const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  if (!file) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  headers['Content-Type'] = types[extname(file.path)] ?? 'application/octet-stream';
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : file.body);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`test server on http://127.0.0.1:${port}/ serving ${dist}`);
});
