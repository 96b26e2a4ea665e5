// The directory's flows beyond search: the organisation card, "is this channel
// official?", statistics, downloads, the language switch, the low-vision mode, and what
// a search that finds nothing offers.
import { readFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { DirectoryPage, groupedRu } from './directory-page.js';

test.describe('organisation card', () => {
  test('a deep link opens the card with every fact, QR codes and the report link', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const directory = new DirectoryPage(page);
    await page.goto('/site/card/?org=42-1');
    await expect(directory.card).toHaveAttribute('data-org-id', '42-1');
    await expect(directory.cardTitle).toHaveText(/Средняя общеобразовательная школа № 12/);
    await expect(directory.cardTitle).toBeFocused();
    const facts = directory.card.locator('dl');
    for (const [term, value] of [
      ['Регион', 'Кемеровская область — Кузбасс'],
      ['Муниципальное образование', 'Беловский городской округ'],
      ['Сфера', 'Образование'],
      ['Уровень', 'Муниципальный'],
      ['ОГРН', '1024200001231'],
      ['Сайт', 'https://school12-belovo.example.ru/'],
    ]) {
      await expect(facts.locator('dt', { hasText: term }).locator('+ dd')).toHaveText(value);
    }
    await expect(directory.card).toContainText('МБОУ «СОШ № 12»');
    // One QR code per channel, drawn as SVG with a name for screen readers.
    const qr = directory.card.getByRole('img', { name: /^QR-код канала/ });
    await expect(qr).toHaveCount(3);
    await expect(qr.first()).toHaveAttribute('aria-label', 'QR-код канала ВКонтакте: school12_belovo');
    expect(await qr.first().locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h\d+/);
    await expect(directory.card.getByText('Госметка ВКонтакте', { exact: true })).toHaveCount(1);
    await expect(directory.card.getByText('Без отметки платформы', { exact: true })).toHaveCount(2);
    await expect(directory.card).toContainText('сама платформа отметила канал');
    await expect(directory.card.getByRole('link', { name: 'Сообщить об ошибке' })).toHaveAttribute(
      'href',
      'https://example.org/gospubliki/feedback',
    );

    // Printed, each QR code is 6 cm wide: big enough to scan from a notice board.
    await page.emulateMedia({ media: 'print' });
    expect(Math.round((await qr.first().boundingBox()).width)).toBe(227);
    await expect(page.getByRole('searchbox')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    await directory.card.getByRole('button', { name: 'Скопировать ссылку' }).click();
    await expect(directory.card.getByRole('status')).toHaveText('Ссылка скопирована');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  });

  test('a mail address for reports opens the mail program, not an empty tab', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/site/mail-feedback/?org=42-1');
    const report = directory.card.getByRole('link', { name: 'Сообщить об ошибке' });
    await expect(report).toHaveAttribute(
      'href',
      'mailto:info@kuzbass.example?subject=%D0%93%D0%BE%D1%81%D0%BF%D0%B0%D0%B1%D0%BB%D0%B8%D0%BA%D0%B8',
    );
    await expect(report).not.toHaveAttribute('target', /./);
    // The checker's advice links the same address.
    await page.goto('/site/mail-feedback/?check=https://vk.com/nobody_here');
    await expect(page.getByRole('link', { name: /Сообщить нам об официальном канале/ })).toHaveAttribute(
      'href',
      /^mailto:info@kuzbass\.example\?subject=/,
    );
  });

  test('opens from the results, moves focus, and gives it back on closing', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.searchBox.fill('губернатор');
    const link = directory.organization('42-00001').getByRole('link', { name: /Губернатор/ });
    await link.click();
    await expect(page).toHaveURL(/org=42-00001/);
    expect(directory.params().get('q')).toBe('губернатор');
    await expect(directory.cardTitle).toBeFocused();
    await expect(directory.organizations).toHaveCount(0);
    // No card without a catalog demo link to report to.
    await expect(page.getByRole('link', { name: 'Сообщить об ошибке' })).toHaveCount(0);

    await page.keyboard.press('Escape');
    await expect(page).not.toHaveURL(/org=/);
    await expect(link).toBeFocused();

    await link.press('Enter');
    await expect(directory.card).toBeVisible();
    await directory.backToResults.click();
    await expect(link).toBeFocused();
    // Back returns to the card, Forward to the list.
    await page.goBack();
    await expect(directory.cardTitle).toBeFocused();
    await page.goBack();
    await expect(directory.card).toHaveCount(0);
    await expect(directory.organization('42-00001')).toBeVisible();
  });

  test('a card\'s link keeps the search, the filters and the language, for a new tab', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?q=%D0%B3%D1%83%D0%B1%D0%B5%D1%80%D0%BD%D0%B0%D1%82%D0%BE%D1%80&region=42&lang=en');
    const link = directory.organization('42-00001').getByRole('link', { name: /Губернатор/ });
    const href = new URL(await link.getAttribute('href'), page.url()).searchParams;
    expect(Object.fromEntries(href)).toEqual({ q: 'губернатор', region: '42', org: '42-00001', lang: 'en' });
    // The same from the checker, whose checked link stays behind.
    await page.goto('/?check=' + encodeURIComponent('https://vk.com/gubernator_kuzbass') + '&lang=en');
    const verdictLink = directory.verdict.getByRole('link', { name: /^Губернатор Кемеровской области/ });
    const fromCheck = new URL(await verdictLink.getAttribute('href'), page.url()).searchParams;
    expect(Object.fromEntries(fromCheck)).toEqual({ org: '42-00001', lang: 'en' });
  });

  test('an unknown id shows the list instead', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?org=99-nobody');
    await directory.loaded();
    await expect(directory.card).toHaveCount(0);
    await expect(directory.organizations.first()).toBeVisible();
  });
});

