// Госпаблики service worker: the app works offline with the last catalog it saw.
//
// The build stamps BUILD and SHELL (.ci/post-build.mjs, a trunk hook): SHELL is
// the exact list of this build's files, so a new build is a new worker with a new cache,
// and the old cache is deleted when the new worker takes over. A new worker waits until
// the reader presses «Обновить»: nothing reloads behind their back mid-search.
//
// Shell files: from the cache. Navigations: the cached index.html. The catalog's top file
// (data/catalog.json): stale-while-revalidate. Its shards (data/regions/…, named by their
// content's hash): from the network, stored for offline, the stored copy when offline.
// Only same-origin GET requests in this worker's scope are touched; error responses are
// never cached.
'use strict';

const BUILD = '__BUILD__';
const SHELL = __SHELL__;
const SHELL_CACHE = `gospubliki-shell-${BUILD}`;
const DATA_CACHE = 'gospubliki-data';
const scope = self.registration.scope;
const INDEX = new URL('index.html', scope).href;
const DATA = new URL('data/', scope).href;
const CATALOG = new URL('catalog.json', DATA).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL_CACHE);
    await shell.addAll(SHELL.map((path) => new Request(new URL(path, scope), { cache: 'reload' })));
    // The catalog too, so that a first visit already works offline; a failure here only
    // means the catalog is cached on its next fetch instead.
    try {
      const response = await fetch(CATALOG, { cache: 'no-cache' });
      if (response.ok) await (await caches.open(DATA_CACHE)).put(CATALOG, response);
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
  if (url.origin + url.pathname === CATALOG) {
    event.respondWith(staleWhileRevalidate(event, CATALOG));
  } else if (url.href.startsWith(DATA) && url.pathname.endsWith('.json')) {
    event.respondWith(shard(event, url.origin + url.pathname));
  } else if (request.mode === 'navigate') {
    event.respondWith(fromCache(INDEX, request));
  } else {
    event.respondWith(fromCache(url.origin + url.pathname, request));
  }
});

/** The cached copy of `key` from this build's shell, or the network's answer. */
async function fromCache(key, request) {
  const cached = await (await caches.open(SHELL_CACHE)).match(key);
  return cached ?? fetch(request);
}

/** The cached catalog at once, refreshed in the background; the network's when none.
 *  The network's answer goes to the page as soon as it arrives, and is stored meanwhile:
 *  waiting for the cache write first made each of a sharded catalog's files slower. */
async function staleWhileRevalidate(event, key) {
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(key);
  const fresh = fetch(event.request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      const listing = response.clone();
      event.waitUntil(cache.put(key, copy).then(() => keepOnlyListed(cache, listing)).catch(() => undefined));
    }
    return response;
  });
  if (cached) {
    event.waitUntil(fresh.catch(() => undefined));
    return cached;
  }
  return fresh;
}

/** A shard: the network's copy, the stored copy when the network fails. A shard's name
 *  carries its content's hash, so a stored copy is never a stale one. Not cache-first: on
 *  a first visit every cache lookup waits behind the writes of the shards before it. */
async function shard(event, key) {
  try {
    const response = await fetch(event.request);
    if (response.ok) storeLater(event, key);
    return response;
  } catch (error) {
    const cached = await (await caches.open(DATA_CACHE)).match(key);
    if (cached) return cached;
    throw error;
  }
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
        if (response.ok) await cache.put(key, response);
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
