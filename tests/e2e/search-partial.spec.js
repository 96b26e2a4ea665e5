// Results that match all the words of the search but one, listed after the complete
// ones under a heading of their own, each with the word it lacks (issue #18).
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

test.describe('results missing one word', () => {
  test('nothing matches every word: the heading names the word, each result says it', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    await directory.searchBox.fill('поликлиника 2 юрга официальная');
    await expect(directory.partialHeading()).toHaveText('Нет совпадений со словом «официальная»');
    const result = directory.organization('yurga_gp2');
    await expect(result).toBeVisible();
    await expect(result.getByText('не найдено: „официальная“', { exact: true })).toBeVisible();
    // The count is of complete matches; «nothing found» is for no result at all.
    await expect(directory.resultCount).toHaveText('Найдено 0 организаций, ещё 1 без одного слова');
    await expect(page.getByText(/^Ничего не найдено/)).toHaveCount(0);
  });

  test('the complete matches come first, the one lacking a word after the heading', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    await directory.searchBox.fill('поликлиника 2 мыски');
    await expect(directory.partialHeading()).toBeVisible();
    expect(await directory.ids()).toEqual(['mys_gp2', 'yurga_gp2']);
    await expect(directory.organization('mys_gp2').getByText(/^не найдено/)).toHaveCount(0);
    await expect(directory.organization('yurga_gp2').getByText('не найдено: „мыски“', { exact: true })).toBeVisible();
    await expect(directory.resultCount).toHaveText('Найдена 1 организация, ещё 1 без одного слова');
    expect(await directory.count()).toBe(1);
  });

  test('in English', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?lang=en&q=' + encodeURIComponent('поликлиника 2 мыски'));
    await expect(page.getByRole('heading', { name: 'No matches for the word “мыски”' })).toBeVisible();
    await expect(directory.organization('yurga_gp2').getByText('not found: “мыски”', { exact: true })).toBeVisible();
  });
});