test.describe('is this channel official?', () => {
  const official = [
    'https://vk.com/gubernator_kuzbass',
    'http://vk.com/gubernator_kuzbass',
    'vk.com/gubernator_kuzbass',
    'www.vk.com/gubernator_kuzbass',
    'https://m.vk.com/gubernator_kuzbass/',
    'https://vk.ru/gubernator_kuzbass',
    'https://VK.com/Gubernator_Kuzbass?w=wall-1_100#comments',
    'https://t.me/gubernator_kuzbass',
    'https://t.me/s/gubernator_kuzbass',
    'https://max.ru/gubernator_kuzbass_gos',
    '@gubernator_kuzbass_gos',
    ' gubernator_kuzbass_gos ',
  ];
  test('every common form of an official link is found', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?view=check');
    for (const link of official) {
      expect(await directory.check(link), link).toBe('official');
      await expect(directory.verdict).toContainText('Это официальный канал');
      await expect(directory.verdict.locator('li[data-org-id="42-00001"]').first()).toBeVisible();
    }
  });

  const rejected = [
    ['https://vk.com.example.ru/gubernator_kuzbass', 'not-found', 'сайт vk.com.example.ru'],
    // A browser opens evil.ru for both: `\` ends the host, and what stands before `@` is a
    // user name.
    ['https://evil.ru\\@vk.com/gubernator_kuzbass', 'not-found', 'сайт evil.ru'],
    ['https://vk.com@evil.ru/gubernator_kuzbass', 'suspicious', 'сайт evil.ru', 'user-name'],
    ['https://evil.ru@vk.com/gubernator_kuzbass', 'lookalike', 'имя пользователя', 'user-name'],
    ['https://v\u212A.com/gubernator_kuzbass', 'lookalike', 'знак кельвина', 'compatibility-characters'],
    ['https://xn--v-ttb.com/gubernator_kuzbass', 'lookalike', 'называется похоже', 'imitated-site'],
    ['https://vk.com/\u202Essabzuk_rotanrebug', 'lookalike', 'направления текста', 'direction-controls'],
    ['https://vk.com/gubernator_kuzbass\uFE0F', 'lookalike', 'невидимые символы', 'invisible-characters'],
    ['https://vk.com/школа_номер_пять', 'suspicious', 'другого алфавита', 'confusable-letters'],
    ['https://vk.com/gubernator_kuzbass_fake_2024', 'not-found', 'нет официального канала'],
    ['https://t.me/gubernator_kuzbass_gos', 'not-found', 'нет официального канала'],
    ['javascript:alert(1)', 'not-found', 'не похоже на ссылку'],
    ['https://vk.com/gubernаtor_kuzbass', 'lookalike', 'букв'], // Cyrillic «а»
    ['https://vk.com/gubernator_kuzba\u200Bss', 'lookalike', 'невидимые символы'],
    ['https://vk.com/gubernat0r_kuzbass', 'lookalike', 'цифра «0»'],
    ['https://vk.com/gubernator_kuzbas', 'lookalike', 'одним символом'],
    ['https://vк.com/gubernator_kuzbass', 'lookalike', 'называется похоже'], // Cyrillic «к»
  ];
  test('lookalikes, tricks and other sites do not pass, and lookalikes are named', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?view=check');
    for (const [link, verdict, reason, sign] of rejected) {
      expect(await directory.check(link), link).toBe(verdict);
      await expect(directory.verdict).toContainText(reason);
      if (sign) await expect(directory.verdict.locator(`li[data-sign="${sign}"]`)).toBeVisible();
      await expect(directory.verdict).not.toContainText('Это официальный канал');
      await expect(directory.verdict).toContainText('Что делать');
      if (verdict === 'lookalike') {
        await expect(directory.verdict.getByRole('alert')).toContainText('возможно, это подделка');
        // The real channel is shown, so the citizen can go there instead.
        await expect(directory.verdict.locator('li[data-org-id="42-00001"]')).toBeVisible();
      }
      if (verdict === 'suspicious') {
        await expect(directory.verdict.getByRole('alert')).toContainText('так выглядят поддельные ссылки');
      }
    }
  });

  test('a verdict is a shareable link, and its organisation opens as a card', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?check=' + encodeURIComponent('https://vk.com/gubernator_kuzbass'));
    await expect(directory.verdict).toHaveAttribute('data-verdict', 'official');
    await expect(directory.checkInput).toHaveValue('https://vk.com/gubernator_kuzbass');
    await expect(directory.section('Проверить канал')).toHaveAttribute('aria-current', 'page');
    await directory.verdict.getByRole('link', { name: /^Губернатор Кемеровской области/ }).click();
    await expect(directory.card).toHaveAttribute('data-org-id', '42-00001');
    expect(directory.params().get('check')).toBeNull();
  });
});

