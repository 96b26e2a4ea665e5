// Evidence of officialness in plain words: the platform's mark by its name there, the
// day the publisher checked the channel, and whether the organisation's website links
// to it — on the card and in the checker's verdict. The demo's regional bodies carry it
// (invented, as the demo's handles are).
import { test, expect } from '@playwright/test';
import { DirectoryPage } from './directory-page.js';

const governor = [
  ['ВКонтакте', 'Госметка ВКонтакте · проверено 20 ноября 2026 · ссылка есть на сайте организации'],
  ['MAX', 'Отметка MAX для госорганизаций · проверено 20 ноября 2026 · ссылка есть на сайте организации'],
  ['Telegram', 'Отметка о проверке Telegram · проверено 20 ноября 2026'],
  ['Одноклассники', 'Госметка Одноклассников · проверено 20 ноября 2026'],
];

test('the card says, per channel, what makes it official', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await page.goto('/?org=42-00001');
  await expect(directory.cardTitle).toHaveText('Губернатор Кемеровской области — Кузбасса');
  for (const [platform, evidence] of governor) {
    const channel = directory.card
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: new RegExp(`^${platform}:`) }) });
    await expect(channel.getByText(evidence, { exact: true }), platform).toBeVisible();
  }
  // A channel without the platform's mark or a check says so, and nothing more: the
  // legislature's VK page, beside its marked and checked MAX channel.
  await page.goto('/?org=42-00003');
  const channel = (platform) =>
    directory.card
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: new RegExp(`^${platform}:`) }) });
  await expect(channel('ВКонтакте').locator('p')).toHaveText('Без отметки платформы');
  await expect(channel('MAX').locator('p')).toHaveText('Отметка MAX для госорганизаций · проверено 20 ноября 2026');
});

test('the evidence in English', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await page.goto('/?org=42-00001&lang=en');
  await expect(
    directory.card.getByText('VK government mark · checked 20 November 2026 · linked from the organisation\'s website', {
      exact: true,
    }),
  ).toBeVisible();
  await expect(directory.card.getByText('MAX mark for state organisations · checked 20 November 2026', { exact: false })).toBeVisible();
});

test('the checker names the evidence of the official channel it found', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await page.goto('/?view=check');
  expect(await directory.check('https://vk.com/gubernator_kuzbass')).toBe('official');
  const found = directory.verdict.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Губернатор/ }) });
  await expect(found.getByText(governor[0][1], { exact: true })).toBeVisible();
  // A lookalike shows the real channel with its evidence, so the reader sees what the fake lacks.
  expect(await directory.check('https://vk.com/gubernator_kuzbas')).toBe('lookalike');
  await expect(directory.verdict.getByText(governor[0][1], { exact: true })).toBeVisible();
});

test('a publisher\'s evidence without the platform\'s mark', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await page.goto('/site/news/?view=check');
  expect(await directory.check('https://t.me/school12_belovo')).toBe('official');
  await expect(
    directory.verdict.getByText('Без отметки платформы · ссылка есть на сайте организации', { exact: true }),
  ).toBeVisible();
  await page.goto('/site/news/?org=42-1');
  await expect(
    directory.card.getByText('Госметка ВКонтакте · проверено 1 декабря 2026 · ссылка есть на сайте организации', {
      exact: true,
    }),
  ).toBeVisible();
});
