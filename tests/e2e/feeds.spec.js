// Links to the Atom feeds of new channels: shown only when the catalog names its feeds
// folder, for the whole catalog, the chosen region and the region and sector, on the
// directory's filters and in the widget builder; each link is a file on this site that
// reads as an Atom feed. tests/.tmp/news/ is written by global-setup.mjs with the data tool.
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

const ATOM = 'http://www.w3.org/2005/Atom';

/** The feed links a region of the page offers, as [text, href] pairs. */
async function feedLinks(area) {
  const links = area.getByTestId('feed-links').getByRole('link');
  return links.evaluateAll((all) => all.map((a) => [a.textContent, a.getAttribute('href')]));
}

/** Fetches a feed link from the page, as the reader's browser would, and reads it as XML:
 *  its status, content type, root element's namespace and entry titles. */
async function readFeed(page, href) {
  return page.evaluate(async (href) => {
    const response = await fetch(href);
    const text = await response.text();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      sameOrigin: new URL(response.url).origin === location.origin,
      error: doc.getElementsByTagName('parsererror').length,
      root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
      entries: [...doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map(
        (entry) => entry.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title')[0].textContent,
      ),
    };
  }, href);
}

test('the filters link the feeds of the chosen region and sector, each a real Atom file', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await page.goto('/site/news/');
  await directory.loaded();
  const filters = page.getByRole('complementary', { name: 'Фильтры' });
  expect(await feedLinks(filters)).toEqual([['Новые каналы: весь каталог', 'data/feeds/all.atom']]);

  await directory.filter('Регион', 'Кузбасс').check();
  await expect(filters.getByTestId('feed-links').getByRole('link')).toHaveCount(2);
  expect(await feedLinks(filters)).toEqual([
    ['Новые каналы: весь каталог', 'data/feeds/all.atom'],
    ['Новые каналы: Кузбасс', 'data/feeds/42.atom'],
  ]);
  await directory.filter('Сфера', 'Образование').check();
  await expect(filters.getByTestId('feed-links').getByRole('link')).toHaveCount(3);
  const links = await feedLinks(filters);
  expect(links[2]).toEqual(['Новые каналы: Кузбасс, Образование', 'data/feeds/42-education.atom']);

  const expected = {
    'data/feeds/all.atom': [
      'МБОУ «Средняя общеобразовательная школа № 12» — ВКонтакте',
      'МБОУ «Средняя общеобразовательная школа № 12» — MAX',
      'ГБУЗ «Беловская городская больница № 1» — ВКонтакте',
    ],
    'data/feeds/42.atom': [
      'МБОУ «Средняя общеобразовательная школа № 12» — ВКонтакте',
      'МБОУ «Средняя общеобразовательная школа № 12» — MAX',
      'ГБУЗ «Беловская городская больница № 1» — ВКонтакте',
    ],
    'data/feeds/42-education.atom': [
      'МБОУ «Средняя общеобразовательная школа № 12» — ВКонтакте',
      'МБОУ «Средняя общеобразовательная школа № 12» — MAX',
    ],
  };
  for (const [, href] of links) {
    const feed = await readFeed(page, href);
    expect(feed, href).toEqual({
      status: 200,
      type: 'application/atom+xml',
      sameOrigin: true,
      error: 0,
      root: `${ATOM} feed`,
      entries: expected[href],
    });
  }

  // Two regions: no one region's feed.
  await directory.filter('Регион', 'Новосибирская область').check();
  await expect(filters.getByTestId('feed-links').getByRole('link')).toHaveCount(1);
});

test('the widget builder links the feeds of the widget\'s region and sector', async ({ page }) => {
  await page.goto('/site/news/?view=embed&region=54&sector=education');
  const builder = page.getByRole('main');
  await expect(builder.getByTestId('feed-links').getByRole('link')).toHaveCount(3);
  const links = await feedLinks(builder);
  expect(links.map(([, href]) => href)).toEqual([
    'data/feeds/all.atom',
    'data/feeds/54.atom',
    'data/feeds/54-education.atom',
  ]);
  for (const [, href] of links) {
    const feed = await readFeed(page, href);
    expect([feed.status, feed.error, feed.root], href).toEqual([200, 0, `${ATOM} feed`]);
  }
  // The lyceum has no `added` date: its feeds are valid and empty.
  expect((await readFeed(page, 'data/feeds/54.atom')).entries).toEqual([]);
  // A sector without organisations in the region has no feed, so no link.
  await page.getByRole('combobox', { name: 'Сфера' }).selectOption('health');
  await expect(builder.getByTestId('feed-links').getByRole('link')).toHaveCount(2);
});

test('a catalog that names no feeds folder gets no feed links', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await page.goto('/?region=42&sector=education');
  await directory.loaded();
  await expect(directory.organizations.first()).toBeVisible();
  await expect(page.getByTestId('feed-links')).toHaveCount(0);
  await page.goto('/?view=embed&region=42');
  await expect(page.getByRole('heading', { name: 'Виджет для сайта' })).toBeVisible();
  await expect(page.getByTestId('feed-links')).toHaveCount(0);
});