test.describe('statistics', () => {
  test('count the current selection, as charts and tables', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?sector=health');
    const count = await directory.count();
    await directory.section('Статистика').click();
    await expect(page).toHaveURL(/sector=health&view=stats/);
    await expect(page.getByRole('heading', { name: 'Статистика по выбранным организациям' })).toBeVisible();
    await expect(page.locator('.stats__totals')).toContainText(`${groupedRu(count)} организац`);
    // Four charts, each an SVG hidden from screen readers with a table that is not.
    await expect(page.locator('figure.chart')).toHaveCount(4);
    await expect(page.locator('figure.chart svg[aria-hidden="true"] rect')).not.toHaveCount(0);
    const sectors = page.getByRole('table', { name: 'Организации по сферам' });
    await expect(sectors.getByRole('row')).toHaveCount(2);
    await expect(sectors.getByRole('row', { name: /Здравоохранение/ })).toContainText(groupedRu(count));
    const regions = page.getByRole('table', { name: 'Регионы с наибольшим числом организаций' });
    await expect(regions.getByRole('row', { name: /Кузбасс/ })).toContainText(groupedRu(count));

    // The filters still apply: adding one changes the statistics.
    await directory.filter('Платформа', 'MAX').check();
    const max = await directory.count();
    expect(max).toBeLessThan(count);
    await expect(page.locator('.stats__totals')).toContainText(`${groupedRu(max)} организац`);
    await expect(page.getByRole('table', { name: 'Каналы по платформам' }).getByRole('row', { name: /^MAX/ })).toBeVisible();
  });
});

