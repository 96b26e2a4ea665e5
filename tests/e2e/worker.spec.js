// What the service worker answers, and what it keeps, when the network has changed since
// the reader's last visit: a new publication whose old shards were deleted, a shard the
// server has lost, a navigation to a file that is not the app, and a captive portal that
// answers every request with its login page. Each test has a site (so a worker scope and,
// for the sharded ones, a copy of tests/.tmp/sharded/) of its own.
import { createHash } from 'node:crypto';
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

const scratch = fileURLToPath(new URL('../.tmp/', import.meta.url));
const whole = 'В каталоге 20 000 организаций и 25 951 канал';

/** A copy of the sharded catalog, served as /site/NAME/, that a test may republish. */
async function copyOfSharded(name) {
  const folder = join(scratch, name);
  await rm(folder, { recursive: true, force: true });
  await cp(join(scratch, 'sharded'), folder, { recursive: true });
  return folder;
}

/** Puts out a new publication as the data tool and the README's steps would: these
 *  regions' shards changed (each file renamed by its new content's hash), the new top file
 *  switched in one step, and then the old shards deleted. Returns the changed names. */
async function republish(folder, regions) {
  const top = JSON.parse(await readFile(join(folder, 'catalog.json'), 'utf8'));
  const renamed = [];
  const old = [];
  for (const ref of top.shards.filter((shard) => regions.includes(shard.region))) {
    const text = await readFile(join(folder, ref.url), 'utf8');
    const { name } = JSON.parse(text).organizations[0];
    const next = `${name} (переименована)`;
    const changed = text.replace(JSON.stringify(name), JSON.stringify(next));
    const sha256 = createHash('sha256').update(changed).digest('hex');
    const url = `regions/${ref.region}-${sha256.slice(0, 12)}.json`;
    await writeFile(join(folder, url), changed);
    old.push(ref.url);
    Object.assign(ref, { url, sha256, bytes: Buffer.byteLength(changed) });
    renamed.push(next);
  }
  await writeFile(join(folder, 'catalog.json.new'), JSON.stringify(top));
  await rename(join(folder, 'catalog.json.new'), join(folder, 'catalog.json'));
  for (const url of old) await rm(join(folder, url));
  return renamed;
}

/** Notes, from the first moment, every error the page shows: a region that did not load,
 *  or the catalog that could not be loaded at all. */
