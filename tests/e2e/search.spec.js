// Search, filters and the URL as the state, in the browser against the demo catalog.
import { test, expect } from '@playwright/test';
import { DirectoryPage, groupedRu } from './directory-page.js';

test.describe('search', () => {
  test('typing shows matching organisations and replaces the history entry', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    const total = await directory.count();
    const entries = await directory.historyLength();

    await directory.searchBox.pressSequentially('школа 5');
    await expect(page).toHaveURL(/q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0(%20|\+)5/);
    expect(directory.params().get('q')).toBe('школа 5');
    expect(await directory.historyLength()).toBe(entries);

    const count = await directory.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(total);
    await expect(directory.organizations).toHaveCount(Math.min(count, 20));
    for (const name of await directory.names()) {
      expect(name.toLowerCase()).toContain('школ');
      // Numbers are exact: № 5, never № 15 or № 50.
      expect(name).toMatch(/№ 5(?!\d)/);
    }
  });

  test('understands the wrong layout, transliteration, abbreviations and typos', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    const countOf = async (text) => {
      await directory.searchBox.fill(text);
      await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, '(%20|\\+)')}`));
      return directory.count();
    };
    const schools = await countOf('школа');
    expect(schools).toBeGreaterThan(100);
    expect(await countOf('irjkf')).toBe(schools);
    expect(await countOf('shkola')).toBe(schools);
    const libraries = await countOf('ЦБС');
    expect(libraries).toBe(34);
    expect(await countOf('централизованная библиотечная система')).toBe(libraries);
    expect(await countOf('централизованая')).toBe(libraries);
  });

  test('finds an organisation by its channel address', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.searchBox.fill('https://max.ru/gubernator_kuzbass_gos');
    await expect(directory.organizations).toHaveCount(1);
    await expect(directory.organizations.first()).toHaveAttribute('data-org-id', '42-00001');
  });

  test('Escape clears the search', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0');
    await expect(directory.searchBox).toHaveValue('школа');
    await directory.searchBox.press('Escape');
    await expect(directory.searchBox).toHaveValue('');
    await expect(page).toHaveURL(/\/$/);
  });
});

test.describe('filters', () => {
  test('each filter count is the number of results choosing it gives', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    const entries = await directory.historyLength();

    const education = await directory.filterCount('Сфера', 'Образование');
    await directory.filter('Сфера', 'Образование').check();
    await expect(page).toHaveURL(/sector=education/);
    expect(await directory.count()).toBe(education);
    expect(await directory.historyLength()).toBe(entries + 1);

    // Choosing a second sector is OR: each organisation has one sector, so the results
    // are both labels' counts together.
    const culture = await directory.filterCount('Сфера', 'Культура');
    await directory.filter('Сфера', 'Культура').check();
    await expect(page).toHaveURL(/sector=culture,education/);
    const withCulture = await directory.count();
    expect(withCulture).toBe(education + culture);

    // A different filter is AND.
    const max = await directory.filterCount('Платформа', 'MAX');
    await directory.filter('Платформа', 'MAX').check();
    await expect(page).toHaveURL(/sector=culture,education&platform=max/);
    expect(await directory.count()).toBe(max);
    expect(max).toBeLessThan(withCulture);
    // Counts stay disjunctive: the chosen platform's neighbours keep their counts.
    expect(await directory.filterCount('Платформа', 'ВКонтакте')).toBeGreaterThan(0);
  });

  test('a municipality is offered once a region is chosen', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    const total = await directory.count();
    await expect(page.getByRole('group', { name: 'Муниципальное образование' })).toHaveCount(0);
    await directory.filter('Регион', 'Кузбасс').check();
    const town = 'Беловский городской округ';
    const expected = await directory.filterCount('Муниципальное образование', town);
    await directory.filter('Муниципальное образование', town).check();
    expect(await directory.count()).toBe(expected);
    for (const text of await directory.organizations.allTextContents()) {
      expect(text).toContain(town);
    }
    await directory.resetFilters.click();
    await expect(page).toHaveURL(/\/$/);
    await expect(directory.resultCount).toHaveText(new RegExp(groupedRu(total)));
  });

  test('chosen values show as chips that remove them, and «Сбросить всё» drops them all', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    const total = await directory.count();
    await expect(directory.chips).toHaveCount(0);

    await directory.filter('Сфера', 'Здравоохранение').check();
    await directory.filter('Платформа', 'MAX').check();
    await expect(directory.chips.getByRole('button')).toHaveText(['Здравоохранение ×', 'MAX ×']);
    const both = await directory.count();
    const entries = await directory.historyLength();

    await directory.chip('MAX').click();
    await expect(page).not.toHaveURL(/platform=/);
    await expect(page).toHaveURL(/sector=health/);
    await expect(directory.filter('Платформа', 'MAX')).not.toBeChecked();
    expect(await directory.count()).toBeGreaterThan(both);
    expect(await directory.historyLength()).toBe(entries + 1);

    await directory.resetFilters.click();
    await expect(page).toHaveURL(/\/$/);
    await expect(directory.chips).toHaveCount(0);
    expect(await directory.count()).toBe(total);
  });

  test('values a catalog does not have are ignored', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0');
    const plain = await directory.count();
    await page.goto('/?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0&region=999&sector=mining&platform=myspace&sort=sideways&org=%3Cscript%3E');
    await expect(directory.resultCount).toHaveText(new RegExp(String(plain).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')));
  });
});

test.describe('the URL is the state', () => {
  test('Back, Forward and reload restore the exact view', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    await directory.searchBox.fill('больница');
    await directory.filter('Платформа', 'MAX').check();
    await expect(page).toHaveURL(/platform=max/);
    const filtered = await directory.count();
    await directory.sort.selectOption('name');
    await expect(page).toHaveURL(/sort=name/);
    const sortedNames = await directory.names();

    await page.goBack();
    await expect(page).not.toHaveURL(/sort=name/);
    await expect(directory.sort).toHaveValue('relevance');
    await page.goBack();
    await expect(page).not.toHaveURL(/platform=max/);
    await expect(directory.filter('Платформа', 'MAX')).not.toBeChecked();
    await expect(directory.searchBox).toHaveValue('больница');
    const unfiltered = await directory.count();
    expect(unfiltered).toBeGreaterThan(filtered);

    await page.goForward();
    await expect(directory.filter('Платформа', 'MAX')).toBeChecked();
    expect(await directory.count()).toBe(filtered);
    await page.goForward();
    await expect(directory.sort).toHaveValue('name');

    await page.reload();
    await expect(directory.searchBox).toHaveValue('больница');
    await expect(directory.filter('Платформа', 'MAX')).toBeChecked();
    await expect(directory.sort).toHaveValue('name');
    expect(await directory.names()).toEqual(sortedNames);
  });

  test('a shared link opens the same view, numbers sorted by value', async ({ browser, page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.searchBox.fill('сош');
    await directory.filter('Регион', 'Кузбасс').check();
    await directory.filter('Муниципальное образование', 'Кемеровский городской округ (г. Кемерово)').check();
    await directory.sort.selectOption('name');
    await expect(page).toHaveURL(/sort=name/);
    const names = await directory.names();

    const other = new DirectoryPage(await browser.newPage());
    await other.page.goto(page.url());
    await expect(other.sort).toHaveValue('name');
    expect(await other.names()).toEqual(names);
    // «№ 2» before «№ 10»: within one legal form the school numbers ascend.
    const numbers = names
      .filter((name) => name.startsWith('Муниципальное бюджетное общеобразовательное учреждение «Средняя'))
      .map((name) => Number(name.match(/№ (\d+)/)[1]));
    expect(numbers.length).toBeGreaterThan(3);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    await other.page.close();
  });
});
