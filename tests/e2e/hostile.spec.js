// Hostile and broken catalogs in the browser (tests/fixtures/catalogs/hostile-*.json, and
// two too large to commit, written here): each gives a clear message or a page with the
// bad records skipped and counted; never a blank page, an error in the console, markup
// from the data, or a link that is not http(s) to a platform's own host.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

const scratch = new URL('../.tmp/', import.meta.url);

test.beforeAll(async () => {
  // The same two catalogs the core's test builds (crates/catalog/tests/hostile.rs).
  const header = '{"format":"gospubliki-catalog","version":1,"title":"Огромный каталог","regions":[{"code":"42","name":"Кузбасс"}],"sectors":[{"id":"education","name":"Образование"}],"platforms":[{"id":"vk","name":"ВКонтакте","hosts":["vk.com"]}],"organizations":[';
  const org = (id, name) =>
    `{"id":"${id}","name":"${name}","region":"42","sector":"education","channels":[{"platform":"vk","url":"https://vk.com/${id}"}]}`;
  await mkdir(scratch, { recursive: true });
  // Each worker runs this; a rename makes sure no page ever reads a half-written file.
  const write = async (name, text) => {
    const partial = new URL(`${name}.${process.pid}.partial`, scratch);
    await writeFile(partial, text);
    await rename(partial, new URL(name, scratch));
  };
  await write('hostile-huge-string.json', `${header}${org('big', 'Ш'.repeat(10_000_000))},${org('ok', 'Школа')}]}`);
  await write('hostile-duplicate-ids.json', `${header}${Array(100_000).fill(org('same', 'Школа')).join(',')}]}`);
});

/** [catalog, the failure's message] or [catalog, the skipped sentence, organisations shown] */
const cases = [
  ['hostile-not-json', /ошибка JSON в строке 1, столбце 1/],
  ['hostile-truncated', /ошибка JSON в строке 29/],
  ['hostile-wrong-format', /не каталог Госпабликов/],
  ['hostile-version-9', /Неподдерживаемая версия каталога 9/],
  ['hostile-deep-nesting', 'Пропущена 1 запись с ошибками', 0],
  ['hostile-unknown-references', 'Пропущено 3 записи с ошибками', 2],
  ['hostile-subscribers', 'Пропущено 4 записи с ошибками', 5],
  ['hostile-bad-urls', 'Пропущено 13 записей с ошибками', 14],
  ['hostile-html-everywhere', null, 1],
  ['hostile-rtl-emoji', 'Пропущена 1 запись с ошибками', 3],
  ['hostile-huge-string', 'Пропущена 1 запись с ошибками', 1],
  ['hostile-duplicate-ids', 'Пропущено 99\u00a0999 записей с ошибками', 1],
];

for (const [name, outcome, shown] of cases) {
  test(`${name}: a clear answer, nothing unsafe`, async ({ page }) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      // A refused catalog is reported on the page; the browser adds nothing to the console
      // but network errors, which these cases do not have.
      if (message.type() === 'error') errors.push(message.text());
    });
    const directory = new DirectoryPage(page);
    await directory.open(name);
    if (outcome instanceof RegExp) {
      await expect(directory.failure).toContainText(outcome);
      await expect(directory.retryButton).toBeVisible();
    } else {
      await directory.loaded();
      if (outcome) {
        await expect(directory.skippedCount).toHaveText(outcome);
        await page.getByText('Почему пропущены').click();
      } else {
        await expect(directory.skippedCount).toHaveCount(0);
      }
      expect(await directory.count()).toBe(shown);
    }
    // Never a blank page.
    expect((await page.locator('body').innerText()).length).toBeGreaterThan(50);
    // No markup from the data ran or rendered.
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.locator('body script, main b, main img, h1 *, .skipped b').count()).toBe(0);
    // Every link is the app's own, or http(s) on a platform's own host.
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const href of hrefs) {
      expect(href, name).toMatch(/^(\?|\.\/$|#main$|https?:\/\/(vk\.com|t\.me|ok\.ru|max\.ru)\/)/i);
    }
    expect(errors).toEqual([]);
  });
}

test('markup in every text field shows as text', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await directory.open('hostile-html-everywhere');
  await directory.loaded();
  await expect(directory.heading).toContainText('<script>window.__pwned=1</script>');
  const item = directory.organization('42-1');
  await expect(item).toContainText('<img src=x onerror="window.__pwned=2">');
  await expect(item).toContainText('Округ <script>');
  await expect(page.getByRole('group', { name: 'Сфера' })).toContainText('Сфера <script>');
  await expect(page.locator('footer')).toContainText('Источник <script>');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
