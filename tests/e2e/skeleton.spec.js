// The walking skeleton: the catalog loads and is listed, the demo is marked as such,
// bad records are skipped and counted, and every failure says what went wrong.
import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { DirectoryPage, groupedRu } from './directory-page.js';

const scratch = fileURLToPath(new URL('../.tmp/', import.meta.url));
const fixture = (name) => fileURLToPath(new URL(`../fixtures/catalogs/${name}`, import.meta.url));

test.describe('the demo catalog', () => {
  test('every organisation of the catalog is listed and reachable', async ({ page, request }) => {
    const catalog = await (await request.get('/data/catalog.json')).json();
    const expected = catalog.organizations.map((org) => org.id);
    const channels = catalog.organizations.reduce((sum, org) => sum + org.channels.length, 0);

    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    await expect(directory.catalogSize).toContainText(`${groupedRu(expected.length)} организац`);
    await expect(directory.catalogSize).toContainText(`${groupedRu(channels)} канал`);
    await expect(directory.heading).toHaveText(catalog.title);

    expect(await directory.count()).toBe(expected.length);
    // Every organisation appears exactly once (the list is ordered by subscribers).
    const shown = await directory.revealAll();
    expect(shown.length).toBe(expected.length);
    expect([...shown].sort()).toEqual([...expected].sort());
  });

  test('is marked as demonstration data, with the date of its data', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await expect(directory.demoBanner).toBeVisible();
    await expect(directory.demoBanner).toContainText('адреса каналов');
    await expect(page.getByText('Данные от 20 ноября 2026')).toBeVisible();
    await expect(directory.skippedCount).toHaveCount(0);
  });

  test('shows region, municipality, sector and channels as links', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    const governor = directory.organization('42-00001');
    await expect(governor.getByRole('heading')).toHaveText('Губернатор Кемеровской области — Кузбасса');
    await expect(governor).toContainText('Кемеровская область — Кузбасс · Органы власти');
    const max = governor.getByRole('link', { name: /MAX: gubernator_kuzbass_gos/ });
    await expect(max).toHaveAttribute('href', 'https://max.ru/gubernator_kuzbass_gos');
    await expect(max).toHaveAttribute('target', '_blank');
    await expect(max).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(max).toContainText('12,4\u00a0тыс.');

    await directory.searchBox.fill('Анжеро-Судженский');
    const first = directory.organizations.first();
    await expect(first).toContainText('Анжеро-Судженский городской округ · Кемеровская область — Кузбасс');
  });

  test('works from a sub-path and asks nothing of any other origin', async ({ page }) => {
    const origins = new Set();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    const errors = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));

    const directory = new DirectoryPage(page);
    await page.goto('/site/demo-copy/');
    await expect(directory.failure).toContainText('404');
    await directory.open();
    await directory.loaded();
    expect([...origins]).toEqual([new URL(page.url()).origin]);
    // The only error allowed is the 404 of the deliberately missing catalog above.
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });
});

test.describe('a catalog with bad records', () => {
  test('shows the good records and counts the skipped ones, with reasons', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open('bad-records');
    await directory.loaded();
    await expect(directory.organizations).toHaveCount(3);
    await expect(directory.skippedCount).toHaveText('Пропущено 5 записей с ошибками');
    await directory.skippedReasons.click();
    await expect(page.getByText('99-1 / region: unknown region "99"')).toBeVisible();
    await expect(page.getByText('42-1 / id: duplicate id; first used at organizations[0]')).toBeVisible();
  });

  test('shows markup from the data as text and links nothing unsafe', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open('bad-records');
    await directory.loaded();
    await expect(directory.heading).toHaveText('Каталог с ошибками <em>для проверки</em>');
    const first = directory.organization('42-1');
    await expect(first.getByRole('heading')).toHaveText('<b>МБОУ</b> «СОШ № 1» <script>window.__pwned = 1</script>');
    await expect(first).toContainText('<img src=x onerror="window.__pwned = 2">');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.locator('main b, main script, main img, h1 em').count()).toBe(0);

    // Links go to the organisations' own cards in this app, or to checked channel URLs.
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual([
      '?org=42-1',
      '?org=42-2',
      '?org=54-1',
      'https://max.ru/licey9_gos',
      'https://vk.com/gb1_belovo',
      'https://vk.com/sosh1_belovo',
    ]);
  });
});

test.describe('when the catalog cannot be loaded', () => {
  test('a server error that passes is retried after a pause', async ({ page }) => {
    const statuses = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/data/catalog.json')) statuses.push(response.status());
    });
    const directory = new DirectoryPage(page);
    await directory.open('flaky-card');
    await directory.loaded();
    expect(await directory.count()).toBe(2);
    expect(statuses.slice(0, 2)).toEqual([503, 200]);
    await expect(directory.failure).toHaveCount(0);
  });

  test('a missing file names the address and the HTTP status', async ({ page, baseURL }) => {
    const directory = new DirectoryPage(page);
    await directory.open('missing');
    await expect(directory.failure).toContainText('Не удалось загрузить каталог');
    await expect(directory.failure).toContainText(`HTTP 404 Not Found на запрос ${baseURL}/site/missing/data/catalog.json`);
    await expect(directory.retryButton).toBeVisible();
  });

  test('a damaged file names the line and column', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open('broken');
    await expect(directory.failure).toContainText('ошибка JSON в строке 5, столбце 48');
  });

  test('an HTML page instead of the catalog is reported as not JSON', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open('html-instead');
    await expect(directory.failure).toContainText('ошибка JSON в строке 1, столбце 1');
  });

  test('a newer catalog version is named', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open('version-2');
    await expect(directory.failure).toContainText('Неподдерживаемая версия каталога 2');
  });

  test('Retry loads the file once it is fixed, showing progress meanwhile', async ({ page }, testInfo) => {
    const name = `retry-${testInfo.workerIndex}-${Date.now()}`;
    const file = `${scratch}${name}.json`;
    await mkdir(scratch, { recursive: true });
    await writeFile(file, await readFile(fixture('broken.json')));
    try {
      const directory = new DirectoryPage(page);
      await page.goto(`/site/slow-${name}/`);
      await expect(directory.loading).toBeVisible();
      await expect(directory.failure).toContainText('ошибка JSON');

      await writeFile(file, await readFile(fixture('bad-records.json')));
      await directory.retryButton.click();
      await expect(directory.loading).toBeVisible();
      await directory.loaded();
      await expect(directory.failure).toHaveCount(0);
      await expect(directory.organizations).toHaveCount(3);
    } finally {
      await rm(file, { force: true });
    }
  });
});

test.describe('when the app itself fails', () => {
  test('a panic shows what happened, the error text and a reload that keeps the search', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0');
    await expect(directory.resultCount).toBeVisible();
    // The hook a deployment offers for this (README, «Stable hooks»): a real panic in the
    // real build. The call itself ends in the trap that follows the panic.
    await page.evaluate(() => {
      try {
        window.wasmBindings.show_crash_screen();
      } catch {
        // "unreachable": the panic has been handled; the page is what matters.
      }
    });
    const crash = page.getByRole('alert');
    await expect(crash.getByRole('heading', { level: 1 })).toHaveText('Что-то пошло не так');
    await expect(crash).toContainText('поиск и фильтры сохранятся');
    await expect(crash.locator('pre')).toContainText('the crash screen was asked for');
    await expect(directory.searchBox).toHaveCount(0);

    await crash.getByRole('link', { name: 'Перезагрузить страницу' }).click();
    await expect(directory.resultCount).toBeVisible();
    await expect(directory.searchBox).toHaveValue('школа');
  });
});
