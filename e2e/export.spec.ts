// "Send me the clippings": a collection exported as a DOCX and a PDF digest and as CSV, read back.
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { expect, test } from './fixtures';

const collection = 'Государственный визит Президента Сербии, февраль 2026';

test('exports a collection as a DOCX and PDF digest and a CSV table, Kazakh letters intact', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  // Clip two items into the collection.
  for (const title of ['Токаев и Вучич провели брифинг для СМИ', 'Астанада жаңа балалар кітапханасы ашылды']) {
    await page.getByTestId('item-row').filter({ hasText: title }).first().click();
    await page.getByRole('button', { name: '✂ В вырезки' }).click();
    const dialog = page.getByRole('dialog', { name: /Вырезка/ });
    await dialog.getByLabel('Заметка').fill('Для сводки');
    const existing = dialog.getByLabel('Подборка', { exact: true });
    if ((await existing.locator('option', { hasText: collection }).count()) > 0) await existing.selectOption({ label: collection });
    else await dialog.getByLabel('Новая подборка').fill(collection);
    await dialog.getByRole('button', { name: 'Сохранить вырезку' }).click();
  }
  await page.getByRole('button', { name: collection }).click();
  await expect(page.getByTestId('item-count')).toHaveText('2 материала');

  const exportAs = async (format: string) => {
    await page.getByRole('button', { name: '⤓ Экспорт' }).click();
    const dialog = page.getByRole('dialog', { name: 'Экспорт: 2 материала' });
    await expect(dialog.getByLabel('Заголовок сводки')).toHaveValue(collection);
    await dialog.getByLabel('Формат').selectOption(format);
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Экспортировать' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${collection}.${format}`);
    return readFile(await download.path());
  };

  const docx = await exportAs('docx');
  const { value: docxText } = await mammoth.extractRawText({ buffer: docx });
  expect(docxText).toContain(collection);
  expect(docxText).toContain('Токаев и Вучич провели брифинг для СМИ после переговоров');
  expect(docxText).toContain('Астанада жаңа балалар кітапханасы ашылды');
  expect(docxText).toContain('Для сводки');

  const pdf = await exportAs('pdf');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  let pdfText = '';
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pdfText += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  expect(pdfText.replace(/\s+/g, '')).toContain('Астанадажаңабалаларкітапханасыашылды');

  const csv = (await exportAs('csv')).toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Астанада жаңа балалар кітапханасы ашылды');
  await expect(page.getByTestId('notice').filter({ hasText: 'Экспортировано 2 материала' }).first()).toBeVisible();
});

test('a PDF being laid out can be stopped: no file comes, and the dialog stays for another try', async ({ app }) => {
  const { page } = app;
  // The layout runs in a worker; hold its script back so that Stop surely comes first.
  await page.route('**/pdfWorker-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');
  await page.getByRole('button', { name: '⤓ Экспорт' }).click();
  const dialog = page.getByRole('dialog', { name: 'Экспорт: 21 материал' });
  await dialog.getByLabel('Формат').selectOption('pdf');
  await dialog.getByRole('button', { name: 'Экспортировать' }).click();
  await expect(dialog.getByRole('status')).toContainText('Готово');
  await dialog.getByRole('button', { name: 'Остановить' }).click();
  await expect(page.getByText('Экспорт остановлен')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Экспортировать' })).toBeEnabled();
  await page.waitForTimeout(2_500);
  expect(downloads).toEqual([]);
});
