// The static first screen: what index.html and widget.html show before the app's code
// has arrived, and how the app takes it over. The module is held back by the test, as a
// slow network holds it, and let through when the test says.
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

/** Holds every request for the app's wasm module until the returned function is called. */
async function holdModule(page) {
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Starts summing the page's layout shifts (those not caused by input), from its start. */
async function recordLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__shifts += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test.describe('before the app has started', () => {
  test('the page shows its name, sections and a search form that works as a plain GET', async ({ page }) => {
    await holdModule(page);
    const directory = new DirectoryPage(page);
    await page.goto('/');
    await expect(directory.heading).toHaveText('Госпаблики');
    await expect(directory.loading).toBeVisible();
    await expect(directory.section('Проверить канал')).toHaveAttribute('href', '?view=check');
    await expect(directory.section('Поиск')).toHaveAttribute('aria-current', 'page');
    await directory.searchBox.fill('школа 5');
    await directory.searchBox.press('Enter');
    await expect.poll(() => directory.params().get('q')).toBe('школа 5');
  });

  test('a search typed meanwhile gives its results when the app is up, the focus kept', async ({ page }) => {
    const release = await holdModule(page);
    const directory = new DirectoryPage(page);
    await page.goto('/');
    await directory.searchBox.fill('Белово');
    release();
    await directory.loaded();
    await expect.poll(() => directory.params().get('q')).toBe('Белово');
    await expect(page.locator('#first-screen')).toHaveCount(0);
    await expect(directory.searchBox).toHaveValue('Белово');
    await expect(directory.searchBox).toBeFocused();
    // The caret is where the reader left it, after the last letter, so typing goes on.
    await page.keyboard.type(' школа');
    await expect.poll(() => directory.params().get('q')).toBe('Белово школа');
    expect(await directory.count()).toBeGreaterThan(0);
    for (const text of await directory.organizations.allTextContents()) {
      expect(text).toMatch(/Белов/);
    }
  });

  test('a search in the address before the app starts is the app\'s search', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?q=%D0%91%D0%B5%D0%BB%D0%BE%D0%B2%D0%BE');
    await directory.loaded();
    await expect(directory.searchBox).toHaveValue('Белово');
    await expect(page.locator('#first-screen')).toHaveCount(0);
  });

  test('the widget keeps the filters of its address: a typed text is carried over, never submitted', async ({ page }) => {
    const release = await holdModule(page);
    const directory = new DirectoryPage(page);
    await page.goto('/widget.html?region=42&lock=region');
    await expect(directory.sections).toHaveCount(0);
    await directory.searchBox.fill('школа');
    await directory.searchBox.press('Enter');
    expect(directory.params().get('region')).toBe('42');
    expect(directory.params().get('q')).toBeNull();
    release();
    await directory.loaded();
    await expect.poll(() => directory.params().get('q')).toBe('школа');
    expect(directory.params().get('region')).toBe('42');
    expect(directory.params().get('lock')).toBe('region');
  });
});

for (const width of [390, 1280]) {
  test(`at ${width} px the app takes over the first screen without a layout shift`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await recordLayoutShifts(page);
    const release = await holdModule(page);
    const directory = new DirectoryPage(page);
    await page.goto('/');
    await expect(directory.searchBox).toBeVisible();
    const before = await directory.searchBox.boundingBox();
    release();
    await directory.loaded();
    await expect(directory.organizations.first()).toBeVisible();
    const shifts = await page.evaluate(() => window.__shifts);
    expect(shifts).toBeLessThanOrEqual(0.05);
    // The demo catalog's banner goes above the header, so the field may move down by the
    // banner's height, never up and never sideways.
    const after = await directory.searchBox.boundingBox();
    expect(after.x).toBe(before.x);
    expect(after.width).toBe(before.width);
    expect(after.y).toBeGreaterThanOrEqual(before.y);
  });
}
