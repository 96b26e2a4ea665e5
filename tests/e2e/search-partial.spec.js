// Results that match all the words of the search but one, listed after the complete
// ones under a heading of their own, each with the word it lacks (issue #18).
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

/** «Юргинская городская поликлиника № 2» in the demo catalog. */
const YURGA_GP2 = '42-01893';

test.describe('results missing one word', () => {
  test('nothing matches every word: the heading names the word, each result says it', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    await directory.searchBox.fill('поликлиника 2 юрга официальная');
    await expect(directory.partialHeading()).toHaveText('Нет совпадений со словом «официальная»');
    const result = directory.organization(YURGA_GP2);
    await expect(result).toBeVisible();
    await expect(result.getByText('не найдено: „официальная“', { exact: true })).toBeVisible();
    // The count is of complete matches; «nothing found» is for no result at all.
    await expect(directory.resultCount).toHaveText(/^Найдено 0 организаций, ещё \d+ без одного слова$/);
    await expect(page.getByText(/^Ничего не найдено/)).toHaveCount(0);
  });

  test('the complete matches come first, those lacking a word after the heading', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    await directory.searchBox.fill('ЕДДС Белово');
    await expect(directory.resultCount).toHaveText(/^Найдено 2 организации, ещё \d+ без одного слова$/);
    expect(await directory.count()).toBe(2);
    // They lack different words, so the heading names none.
    await expect(directory.partialHeading()).toHaveText('Без одного слова');
    const notes = directory.organizations.getByText(/^не найдено: „(ЕДДС|Белово)“$/);
    await expect(directory.organizations.nth(0).getByText(/^не найдено/)).toHaveCount(0);
    await expect(directory.organizations.nth(1).getByText(/^не найдено/)).toHaveCount(0);
    await expect(directory.organizations.nth(2).getByText(/^не найдено: „(ЕДДС|Белово)“$/)).toBeVisible();
    expect(await notes.count()).toBe((await directory.organizations.count()) - 2);
  });

  test('in English', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?lang=en&q=' + encodeURIComponent('поликлиника 2 юрга официальная'));
    await expect(page.getByRole('heading', { name: 'No matches for the word “официальная”' })).toBeVisible();
    await expect(directory.organization(YURGA_GP2).getByText('not found: “официальная”', { exact: true })).toBeVisible();
  });
});
