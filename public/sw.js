// Госпаблики service worker: the app works offline with the last catalog it saw.
//
// The build stamps BUILD and SHELL (.ci/post-build.mjs, a trunk hook): SHELL is
// the exact list of this build's files, so a new build is a new worker with a new cache,
// and the old cache is deleted when the new worker takes over. A new worker waits until
// the reader presses «Обновить»: nothing reloads behind their back mid-search.
//
// What it answers, and how:
// - Navigations to the app's own pages only: the scope's root (any query) and index.html
//   get the cached index.html, widget.html the cached widget.html when this build has
//   one. Every other navigation in the scope (the schema, embed.js, any other page on the
//   origin) goes to the network untouched, so it opens what it names, not the app.
// - The catalog's top file (data/catalog.json): stale-while-revalidate, except when the
//   page asks with `cache: 'reload'`. The page does that only when a shard its copy lists
//   is gone (a 404 from the network and not stored here): its copy is from an earlier
//   publication, so this worker goes to the network first and serves what it has only if
//   the network fails. The request's cache mode is the marker because the page's fetch
//   must bypass the browser's HTTP cache in the same case anyway.
// - Its shards (data/regions/…, named by their content's hash): from the network, stored
//   for offline; the stored copy when the network fails or answers anything but a JSON
//   200 (a 404 after the publisher deleted it, a captive portal's page). A stored copy
//   under the same name is the same bytes, so it is never a stale one.
// - Other files: this build's cached copy, else the network.
// Only same-origin GET requests in this worker's scope are touched. Only a 200 answer
// with a JSON content type is ever stored as the catalog, top file or shard: a captive
// portal answers `200 text/html` for everything, and storing that would break the next
// visit too.
'use strict';

const BUILD = '__BUILD__';
const SHELL = __SHELL__;
const SHELL_CACHE = `gospubliki-shell-${BUILD}`;
const DATA_CACHE = 'gospubliki-data';
const scope = self.registration.scope;
const INDEX = new URL('index.html', scope).href;
const WIDGET = new URL('widget.html', scope).href;
const DATA = new URL('data/', scope).href;
const CATALOG = new URL('catalog.json', DATA).href;

/** The cached page a navigation to `url` (without its query) opens, if it is the app's. */
function appPage(url) {
  if (url === scope || url === INDEX) return INDEX;
  if (url === WIDGET && SHELL.includes('widget.html')) return WIDGET;
  return null;
}

/** Whether a response may be stored as a file of the catalog. */
function isCatalogJson(response) {
  const type = (response.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  return response.status === 200 && /^application\/([a-z0-9.-]+\+)?json$/.test(type);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL_CACHE);
    await shell.addAll(SHELL.map((path) => new Request(new URL(path, scope), { cache: 'reload' })));
    // The catalog too, so that a first visit already works offline; a failure here only
    // means the catalog is cached on its next fetch instead.
    try {
      const response = await fetch(CATALOG, { cache: 'no-cache' });
      if (isCatalogJson(response)) await (await caches.open(DATA_CACHE)).put(CATALOG, response);
    } catch (error) {
      // Offline during installation: nothing to keep.
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('gospubliki-shell-') && name !== SHELL_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const url = new URL(request.url);
  const key = url.origin + url.pathname;
  if (request.mode === 'navigate') {
    const page = appPage(key);
    // Not the app's page: the browser fetches it as if there were no worker.
    if (page) event.respondWith(fromCache(page, request));
  } else if (key === CATALOG) {
    event.respondWith(request.cache === 'reload' ? topFromNetwork(event) : staleWhileRevalidate(event));
  } else if (key.startsWith(DATA) && url.pathname.endsWith('.json')) {
    event.respondWith(shard(event, key));
  } else {
    event.respondWith(fromCache(key, request));
  }
});

/** The cached copy of `key` from this build's shell, or the network's answer. */
async function fromCache(key, request) {
  const cached = await (await caches.open(SHELL_CACHE)).match(key);
  return cached ?? fetch(request);
}

