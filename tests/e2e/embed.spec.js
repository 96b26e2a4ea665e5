// The widget in another site: a host page on a second origin pastes the script tag twice,
// with different filters. Only those filters' organisations show, locked; each frame fits
// its content; nothing is requested from anyone else; the builder writes the snippet.
// The widget is its own page, widget.html: the directory itself refuses every other
// site's frame whatever its query says, and an old `?embed=1` link goes to widget.html.
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

const port = Number(process.env.E2E_PORT || 8081);
const widgetOrigin = `http://127.0.0.1:${port}`;
const hostOrigin = `http://127.0.0.1:${port + 1}`;

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
  // Its credit leads to the full directory beside it, with the same selection.
  const credit = kuzbass.getByRole('link', { name: /^Госпаблики — полный каталог/ });
  await expect(credit).toHaveAttribute('href', './?region=42&sector=education');
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
  // The widget is its own page and addresses its parent's origin only.
  const src = new URL(await page.locator('#kuzbass iframe').getAttribute('src'));
  expect(src.pathname).toBe('/site/card/widget.html');
  expect(src.searchParams.get('parent')).toBe(hostOrigin);
  expect(src.searchParams.has('embed')).toBe(false);

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
    `src="${baseURL}/site/card/widget.html?region=42&amp;sector=education&amp;lock=region,sector&amp;theme=dark"`,
  );
  const preview = page.frameLocator('iframe.embed-builder__preview');
  await expect(page.locator('iframe.embed-builder__preview')).toHaveAttribute(
    'src',
    `${baseURL}/site/card/widget.html?region=42&sector=education&lock=region,sector&theme=dark`,
  );
  await expect(preview.locator('li[data-org-id]')).toHaveCount(1);
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('button', { name: 'Скопировать код', exact: true }).first().click();
  await expect(page.getByText('Код скопирован')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await script.textContent());
});

test('the builder opened as index.html points at the files beside it', async ({ page, baseURL }) => {
  await page.goto('/site/card/index.html?view=embed&region=54');
  await expect(page.locator('#snippet-script')).toHaveText(
    `<script src="${baseURL}/site/card/embed.js" data-region="54" async></script>`,
  );
  const preview = page.frameLocator('iframe.embed-builder__preview');
  await expect(preview.locator('li[data-org-id]')).toHaveAttribute('data-org-id', '54-1');
});

// The addresses an attacker would frame to show the directory, with its checker, inside
// another site: every spelling of the old widget parameter the server and the app read
// differently.
const framedDirectory = [
  '/?embed=1',
  '/?EMBED=1&check=vk.com%2Fgubernator_kuzbass',
  '/?embed=1&embed=0&check=vk.com%2Fgubernator_kuzbass',
  '/?embed=0&embed=1',
  '/?Embed=1&region=42',
  '/site/card/?embed=1&region=42&lock=region',
  '/site/card/index.html?eMbEd=1',
  '/?check=vk.com%2Fgubernator_kuzbass',
];

test('another site cannot frame the directory under any query; it can frame the widget', async ({ page }) => {
  const refusals = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('frame-ancestors')) refusals.push(message.text());
  });
  await page.goto(`${hostOrigin}/blank.html`);
  const addresses = [...framedDirectory, '/site/card/widget.html?region=42&lock=region'];
  await page.evaluate(({ origin, addresses }) => {
    addresses.forEach((address, i) => {
      const frame = document.createElement('iframe');
      frame.id = `frame-${i}`;
      frame.title = address;
      frame.src = origin + address;
      document.body.append(frame);
    });
  }, { origin: widgetOrigin, addresses });

  // The widget, framed by the same page at the same time, renders and works.
  const widget = page.frameLocator(`#frame-${framedDirectory.length}`);
  await expect(widget.locator('li[data-org-id]')).toHaveCount(1);
  await expect(widget.locator('li[data-org-id]')).toHaveAttribute('data-org-id', '42-1');
  await widget.getByRole('searchbox').fill('нет такой организации');
  await expect(widget.getByRole('status').filter({ hasText: /^Найден/ })).toHaveText('Найдено 0 организаций');
  await expect(widget.getByRole('navigation')).toHaveCount(0);

  // The directory never loads in another site's frame: the browser shows its error page
  // instead, so neither the app nor a redirect in it ever runs.
  for (const [i, address] of framedDirectory.entries()) {
    const frame = await (await page.locator(`#frame-${i}`).elementHandle()).contentFrame();
    await expect.poll(() => frame.url(), address).toBe('chrome-error://chromewebdata/');
    await expect(frame.locator('li[data-org-id]'), address).toHaveCount(0);
    await expect(frame.getByRole('searchbox'), address).toHaveCount(0);
    await expect(frame.locator('[data-verdict]'), address).toHaveCount(0);
  }
  await expect.poll(() => refusals.length).toBe(framedDirectory.length);
});

test('an old ?embed=1 link ends at widget.html with its filters; the directory never renders as the widget', async ({ page, baseURL }) => {
  const directory = new DirectoryPage(page);
  const documents = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith('http')) documents.push(frame.url());
  });

  await page.goto('/site/card/?embed=1&region=42&sector=education&lock=region,sector&theme=dark#x');
  await expect(page).toHaveURL(`${baseURL}/site/card/widget.html?region=42&sector=education&lock=region,sector&theme=dark#x`);
  await expect(directory.organizations).toHaveCount(1);
  await expect(directory.organizations).toHaveAttribute('data-org-id', '42-1');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-entry', 'widget');
  await expect(page.getByRole('group', { name: 'Регион' })).toHaveCount(0);
  await expect(directory.sections).toHaveCount(0);
  // The redirect replaced the old address: Back leaves, it does not bounce again.
  await page.goBack();
  expect(page.url()).toBe('about:blank');

  // Any spelling, at the root: the checker's address is left behind for the widget, which
  // shows the selection only.
  await page.goto('/?EMBED=1&embed=0&check=vk.com%2Fgubernator_kuzbass&region=42');
  await expect(page).toHaveURL(`${baseURL}/widget.html?check=vk.com%2Fgubernator_kuzbass&region=42`);
  await expect(directory.resultCount).toHaveText(/^Найден/);
  await expect(directory.verdict).toHaveCount(0);
  await expect(directory.checkInput).toHaveCount(0);
  await expect(directory.sections).toHaveCount(0);

  // Not an old widget link: the directory stays where it is, whole.
  await page.goto('/site/card/?embed=0&region=42');
  await expect(directory.sections).toBeVisible();
  await expect(page).toHaveURL(`${baseURL}/site/card/?embed=0&region=42`);
  // Nothing ever rendered the directory as the widget: each old link's first document
  // was the directory's page, and the next one widget.html.
  expect(documents.map((url) => new URL(url).pathname)).toEqual([
    '/site/card/',
    '/site/card/widget.html',
    '/',
    '/widget.html',
    '/site/card/',
  ]);
});
