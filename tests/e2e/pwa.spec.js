// The installed app: installable, works offline with the last catalog it saw, and takes a
// new build only when the reader says so. Served under /site/demo/, the service worker's
// own scope; the tests run one after another, as one of them deploys a new build.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, chromium } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

test.describe.configure({ mode: 'serial' });

/** Opens the app and waits until its service worker controls the page. */
async function openControlled(page, address = '/site/demo/') {
  const directory = new DirectoryPage(page);
  await page.goto(address);
  await directory.loaded();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return directory;
}

test('Chromium finds the app installable', async ({ baseURL, launchOptions, request }) => {
  // Test contexts are incognito, where nothing is installable: this one has a profile.
  const profile = await mkdtemp(join(tmpdir(), 'gospubliki-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const page = await context.newPage();
    await openControlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
  const manifest = await (await request.get('/site/demo/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ start_url: './', scope: './', display: 'standalone', lang: 'ru' });
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
  for (const icon of manifest.icons) {
    expect((await request.get(`/site/demo/${icon.src}`)).ok(), icon.src).toBe(true);
  }
});

test('offline, the whole app works with the last catalog and says so', async ({ page, context }) => {
  const directory = await openControlled(page);
  const total = await directory.count();
  await context.setOffline(true);
  await page.reload();
  await directory.loaded();
  await expect(page.getByText('Нет подключения — данные от 20 ноября 2026')).toBeVisible();
  expect(await directory.count()).toBe(total);

  await directory.searchBox.fill('губернатор');
  await expect(directory.resultCount).toHaveText('Найдена 1 организация');
  await directory.searchBox.fill('');
  await directory.filter('Сфера', 'Здравоохранение').check();
  expect(await directory.count()).toBeLessThan(total);
  await directory.organizations.first().getByRole('link').first().click();
  await expect(directory.card).toBeVisible();
  await expect(directory.card.getByRole('img', { name: /^QR-код/ }).first()).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByText('Нет подключения')).toBeHidden();
});

test('a new build waits for «Обновить», then replaces the old files', async ({ page, request }) => {
  const directory = await openControlled(page, '/site/demo/?q=школа');
  const shellCaches = () =>
    page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('gospubliki-shell-')));
  const before = await shellCaches();
  expect(before).toHaveLength(1);
  await page.evaluate(() => { window.stillTheSamePage = true; });

  // A deploy: the worker's bytes change. The browser finds it on its next check.
  expect((await request.post('/__next/demo')).status()).toBe(204);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const prompt = page.getByText('Доступна новая версия —');
  await expect(prompt).toBeVisible();
  // Nothing happened behind the reader's back: same page, same search.
  expect(await page.evaluate(() => window.stillTheSamePage)).toBe(true);
  await expect(directory.searchBox).toHaveValue('школа');

  await page.getByRole('button', { name: 'Обновить' }).click();
  await page.waitForFunction(() => window.stillTheSamePage === undefined);
  await directory.loaded();
  await expect(prompt).toBeHidden();
  expect(directory.params().get('q')).toBe('школа');
  // The new build's cache replaced the old one.
  await expect.poll(shellCaches).toEqual([expect.stringMatching(/-next1$/)]);
  expect((await shellCaches())[0]).not.toBe(before[0]);
});