/** Stores a fresh top file once it has passed, then drops the shards it no longer lists.
 *  The network's answer goes to the page as soon as it arrives, and is stored meanwhile:
 *  waiting for the cache write first made each of a sharded catalog's files slower. */
function storeTop(event, cache, response) {
  if (!isCatalogJson(response)) return;
  const copy = response.clone();
  const listing = response.clone();
  event.waitUntil(cache.put(CATALOG, copy).then(() => keepOnlyListed(cache, listing)).catch(() => undefined));
}

/** The cached top file at once, refreshed in the background; the network's when none. */
async function staleWhileRevalidate(event) {
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(CATALOG);
  const fresh = fetch(event.request).then((response) => {
    storeTop(event, cache, response);
    return response;
  });
  if (cached) {
    event.waitUntil(fresh.catch(() => undefined));
    return cached;
  }
  return fresh;
}

/** The top file from the network, for a page whose copy lists shards that are gone; the
 *  stored one only when the network fails (the page then sees the same list again and
 *  reports the missing shards as it would have). */
async function topFromNetwork(event) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(event.request);
    storeTop(event, cache, response);
    return response;
  } catch (error) {
    const cached = await cache.match(CATALOG);
    if (cached) return cached;
    throw error;
  }
}

/** A shard: the network's copy; the stored copy when the network fails or answers with
 *  anything but a JSON 200. Not cache-first: on a first visit every cache lookup waits
 *  behind the writes of the shards before it. */
async function shard(event, key) {
  let response = null;
  let failure = null;
  try {
    response = await fetch(event.request);
    if (isCatalogJson(response)) {
      storeLater(event, key);
      return response;
    }
  } catch (error) {
    failure = error;
  }
  const cached = await (await caches.open(DATA_CACHE)).match(key);
  if (cached) return cached;
  if (response) return response;
  throw failure;
}

// Shards are stored once the page has stopped asking for them, taken again from the
// browser's HTTP cache. Keeping a copy of each response as it passed (a tee) cost the page
// 1.2 s of the 4.6 s in which the national catalog became searchable; storing afterwards
// costs it nothing.
const STORE_AFTER_MS = 1500;
const unstored = new Set();
let stored = null;
let storedNow = null;
let storeTimer = 0;

/** Notes a shard to store once no other has been asked for STORE_AFTER_MS. */
function storeLater(event, key) {
  unstored.add(key);
  if (!stored) stored = new Promise((resolve) => (storedNow = resolve));
  clearTimeout(storeTimer);
  storeTimer = setTimeout(storeAll, STORE_AFTER_MS);
  // The worker stays alive until they are stored.
  event.waitUntil(stored);
}

async function storeAll() {
  const done = storedNow;
  stored = null;
  storedNow = null;
  try {
    const cache = await caches.open(DATA_CACHE);
    for (const key of [...unstored]) {
      unstored.delete(key);
      try {
        const response = await fetch(key, { cache: 'force-cache' });
        if (isCatalogJson(response)) await cache.put(key, response);
      } catch {
        // Offline already: it is stored on a later visit.
      }
    }
  } finally {
    done();
  }
}

/** After a new top file is stored: deletes the stored shards it no longer lists, those of
 *  earlier publications. A large top file is a single-file catalog with no shards to
 *  list, and is not read. */
async function keepOnlyListed(cache, response) {
  const size = Number(response.headers.get('Content-Length') ?? 0);
  if (!size || size > 2_000_000) return;
  const top = await response.json();
  if (!Array.isArray(top?.shards)) return;
  const listed = new Set(top.shards.map((shard) => new URL(String(shard.url), DATA).href));
  for (const request of await cache.keys()) {
    if (request.url !== CATALOG && request.url.startsWith(DATA) && !listed.has(request.url)) {
      await cache.delete(request);
    }
  }
}