test.describe('open data', () => {
  test('CSV and JSON downloads hold exactly the selection', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?q=больница&platform=max');
    const count = await directory.count();
    expect(count).toBeGreaterThan(0);
    const shown = await directory.ids();

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), directory.downloadCsv.click()]);
    expect(csvDownload.suggestedFilename()).toBe('gospubliki-2026-11-20.csv');
    const csv = await readFile(await csvDownload.path(), 'utf8');
    expect(csv.startsWith('\uFEFFid;Название;')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n').map((row) => row.split(';'));
    const ids = [...new Set(rows.slice(1).map((row) => row[0]))];
    expect(ids.length).toBe(count);
    expect(ids.slice(0, shown.length)).toEqual(shown);
    expect(rows.slice(1).every((row) => row.length === rows[0].length)).toBe(true);

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), directory.downloadJson.click()]);
    expect(jsonDownload.suggestedFilename()).toBe('gospubliki-2026-11-20.json');
    const json = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
    expect(json.format).toBe('gospubliki-catalog');
    expect(json.organizations.map((org) => org.id)).toEqual(ids);
    for (const org of json.organizations) {
      expect(org.channels.some((channel) => channel.platform === 'max')).toBe(true);
    }
  });
});

test.describe('languages', () => {
  test('English on a switch, remembered, with English plurals and numbers', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?q=губернатор');
    await expect(directory.resultCount).toHaveText('Найдена 1 организация');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/q=.*&lang=en/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('status').filter({ hasText: /^Found/ })).toHaveText('Found 1 organisation');
    await expect(page.getByRole('searchbox', { name: 'Find an organisation or channel' })).toHaveValue('губернатор');
    await expect(page.getByTestId('catalog-size')).toHaveText('The catalog lists 2,906 organisations and 4,378 channels');
    await expect(page.getByText('Data as of 20 November 2026')).toBeVisible();

    // Remembered: the bare address opens in English.
    await page.goto('/?q=школа');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('status').filter({ hasText: /^Found/ })).toHaveText(/^Found \d{1,3}(,\d{3})* organisations$/);
    await page.getByRole('link', { name: 'Русский' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(directory.resultCount).toHaveText(/^Найден[оа] [\d\u00a0]+ организац/);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  });

  test('Russian plural forms in every count', async ({ page }) => {
    const directory = new DirectoryPage(page);
    for (const [query, sentence] of [
      ['губернатор', /^Найдена 1 организация$/],
      // Results lacking one word may follow, counted after the comma.
      ['ЕДДС Белово', /^Найдено [234] организации(, ещё \d+ без одного слова)?$/],
      ['zzzzqqqq', /^Найдено 0 организаций$/],
    ]) {
      await page.goto('/?q=' + encodeURIComponent(query));
      await expect(directory.resultCount).toHaveText(sentence);
    }
  });
});

