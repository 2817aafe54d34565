import { expect, test } from './fixtures';

const briefingTitle = 'Токаев и Вучич провели брифинг для СМИ после переговоров';

test('lists the sample outlets\u2019 items and reads the reference article', async ({ app }) => {
  const { page } = app;
  const rows = page.getByTestId('item-row');
  await expect(rows.filter({ hasText: 'Tokayev and Vučić brief the media after talks' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Вучић у званичној посети Казахстану' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Астанада жаңа балалар кітапханасы ашылды' })).toHaveCount(1);

  await page.getByRole('button', { name: /^Zakon\.kz\s*\d+$/ }).click();
  const zakonRows = page.getByTestId('item-row');
  await expect(zakonRows).toHaveCount(5);
  await zakonRows.filter({ hasText: briefingTitle }).click();

  const reader = page.getByTestId('reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(briefingTitle);
  await expect(reader).toContainText('Zakon.kz · Автор: Zakon.kz · 26 февр. 2026 г.');
  // The reference article's Kazakh proverb survives fetch, storage and display letter for letter.
  await expect(page.getByTestId('reader-body')).toContainText('Жұмыла көтерген жүк жеңіл');
  await expect(page.getByTestId('reader-body')).toContainText('орден "Алтын Қыран"');
  await expect(reader.getByRole('link', { name: 'Открыть оригинал' })).toHaveAttribute('href', /^https:\/\/www\.zakon\.kz\/9990001-/);
});

test('a feed in windows-1251 reads as Cyrillic, not as question marks', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: /^Zakon\.kz \(windows-1251\)\s*\d+$/ }).click();
  await expect(page.getByTestId('item-row').filter({ hasText: briefingTitle })).toHaveCount(1);
  await expect(page.getByTestId('item-row').first()).not.toContainText('\uFFFD');
});

test('every item is still there after a reload with the network gone', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');
  await app.stopFeeds();
  await page.reload();
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');
  await page.getByTestId('item-row').filter({ hasText: briefingTitle }).first().click();
  await expect(page.getByTestId('reader-body')).toContainText('Жұмыла көтерген жүк жеңіл');

  // Asking for fresh news now fails in words, and nothing stored is lost.
  await page.getByRole('button', { name: 'Обновить: Zakon.kz', exact: true }).click();
  await expect(page.getByTestId('source-row').filter({ hasText: /^Zakon\.kz\d/ })).toContainText(/Ошибка: Cannot reach 127\.0\.0\.1/);
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');
});

test('adds a source by its address and lists its items', async ({ app }) => {
  const { page } = app;
  const address = page.getByLabel('Адрес ленты или сайта');
  await address.fill(`${app.feedsBaseUrl}/html/bot-challenge.html`);
  await page.getByRole('button', { name: 'Добавить' }).click();
  await expect(page.getByRole('alert')).toContainText('Not a feed');

  await address.fill(`${app.feedsBaseUrl}/poll-sequence/t1.xml`);
  await page.getByRole('button', { name: 'Добавить' }).click();
  await expect(page.getByRole('status')).toContainText('Добавлен источник');
  await expect(page.getByTestId('source-row')).toHaveCount(8);
  await expect(page.getByTestId('item-count')).toHaveText('23 материала');
});
