// Every view in both languages, at a phone's and a desktop's width: axe-core finds no
// violation (WCAG 2.1 A and AA, which ГОСТ Р 52872-2019 adopts, and axe's best
// practices), and a screenshot of each is saved for people to look at.
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

const require = createRequire(import.meta.url);
const axeSource = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = new URL('../test-results/screenshots/', import.meta.url);

/** Each view: a name, its address, and what to do before looking at it. */
const views = [
  ['search', '/', null],
  ['results', '/?q=школа', null],
  ['filters-open', '/?region=42&sector=health', (page) => page.locator('summary.filters__summary').click()],
  ['no-results', '/?q=поликлинниика&sector=education', null],
  ['card', '/?org=42-00002', null],
  ['check', '/?view=check', null],
  ['check-official', '/?check=https%3A%2F%2Fvk.com%2Fgubernator_kuzbass', null],
  ['check-lookalike', '/?check=https%3A%2F%2Fvk.com%2Fgubernat0r_kuzbass', null],
  ['stats', '/?view=stats', null],
  ['embed-builder', '/?view=embed&region=42', null],
  ['widget', '/widget.html?region=42&sector=education&lock=region,sector', null],
  // A sharded catalog with a refused shard: the progress line and the failure stay.
  ['shards-progress', '/site/tampered/?q=школа', (page) => page.locator('.shard-failures__item').waitFor()],
  ['low-vision', '/?q=больница', async (page) => {
    await page.getByRole('button', { name: /^(Версия для слабовидящих|Low-vision version)$/ }).click();
    await page.getByRole('radio', { name: /^(Самый крупный|Largest)$/ }).check();
    await page.getByRole('radio', { name: /^(Белым по чёрному|White on black)$/ }).check();
  }],
];

for (const lang of ['ru', 'en']) {
  for (const width of [360, 1280]) {
    test.describe(`${lang}, ${width} px`, () => {
      test.use({ viewport: { width, height: 900 } });
      for (const [name, address, prepare] of views) {
        test(`${name}: no axe violations, no horizontal scrolling`, async ({ page }) => {
          const directory = new DirectoryPage(page);
          const errors = [];
          page.on('pageerror', (error) => errors.push(String(error)));
          page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
          const url = lang === 'en' ? `${address}${address.includes('?') ? '&' : '?'}lang=en` : address;
          await page.goto(url);
          await directory.loaded();
          if (prepare) await prepare(page);
          // Let focus moves and late renders settle before looking.
          await page.waitForTimeout(150);

          await mkdir(screenshots, { recursive: true });
          await page.screenshot({ path: new URL(`${name}-${lang}-${width}.png`, screenshots).pathname, fullPage: true });

          await page.evaluate(await axeSource);
          const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
          const violations = results.violations.map((v) => ({
            rule: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
          }));
          expect(violations).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          expect(errors).toEqual([]);
        });
      }
    });
  }
}

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  for (const [name, address] of [
    ['results', '/?q=школа'],
    ['card', '/?org=42-00002'],
    ['check-lookalike', '/?check=https%3A%2F%2Fvk.com%2Fgubernat0r_kuzbass'],
    ['stats', '/?view=stats'],
  ]) {
    test(`${name}: no axe violations`, async ({ page }) => {
      await page.goto(address);
      await new DirectoryPage(page).loaded();
      await page.waitForTimeout(150);
      await mkdir(screenshots, { recursive: true });
      await page.screenshot({ path: new URL(`${name}-dark-1280.png`, screenshots).pathname, fullPage: true });
      await page.evaluate(await axeSource);
      const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    });
  }
});

test('zoomed to 200 % at 1280 px, nothing scrolls sideways', async ({ page }) => {
  // 200 % zoom of a 1280 px window lays the page out in 640 CSS pixels.
  await page.setViewportSize({ width: 640, height: 450 });
  const directory = new DirectoryPage(page);
  for (const address of ['/?q=школа', '/?org=42-00002', '/?view=stats', '/?view=check']) {
    await page.goto(address);
    await directory.loaded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), address).toBeLessThanOrEqual(640);
  }
});

test('keyboard: the skip link comes first and leads to the results', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await directory.open();
  await directory.loaded();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Перейти к основному содержанию' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