test.describe('low-vision mode', () => {
  test('larger text, high contrast and no images, remembered', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?q=губернатор');
    await directory.lowVision.click();
    await expect(directory.lowVision).toHaveAttribute('aria-expanded', 'true');
    const settings = page.getByRole('group', { name: 'Версия для слабовидящих' });
    for (const [size, pixels] of [['Крупный', '20px'], ['Очень крупный', '24px'], ['Самый крупный', '32px']]) {
      await settings.getByRole('radio', { name: size, exact: true }).check();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(pixels);
    }
    await settings.getByRole('radio', { name: 'Белым по чёрному' }).check();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(255, 255, 255)');
    const icon = directory.organizations.first().locator('.platform-icon').first();
    await expect(icon).toBeVisible();
    await settings.getByRole('radio', { name: 'Не показывать' }).check();
    await expect(icon).toBeHidden();

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-text', 'largest');
    await expect(page.locator('html')).toHaveAttribute('data-scheme', 'white-on-black');
    await expect(directory.organizations.first().locator('.platform-icon').first()).toBeHidden();
    await directory.lowVision.click();
    await page.getByRole('button', { name: 'Обычная версия' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-text', 'normal');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
  });
});

test.describe('results', () => {
  test('matched words are marked in the names', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?q=' + encodeURIComponent('школы 12'));
    const marks = directory.organizations.first().locator('h3 mark');
    await expect(marks.first()).toBeVisible();
    const marked = (await marks.allTextContents()).map((text) => text.toLowerCase());
    expect(marked).toContain('12');
    expect(marked.some((text) => text.startsWith('школ'))).toBe(true);
  });

  test('the page holds at most about 1,500 result elements however far the reader goes', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await directory.open();
    await directory.loaded();
    for (let step = 0; step < 8; step += 1) {
      await directory.showMore.click();
    }
    await expect(page.getByText('Показаны 131–180 из 2\u00a0906')).toBeVisible();
    const elements = await page.locator('section.results *').count();
    expect(elements).toBeLessThanOrEqual(1500);
    await expect(directory.organizations).toHaveCount(50);
    const previous = page.getByRole('button', { name: 'Показать предыдущие 20' });
    await previous.click();
    await expect(page.getByText('Показаны 111–160 из 2\u00a0906')).toBeVisible();
  });

  test('a search that finds nothing offers a respelling and filters to drop', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/?q=' + encodeURIComponent('поликлинниика') + '&sector=education');
    await expect(directory.resultCount).toHaveText('Найдено 0 организаций');
    await expect(page.getByText('Ничего не найдено')).toBeVisible();
    const drop = page.getByRole('button', { name: /^Убрать «Образование» — найд/ });
    await expect(drop).toBeVisible();
    await drop.click();
    await expect(page).not.toHaveURL(/sector=/);
    expect(await directory.count()).toBeGreaterThan(0);

    await page.goto('/?q=' + encodeURIComponent('поликлинниикка'));
    await expect(directory.resultCount).toHaveText('Найдено 0 организаций');
    await page.getByRole('button', { name: 'искать «поликлиника»' }).click();
    expect(directory.params().get('q')).toBe('поликлиника');
    expect(await directory.count()).toBeGreaterThan(0);
  });

  test('regions are grouped by federal district, with a search field of their own', async ({ page }) => {
    const directory = new DirectoryPage(page);
    await page.goto('/site/card/');
    await directory.loaded();
    const siberia = page.getByRole('group', { name: 'Сибирский федеральный округ' });
    await expect(siberia.getByRole('checkbox')).toHaveCount(2);
    const field = page.getByRole('textbox', { name: 'Найти регион' });
    await field.fill('ново');
    await expect(siberia.getByRole('checkbox')).toHaveCount(1);
    await expect(siberia.getByRole('checkbox', { name: /^Новосибирская область/ })).toBeVisible();
    await field.fill('нет такого');
    await expect(page.getByText('Такого региона нет')).toBeVisible();
  });

  test('on a phone the first screen holds the search box and the first result, and the demo notice', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const directory = new DirectoryPage(page);
    await page.goto('/');
    await directory.loaded();
    await expect(directory.demoBanner).toBeInViewport();
    await expect(directory.demoBanner).toContainText('Адреса каналов выдуманы');
    await expect(directory.searchBox).toBeInViewport({ ratio: 1 });
    await expect(directory.organizations.first().getByRole('link').first()).toBeInViewport({ ratio: 1 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  test('on a phone the filters fold into «Фильтры (N)»', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    const directory = new DirectoryPage(page);
    await page.goto('/?region=42&sector=health');
    await directory.loaded();
    const summary = page.locator('summary', { hasText: 'Фильтры' });
    await expect(summary).toHaveText('Фильтры (2)');
    await expect(page.getByRole('group', { name: 'Сфера' })).toBeHidden();
    await summary.click();
    await expect(page.getByRole('group', { name: 'Сфера' })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
