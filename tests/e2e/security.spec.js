// What the app promises: it runs under a strict Content-Security-Policy without a single
// violation, it asks no one but its own origin for anything, sets no cookie, and no link
// can make it load a catalog from elsewhere.
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

const views = [
  '/',
  '/?q=школа&sector=education',
  '/?org=42-00002',
  '/?check=https%3A%2F%2Fvk.com%2Fgubernat0r_kuzbass',
  '/?view=stats&platform=max',
  '/?view=embed&region=42',
  '/widget.html?region=42&lock=region',
  '/?lang=en&q=school',
];

test('every view runs under the strict policy with no violation, no foreign request, no cookie', async ({ page, context, baseURL }) => {
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  // Listen for violations from the first moment of every document.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  const directory = new DirectoryPage(page);
  for (const view of views) {
    const response = await page.goto(view);
    const policy = response.headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
    await directory.loaded();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.cspViolations), view).toEqual([]);
    // Inside the builder's preview frame too.
    for (const frame of page.frames().slice(1)) {
      expect(await frame.evaluate(() => window.cspViolations ?? []), view).toEqual([]);
    }
  }
  expect(errors).toEqual([]);
  expect(requests.filter((url) => !url.startsWith(`${baseURL}/`))).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('only the widget may be framed by another site, and the page decides it, never the query', async ({ request }) => {
  // Every spelling of the old widget parameter: the server used to take the first
  // `embed` of any case, the app the last spelt exactly.
  const queries = ['', '?embed=1', '?EMBED=1&check=vk.com%2Fx', '?Embed=1', '?embed=1&embed=0', '?embed=0&embed=1', '?embed=%31'];
  for (const page of ['/', '/index.html', '/site/card/', '/site/card/index.html']) {
    for (const query of queries) {
      const response = await request.get(`${page}${query}`);
      expect(response.status(), `${page}${query}`).toBe(200);
      expect(response.headers()['content-security-policy'], `${page}${query}`).toContain("frame-ancestors 'self'");
    }
  }
  for (const widget of ['/widget.html?region=42', '/site/card/widget.html', '/widget.html?embed=0']) {
    const response = await request.get(widget);
    expect(response.status(), widget).toBe(200);
    expect(response.headers()['content-security-policy'], widget).toContain('frame-ancestors *');
    expect(await response.text(), widget).toContain('<html lang="ru" data-entry="widget">');
  }
  expect(await (await request.get('/')).text()).not.toContain('data-entry');
});

test('a link cannot make the app load a catalog from anywhere else', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const directory = new DirectoryPage(page);
  const evil = encodeURIComponent('http://127.0.0.1:8082/fake.json');
  await page.goto(`/?catalog=${evil}&src=${evil}&data=${evil}&url=${evil}&shard=${evil}`);
  await directory.loaded();
  await expect(directory.heading).toHaveText('Госпаблики Кузбасса — демонстрационный каталог');
  const catalogs = requests.filter((url) => new URL(url).pathname.endsWith('.json'));
  expect(catalogs).toEqual([`${baseURL}/data/catalog.json`]);
  // The unknown parameters are dropped from the address at the first change.
  await directory.searchBox.fill('школа');
  expect(directory.params().get('catalog')).toBeNull();
});
