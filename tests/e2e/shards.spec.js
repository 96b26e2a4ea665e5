// A catalog split into per-region shards by the data tool, as a national publisher would
// serve it (tests/.tmp/sharded/: 20,000 organisations over all 89 regions, written by
// global-setup.mjs): the regions the reader needs first, the rest in the background with
// progress, every shard checked against the top file, failures retried, and the shards
// kept for offline use.
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

/** The top file of a sharded test site: its shards with their regions and counts. */
async function topFile(request, site) {
  return (await request.get(`/site/${site}/data/catalog.json`)).json();
}

/** The region's shard as the top file lists it, and the region's name. */
function regionOf(top, code) {
  const shard = top.shards.find((s) => s.region === code);
  const region = top.regions.find((r) => r.code === code);
  return { ...shard, name: region.name };
}

/** Records, from the first moment, every text the progress line and the result count
 *  show, so a test sees the steps however fast they go by. */
async function recordSteps(page) {
  await page.addInitScript(() => {
    window.__steps = { progress: [], counts: [] };
    const note = (list, text) => {
      if (text && list[list.length - 1] !== text) list.push(text);
    };
    new MutationObserver(() => {
      note(window.__steps.progress, document.querySelector('[data-testid=shard-progress]')?.textContent);
      note(window.__steps.counts, document.querySelector('[data-testid=catalog-size]')?.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => window.__steps);
}

/** The shard files the page asks for, in order, by region code. */
function shardRequests(page) {
  const regions = [];
  page.on('request', (request) => {
    const match = request.url().match(/\/data\/regions\/(\d+)-[0-9a-f]+\.json$/);
    if (match) regions.push(match[1]);
  });
  return regions;
}

const number = (text) => Number(text.replace(/[^\d]/g, ''));

/** The message about a region whose shard is not (yet) loaded. */
const notLoaded = (page, region) => page.getByText(`Регион «${region.name}» пока не загружен.`);

/** The start of the header's size sentence while part of the catalog is searchable
 *  («Загружено 19 414 »): until the whole of it is, the header does not say «В каталоге». */
const sizeOf = (organizations) => `Загружено ${organizations.toLocaleString('ru-RU')} `;

test('the country arrives region by region, with progress, and the results grow', async ({ page }) => {
  const steps = await recordSteps(page);
  const directory = new DirectoryPage(page);
  await page.goto('/site/sharded/');
  await expect(directory.catalogSize).toHaveText('В каталоге 20 000 организаций и 25 951 канал');
  await expect(page.getByTestId('shard-progress')).toHaveCount(0);

  const { progress, counts } = await steps();
  const loaded = progress.map((text) => text.match(/^Загружено (\d+) из 89 регионов(, индексируем…)?$/));
  expect(loaded.every(Boolean), progress.join(' | ')).toBe(true);
  // Once every region has arrived the progress stays, saying the last are being indexed,
  // and only then goes; until then the header says how much is loaded, not «в каталоге».
  expect(progress.at(-1)).toBe('Загружено 89 из 89 регионов, индексируем…');
  expect(loaded.slice(0, -1).every((match) => !match[2]), progress.join(' | ')).toBe(true);
  expect(counts.slice(0, -1).every((text) => text.startsWith('Загружено ')), counts.join(' | ')).toBe(true);
  const regions = loaded.map((match) => Number(match[1]));
  expect(regions.length, progress.join(' | ')).toBeGreaterThan(2);
  expect(regions).toEqual([...regions].sort((a, b) => a - b));
  // The results grew on screen in steps before the whole country was in.
  const sizes = counts.map((text) => number(text.split(' и ')[0]));
  expect(sizes.length, counts.join(' | ')).toBeGreaterThan(2);
  expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  expect(sizes.at(-1)).toBe(20000);

  await directory.searchBox.fill('больница');
  await expect(directory.resultCount).toHaveText(/^Найден/);
  await directory.filter('Регион', 'Новосибирская область').check();
  expect(await directory.count()).toBeGreaterThan(0);
});

test('the region in the address is loaded first and shown alone', async ({ page, request }) => {
  const top = await topFile(request, 'sharded');
  const kuzbass = regionOf(top, '42');
  const steps = await recordSteps(page);
  const requested = shardRequests(page);
  const directory = new DirectoryPage(page);
  await page.goto('/site/sharded/?region=42');
  await expect(directory.resultCount).toHaveText(/^Найден/);
  expect(requested[0]).toBe('42');
  // From the first results on, the region's count is whole: it did not grow shard by shard.
  expect(await directory.count()).toBe(kuzbass.organizations);
  await expect(page.getByTestId('shard-progress')).toHaveCount(0);
  expect(await directory.count()).toBe(kuzbass.organizations);
  expect(requested).toHaveLength(89);
  const { counts } = await steps();
  expect(number(counts[0].split(' и ')[0])).toBeGreaterThanOrEqual(kuzbass.organizations);
});

test('a widget locked to a region downloads that region only', async ({ page, request }) => {
  const top = await topFile(request, 'sharded');
  const requested = shardRequests(page);
  const data = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/')) data.push(new URL(r.url()).pathname);
  });
  const directory = new DirectoryPage(page);
  await page.goto('/site/sharded/widget.html?region=42&lock=region');
  await expect(directory.resultCount).toHaveText(/^Найден/);
  expect(await directory.count()).toBe(regionOf(top, '42').organizations);
  await expect(page.getByTestId('shard-progress')).toHaveCount(0);
  // Time for any background loading to have started, had there been one.
  await page.waitForTimeout(1000);
  expect(requested).toEqual(['42']);
  expect(data).toEqual(['/site/sharded/data/catalog.json', `/site/sharded/data/${regionOf(top, '42').url}`]);
});

test('a shard changed after publication is refused with a clear message; the rest load', async ({ page, request }) => {
  const top = await topFile(request, 'tampered');
  const mordovia = regionOf(top, '13');
  const directory = new DirectoryPage(page);
  await page.goto('/site/tampered/');
  const refusal = notLoaded(page, mordovia);
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('не совпадает с контрольной суммой в каталоге: он изменён или повреждён и не показан');
  await expect(refusal).toContainText('Повторим через 5 с; остальные регионы загружаются.');
  const others = top.shards.reduce((sum, s) => sum + s.organizations, 0) - mordovia.organizations;
  await expect(directory.catalogSize).toContainText(sizeOf(others));
  // Nothing of the changed file is shown: not the channel it points elsewhere.
  await directory.searchBox.fill('fake_');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
  // Retried, and refused again, while the page stays usable.
  await expect(refusal).toContainText('Повторим через 15 с', { timeout: 15_000 });
});

test('a shard that fails is retried while the others load, and then arrives', async ({ page, request }) => {
  const top = await topFile(request, 'sharded');
  const kuzbass = regionOf(top, '42');
  const directory = new DirectoryPage(page);
  await page.goto('/site/fail-42-sharded/');
  // Three answers of 503 (a fetch and its two quick retries), so it is reported...
  const failure = notLoaded(page, kuzbass);
  await expect(failure).toContainText('Сервер ответил ошибкой HTTP 503 Service Unavailable', { timeout: 15_000 });
  await expect(failure).toContainText('Повторим через 5 с');
  // ...while every other region loads.
  await expect(directory.catalogSize).toContainText(sizeOf(20000 - kuzbass.organizations));
  // The next attempt succeeds: the region arrives and the message goes.
  await expect(directory.catalogSize).toHaveText('В каталоге 20 000 организаций и 25 951 канал', { timeout: 20_000 });
  await expect(failure).toHaveCount(0);
});

test('offline, the installed app shows every region it loaded before', async ({ page, context }) => {
  const directory = new DirectoryPage(page);
  await page.goto('/site/sharded/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // A visit under the service worker, which stores each shard as it passes.
  await page.reload();
  await expect(directory.catalogSize).toHaveText('В каталоге 20 000 организаций и 25 951 канал');
  await page.waitForFunction(async () => {
    const stored = await (await caches.open('gospubliki-data')).keys();
    return stored.filter((request) => request.url.includes('/data/regions/')).length === 89;
  });
  await context.setOffline(true);
  await page.reload();
  // Read back from the worker's store, 89 files, while another test runs beside this one.
  await expect(directory.catalogSize).toHaveText('В каталоге 20 000 организаций и 25 951 канал', { timeout: 30_000 });
  await expect(page.getByText(/^Нет подключения/)).toBeVisible();
  await expect(page.getByTestId('shard-progress')).toHaveCount(0);
});

test('a shard that never arrives is given up on in seconds, and tried again later', async ({ page, request }) => {
  // A shard this small gets 15 s an attempt; three attempts with their pauses take 49 s.
  test.setTimeout(120_000);
  const top = await topFile(request, 'sharded');
  const mordovia = regionOf(top, '13');
  const directory = new DirectoryPage(page);
  await page.goto('/site/stall-13-sharded/');
  // Long before the stalled one is given up on, the others are all on screen.
  await expect(directory.catalogSize).toContainText(sizeOf(20000 - mordovia.organizations), { timeout: 12_000 });
  await expect(page.getByTestId('shard-progress')).toHaveText('Загружено 88 из 89 регионов');
  const failure = notLoaded(page, mordovia);
  await expect(failure).toContainText('Сервер не прислал ответ за 15 с.', { timeout: 70_000 });
  await expect(failure).toContainText('Повторим через 5 с');
  // Everything else works meanwhile.
  await directory.searchBox.fill('больница');
  await expect(directory.resultCount).toHaveText(/^Найден/);
});

test('a link checked while regions are missing says the check covers only those loaded', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await page.goto('/site/stall-13-sharded/?check=https%3A%2F%2Fvk.com%2Fno_such_channel');
  await expect(page.getByTestId('shard-progress')).toHaveText('Загружено 88 из 89 регионов', { timeout: 15_000 });
  await expect(page.getByText('Каталог ещё загружается: проверено по загруженной части. Загружено 88 из 89 регионов.')).toBeVisible();
  await expect(directory.verdict).toHaveAttribute('data-verdict', 'not-found');
});

test('a shared card of a region that loads last opens once it arrives, without the list first', async ({ page, request }) => {
  const top = await topFile(request, 'sharded');
  const last = top.shards.at(-1);
  const shard = await (await request.get(`/site/sharded/data/${last.url}`)).json();
  const org = shard.organizations[0];
  await page.addInitScript(() => {
    window.__listBeforeCard = false;
    new MutationObserver(() => {
      if (!document.querySelector('article.card') && document.querySelector('li[data-org-id]')) {
        window.__listBeforeCard = true;
      }
    }).observe(document, { subtree: true, childList: true });
  });
  const directory = new DirectoryPage(page);
  await page.goto(`/site/sharded/?org=${org.id}`);
  await expect(directory.cardTitle).toHaveText(org.name, { timeout: 15_000 });
  expect(await page.evaluate(() => window.__listBeforeCard)).toBe(false);
});
