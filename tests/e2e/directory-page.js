// The page object for the directory: every locator the specs use, by role and name
// where the page gives one, so the specs read as what a person does and sees.
import { expect } from '@playwright/test';

export class DirectoryPage {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.demoBanner = page.getByRole('complementary', { name: 'Демонстрационные данные' });
    this.loading = page.getByRole('status').filter({ hasText: 'Загружаем каталог' });
    this.failure = page.getByRole('alert');
    this.retryButton = page.getByRole('button', { name: 'Повторить' });
    this.catalogSize = page.getByTestId('catalog-size');
    this.skippedCount = page.getByTestId('skipped-count');
    this.skippedReasons = page.getByText('Почему пропущены');
    this.showMore = page.getByRole('button', { name: /^Показать ещё/ });
    this.organizations = page.locator('li[data-org-id]');
    this.searchBox = page.getByRole('searchbox', { name: 'Найти организацию или канал' });
    this.resultCount = page.getByRole('status').filter({ hasText: /^Найден/ });
    this.sort = page.getByRole('combobox', { name: 'Порядок' });
    this.resetFilters = page.getByRole('button', { name: 'Сбросить всё' });
    this.chips = page.getByRole('list', { name: 'Выбранные фильтры' });
    this.sections = page.getByRole('navigation', { name: 'Разделы' });
    this.card = page.locator('article.card[data-org-id]');
    this.cardTitle = page.getByRole('heading', { level: 2 }).and(page.locator('#card-title'));
    this.backToResults = page.getByRole('button', { name: 'К результатам поиска' });
    this.checkInput = page.getByRole('textbox', { name: 'Ссылка на канал или его имя' });
    this.checkButton = page.getByRole('button', { name: 'Проверить', exact: true });
    this.verdict = page.locator('[data-verdict]');
    this.lowVision = page.getByRole('button', { name: 'Версия для слабовидящих' });
    this.downloadCsv = page.getByRole('button', { name: 'CSV (Excel)' });
    this.downloadJson = page.getByRole('button', { name: 'JSON' });
  }

  /** A section's link in the navigation. */
  section(name) {
    return this.sections.getByRole('link', { name, exact: true });
  }

  /** Checks a pasted link with the form and waits for the verdict. */
  async check(text) {
    await this.checkInput.fill(text);
    await this.checkButton.click();
    await expect.poll(() => this.params().get('check')).toBe(text.trim());
    await expect(this.verdict).toHaveCount(1);
    return this.verdict.getAttribute('data-verdict');
  }

  /** The checkbox of one filter value, found by its label (the count follows it). */
  filter(group, label) {
    return this.page
      .getByRole('group', { name: group })
      .getByRole('checkbox', { name: new RegExp(`^${escape(label)} [\\d\\s]+$`) });
  }

  /** The chip that removes one chosen filter value. */
  chip(label) {
    return this.chips.getByRole('button', { name: `Убрать фильтр: ${label}` });
  }

  /** The count shown next to a filter value. */
  async filterCount(group, label) {
    const count = await this.filter(group, label).evaluate(
      (box) => box.closest('label').querySelector('.facet__count').textContent,
    );
    return Number(count.replace(/\s/g, ''));
  }

  /** The number in the result sentence («Найдено 1 605 организаций» → 1605): the
   *  first, since «…, ещё 5 без одного слова» may follow. */
  async count() {
    const text = await this.resultCount.textContent();
    const first = text.match(/\d[\d\s\u00a0]*/);
    return first ? Number(first[0].replace(/[^\d]/g, '')) : NaN;
  }

  /** The heading before the results that lack one word of the text. */
  partialHeading() {
    return this.page.getByRole('heading', { name: /^(Без одного слова|Нет совпадений со словом)/ });
  }

  /** The names of the organisations on screen, in order. */
  names() {
    return this.organizations.locator('h3').allTextContents();
  }

  /** The query parameters of the current address. */
  params() {
    return new URL(this.page.url()).searchParams;
  }

  /** How many entries the tab's history has. */
  historyLength() {
    return this.page.evaluate(() => history.length);
  }

  /** Opens a site of the test server: '' for the root, or a fixture's name. */
  async open(site = '') {
    await this.page.goto(site ? `/site/${site}/` : '/');
  }

  /** The list item of one organisation. */
  organization(id) {
    return this.page.locator(`li[data-org-id="${id}"]`);
  }

  /** Waits for the directory to be shown: the size sentence, or in a widget (which has
   * no header) the result count. */
  async loaded() {
    await expect(this.catalogSize.or(this.page.getByTestId('result-count')).first()).toBeVisible();
  }

  /** The ids of the organisations on the page, in order. */
  ids() {
    return this.organizations.evaluateAll((items) => items.map((item) => item.dataset.orgId));
  }

  /**
   * Moves through the whole list with «Показать ещё» and returns every id shown, in
   * order. The list keeps a window of the results, so each step adds the ids that came
   * after the last one seen.
   */
  async revealAll() {
    const seen = await this.ids();
    while (await this.showMore.isVisible()) {
      const last = seen[seen.length - 1];
      await this.showMore.click();
      await expect(this.organizations.last()).not.toHaveAttribute('data-org-id', last);
      const ids = await this.ids();
      seen.push(...ids.slice(ids.indexOf(last) + 1));
    }
    return seen;
  }
}

/** A count as the Russian UI groups it: 2 906 with a no-break space. */
export function groupedRu(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
