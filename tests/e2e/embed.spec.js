// The widget in another site: a host page on a second origin pastes the script tag twice,
// with different filters. Only those filters' organisations show, locked; each frame fits
// its content; nothing is requested from anyone else; the builder writes the snippet.
import { test, expect } from '@playwright/test';

const widgetOrigin = 'http://127.0.0.1:8081';
const hostOrigin = 'http://127.0.0.1:8082';

test('two widgets with different filters on one page of another site', async ({ page }) => {
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push({ url: request.url(), frame: request.frame().url() }));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${hostOrigin}/two-widgets.html?widget=/site/card/`);

  const frames = page.locator('iframe');
  await expect(frames).toHaveCount(2);
  await expect(page.locator('script[src$="embed.js"]')).toHaveCount(2);
  const kuzbass = page.frameLocator('#kuzbass iframe');
  const novosibirsk = page.frameLocator('#novosibirsk iframe');

  // Region 42 and education only, in Russian; the fixed filters are neither offered nor
  // removable.
  await expect(kuzbass.locator('li[data-org-id]')).toHaveCount(1);
  await expect(kuzbass.locator('li[data-org-id]')).toHaveAttribute('data-org-id', '42-1');
  await expect(kuzbass.getByRole('status').filter({ hasText: /^Найден/ })).toHaveText('Найдена 1 организация');
  await expect(kuzbass.getByRole('group', { name: 'Регион' })).toHaveCount(0);
  await expect(kuzbass.getByRole('group', { name: 'Сфера' })).toHaveCount(0);
  await expect(kuzbass.getByRole('list', { name: 'Выбранные фильтры' })).toHaveCount(0);
  await expect(kuzbass.getByTestId('catalog-size')).toHaveCount(0);
  await expect(kuzbass.getByRole('button', { name: 'Версия для слабовидящих' })).toHaveCount(0);
  await expect(kuzbass.getByRole('navigation')).toHaveCount(0);
  // Region 54 in English and dark.
  await expect(novosibirsk.locator('li[data-org-id]')).toHaveAttribute('data-org-id', '54-1');
  await expect(novosibirsk.getByRole('status').filter({ hasText: /^Found/ })).toHaveText('Found 1 organisation');
  await expect(novosibirsk.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(novosibirsk.locator('html')).toHaveAttribute('lang', 'en');

  // Links leave the frame for a new tab, without an opener or a referrer.
  for (const link of await kuzbass.locator('a[href^="https://"]').all()) {
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }

  // Each frame is as tall as its content, and follows it.
  const fits = async (section, frame) => {
    const inner = await frame.locator('body').evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
    const outer = await page.locator(`${section} iframe`).evaluate((iframe) => iframe.getBoundingClientRect().height);
    return Math.abs(inner - outer) <= 1;
  };
  await expect.poll(() => fits('#kuzbass', kuzbass)).toBe(true);
  // Chromium pauses rendering, and so resize observers, in cross-origin frames that are
  // off screen: the second widget reports its height once the reader scrolls to it.
  await page.locator('#novosibirsk iframe').scrollIntoViewIfNeeded();
  await expect.poll(() => fits('#novosibirsk', novosibirsk)).toBe(true);
  await page.locator('#kuzbass iframe').scrollIntoViewIfNeeded();
  const tall = await page.locator('#kuzbass iframe').evaluate((iframe) => iframe.getBoundingClientRect().height);
  await kuzbass.getByRole('searchbox').fill('нет такой организации');
  await expect(kuzbass.getByRole('status').filter({ hasText: /^Найден/ })).toHaveText('Найдено 0 организаций');
  await expect.poll(() => fits('#kuzbass', kuzbass)).toBe(true);
  expect(await page.locator('#kuzbass iframe').evaluate((iframe) => iframe.getBoundingClientRect().height)).not.toBe(tall);

  // The loader believes only the widget: a message from the host page itself is ignored.
  const height = await page.locator('#novosibirsk iframe').evaluate((iframe) => iframe.style.height);
  await page.evaluate(() => window.postMessage({ type: 'gospubliki:height', height: 7 }, '*'));
  await page.waitForTimeout(100);
  expect(await page.locator('#novosibirsk iframe').evaluate((iframe) => iframe.style.height)).toBe(height);
  // The widget addresses its parent's origin only.
  const src = await page.locator('#kuzbass iframe').getAttribute('src');
  expect(new URL(src).searchParams.get('parent')).toBe(hostOrigin);

  const foreign = requests.filter(({ url }) => !url.startsWith(`${widgetOrigin}/`) && !url.startsWith(`${hostOrigin}/`));
  expect(foreign).toEqual([]);
  const fromFrames = requests.filter(({ frame }) => frame.startsWith(widgetOrigin));
  expect(fromFrames.length).toBeGreaterThan(0);
  expect(fromFrames.filter(({ url }) => !url.startsWith(`${widgetOrigin}/`))).toEqual([]);
  expect(errors).toEqual([]);
});

test('the builder writes the snippet for the chosen filters and shows it live', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/site/card/?view=embed');
  await expect(page.getByRole('heading', { name: 'Виджет для сайта' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Регион' }).selectOption('42');
  await page.getByRole('combobox', { name: 'Сфера' }).selectOption('education');
  await page.getByRole('radio', { name: 'Тёмное' }).check();
  await expect(page).toHaveURL(/region=42&sector=education&view=embed/);

  const script = page.locator('#snippet-script');
  await expect(script).toHaveText(
    `<script src="${baseURL}/site/card/embed.js" data-region="42" data-sector="education" data-theme="dark" async></script>`,
  );
  await expect(page.locator('#snippet-iframe')).toContainText(
    `src="${baseURL}/site/card/?region=42&amp;sector=education&amp;embed=1&amp;lock=region,sector&amp;theme=dark"`,
  );
  const preview = page.frameLocator('iframe.embed-builder__preview');
  await expect(preview.locator('li[data-org-id]')).toHaveCount(1);
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('button', { name: 'Скопировать код', exact: true }).first().click();
  await expect(page.getByText('Код скопирован')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await script.textContent());
});
