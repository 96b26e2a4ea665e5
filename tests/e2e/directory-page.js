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
  }

  /** Opens a site of the test server: '' for the root, or a fixture's name. */
  async open(site = '') {
    await this.page.goto(site ? `/site/${site}/` : '/');
  }

  /** The list item of one organisation. */
  organization(id) {
    return this.page.locator(`li[data-org-id="${id}"]`);
  }

  /** Waits for the directory to be shown (the size sentence is there). */
  async loaded() {
    await expect(this.catalogSize).toBeVisible();
  }

  /** Pages through the whole list with "show more" and returns every id shown. */
  async revealAll() {
    while (await this.showMore.isVisible()) {
      const before = await this.organizations.count();
      await this.showMore.click();
      await expect(this.organizations).not.toHaveCount(before);
    }
    return this.organizations.evaluateAll((items) => items.map((item) => item.dataset.orgId));
  }
}

/** A count as the Russian UI groups it: 2 851 with a no-break space. */
export function groupedRu(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}
