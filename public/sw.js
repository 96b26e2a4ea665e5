// Госпаблики service worker: the app works offline with the last catalog it saw.
//
// The build stamps BUILD and SHELL (.ci/post-build.mjs, a trunk hook): SHELL is
// the exact list of this build's files, so a new build is a new worker with a new cache,
// and the old cache is deleted when the new worker takes over. A new worker waits until
// the reader presses «Обновить»: nothing reloads behind their back mid-search.
//
// Shell files: from the cache. Navigations: the cached index.html. The catalog (data/):
// stale-while-revalidate. Only same-origin GET requests in this worker's scope are
// touched; error responses are never cached.
'use strict';

const BUILD = '__BUILD__';
const SHELL = __SHELL__;
const SHELL_CACHE = `gospubliki-shell-${BUILD}`;
const DATA_CACHE = 'gospubliki-data';
const scope = self.registration.scope;
const INDEX = new URL('index.html', scope).href;
const DATA = new URL('data/', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL_CACHE);
    await shell.addAll(SHELL.map((path) => new Request(new URL(path, scope), { cache: 'reload' })));
    // The catalog too, so that a first visit already works offline; a failure here only
    // means the catalog is cached on its next fetch instead.
    try {
      const catalog = new URL('data/catalog.json', scope).href;
      const response = await fetch(catalog, { cache: 'no-cache' });
      if (response.ok) await (await caches.open(DATA_CACHE)).put(catalog, response);
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
  if (url.href.startsWith(DATA) && url.pathname.endsWith('.json')) {
    event.respondWith(staleWhileRevalidate(event, url.origin + url.pathname));
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

/** The cached catalog at once, refreshed in the background; the network's when none. */
async function staleWhileRevalidate(event, key) {
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(key);
  const fresh = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(key, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(fresh.catch(() => undefined));
    return cached;
  }
  return fresh;
}