async function recordErrors(page) {
  await page.addInitScript(() => {
    window.__errors = [];
    new MutationObserver(() => {
      for (const shown of document.querySelectorAll('.shard-failures__item, #failure-title')) {
        if (!window.__errors.includes(shown.textContent)) window.__errors.push(shown.textContent);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => window.__errors);
}

/** The URLs of the shards in the worker's store. */
const storedShards = (page) =>
  page.evaluate(async () =>
    (await (await caches.open('gospubliki-data')).keys())
      .map((request) => request.url)
      .filter((url) => url.includes('/data/regions/')),
  );

/** A visit under the worker that leaves every shard of the catalog in its store. */
async function visitAndStore(page, site) {
  const directory = new DirectoryPage(page);
  await page.goto(`/site/${site}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  // 89 files through the worker, while another test runs beside this one.
  await expect(directory.catalogSize).toHaveText(whole, { timeout: 30_000 });
  await expect.poll(async () => (await storedShards(page)).length, { timeout: 20_000 }).toBe(89);
  return directory;
}

test('a returning reader after a publication whose old shards were deleted gets the new catalog, with no error', async ({ page }) => {
  const folder = await copyOfSharded('republished');
  const errors = await recordErrors(page);
  await visitAndStore(page, 'republished');
  const changed = ['13', '42', '77'];
  const before = await storedShards(page);
  // The reader's store has the old top file and the shards of the regions that did not
  // change, but not the old shards of those that did: as when the reader left before the
  // worker stored them, or when its refresh of the top file dropped them.
  await page.evaluate(async (regions) => {
    const cache = await caches.open('gospubliki-data');
    for (const request of await cache.keys()) {
      if (regions.some((region) => request.url.includes(`/data/regions/${region}-`))) await cache.delete(request);
    }
  }, changed);
  const names = await republish(folder, changed);

  // The worker answers the old top file at once; the shards it lists for those regions
  // are gone from the server and the store alike.
  const directory = new DirectoryPage(page);
  await page.reload();
  await expect(directory.catalogSize).toHaveText(whole, { timeout: 30_000 });
  await expect(page.getByTestId('shard-progress')).toHaveCount(0);
  await directory.searchBox.fill('переименована');
  await expect(directory.resultCount).toHaveText('Найдено 3 организации');
  for (const name of names) await expect(page.getByText(name)).toBeVisible();
  expect(await errors()).toEqual([]);
  // The store now holds the new publication's shards in place of the old.
  await expect.poll(async () => (await storedShards(page)).length, { timeout: 20_000 }).toBe(89);
  const after = await storedShards(page);
  expect(after.filter((url) => !before.includes(url))).toHaveLength(3);
});

test('a shard the server answers 404 for is served from the worker\'s store', async ({ page, request }) => {
  const folder = await copyOfSharded('lost-shard');
  const errors = await recordErrors(page);
  const directory = await visitAndStore(page, 'lost-shard');
  const top = JSON.parse(await readFile(join(folder, 'catalog.json'), 'utf8'));
  const kuzbass = top.shards.find((shard) => shard.region === '42');
  await rm(join(folder, kuzbass.url));
  expect((await request.get(`/site/lost-shard/data/${kuzbass.url}`)).status()).toBe(404);

  const answers = [];
  page.on('response', (response) => {
    if (response.url().endsWith(kuzbass.url)) answers.push([response.status(), response.fromServiceWorker()]);
  });
  await page.reload();
  await expect(directory.catalogSize).toHaveText(whole, { timeout: 30_000 });
  await expect(page.getByTestId('shard-progress')).toHaveCount(0);
  expect(answers).toEqual([[200, true]]);
  expect(await errors()).toEqual([]);
  await directory.filter('Регион', 'Кузбасс').check();
  expect(await directory.count()).toBe(kuzbass.organizations);
});

test('under the worker, a navigation to the schema, embed.js or another page gets that, not the app', async ({ page, context, request }) => {
  const directory = new DirectoryPage(page);
  await page.goto('/site/demo/');
  await directory.loaded();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  for (const [path, type] of [
    ['schema/catalog-v1.schema.json', /^application\/json/],
    ['embed.js', /^text\/javascript/],
  ]) {
    const response = await page.goto(`/site/demo/${path}`);
    expect(response.status(), path).toBe(200);
    expect(response.fromServiceWorker(), path).toBe(false);
    expect(response.headers()['content-type'], path).toMatch(type);
    expect(await response.text(), path).toBe(await (await request.get(`/site/demo/${path}`)).text());
    await expect(directory.searchBox).toHaveCount(0);
  }
  const missing = await page.goto('/site/demo/no-such-page.html');
  expect(missing.status()).toBe(404);
  await expect(directory.searchBox).toHaveCount(0);

  // The app's own pages still open from the store, offline too.
  await context.setOffline(true);
  for (const path of ['', 'index.html', '?q=школа']) {
    const response = await page.goto(`/site/demo/${path}`);
    expect(response.fromServiceWorker(), path).toBe(true);
    await directory.loaded();
    await expect(directory.searchBox).toBeVisible();
  }
  await context.setOffline(false);
});

test('a catalog answered 200 text/html by a captive portal is not stored: the next visit still works', async ({ page, request }) => {
  const portal = async (method) => (await request.fetch('/__portal/demo', { method })).json();
  await portal('DELETE');
  const errors = await recordErrors(page);
  const directory = new DirectoryPage(page);
  await page.goto('/site/portal-demo/');
  await directory.loaded();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const total = await directory.count();
  const storedType = () =>
    page.evaluate(async () => {
      const stored = await (await caches.open('gospubliki-data')).match(new URL('data/catalog.json', document.baseURI));
      return stored?.headers.get('Content-Type') ?? null;
    });
  await expect.poll(storedType).toMatch(/^application\/json/);

  await portal('POST');
  try {
    // The stored catalog at once; the worker's refresh in the background gets the portal.
    await page.reload();
    await directory.loaded();
    expect(await directory.count()).toBe(total);
    await expect.poll(async () => (await portal('GET')).answers).toBeGreaterThan(0);
    // Time for the refresh to have been stored, had it been.
    await page.waitForTimeout(1000);
    expect(await storedType()).toMatch(/^application\/json/);
    await page.reload();
    await directory.loaded();
    expect(await directory.count()).toBe(total);
    expect(await errors()).toEqual([]);
  } finally {
    await portal('DELETE');
  }
});
