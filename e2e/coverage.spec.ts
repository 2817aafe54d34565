// Coverage of the Vučić visit: bars per outlet that agree with the list, a chart saved as SVG,
// and a digest that carries the charts.
import { readFile, writeFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import sax from 'sax';
import { readZip } from '../src-main/export/unzip';
import { expect, test } from './fixtures';
import { readPng } from './png';

test('counts the search «Вучич» per outlet as the list does, and saves the chart as SVG and PNG', async ({ app }) => {
  const { page } = app;
  await page.locator('#search-input').fill('Вучич');
  await expect(page.getByTestId('item-count')).toHaveText('6 материалов');

  await page.getByRole('button', { name: '▥ Охват' }).click();
  const view = page.getByRole('dialog', { name: 'Охват публикаций' });
  await expect(view.getByLabel('Что анализировать')).toHaveValue('search');
  const summary = view.getByTestId('coverage-summary');
  await expect(summary).toContainText('6 материалов');

  // The outlet chart writes "count · share" beside each outlet's bar.
  const outletCount = Number((await summary.textContent())!.match(/изданий: (\d+)/)![1]);
  expect(outletCount).toBeGreaterThan(1);
  const outlets = view.getByTestId('coverage-chart-outlets');
  await expect(outlets.locator('.recharts-label-list text')).toHaveCount(outletCount);
  const names = await outlets.locator('.recharts-cartesian-axis-tick-value').allTextContents();
  const labels = await outlets.locator('.recharts-label-list text').allTextContents();
  expect(names).toHaveLength(outletCount);
  expect(labels).toHaveLength(names.length);
  const counted = new Map(names.map((name, i) => [name, Number(labels[i]!.split(' · ')[0])]));
  expect([...counted.values()].reduce((a, b) => a + b, 0)).toBe(6);
  const percents = labels.map((label) => Number(label.split(' · ')[1]!.replace('%', '')));
  expect(percents.reduce((a, b) => a + b, 0)).toBe(100);

  // The stacked bars: one coloured segment per outlet and day, its count written on it.
  const volume = view.getByTestId('coverage-chart-volume');
  await expect(volume.locator('.recharts-bar-rectangle')).not.toHaveCount(0);
  await expect(volume.locator('.coverage-legend li')).toHaveText(names);

  // Saved as SVG: a standalone file with the title, each outlet in the legend and the numbers.
  const downloading = page.waitForEvent('download');
  await volume.getByRole('button', { name: 'Сохранить «Материалы по дням и изданиям» в SVG' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^coverage-volume-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.svg$/);
  const svg = (await readFile(await download.path())).toString('utf8');
  expect(svg).toMatch(/^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('Материалы по дням и изданиям');
  for (const name of names) expect(svg).toContain(`>${name}</text>`);
  expect(svg).not.toContain('<script');
  // Well-formed XML, as image viewers and the HTML digest's <img> demand.
  const parser = sax.parser(true);
  let elements = 0;
  parser.onopentag = () => void elements++;
  parser.write(svg).close();
  expect(elements).toBeGreaterThan(50);

  const png = page.waitForEvent('download');
  await outlets.getByRole('button', { name: 'Сохранить «Доля изданий» в PNG' }).click();
  const pixels = readPng(await readFile(await (await png).path()));
  // Drawn at twice the size, on white, the first outlet's bar in the first colour.
  expect(pixels.width).toBe(2 * 610);
  expect(pixels.count('#ffffff')).toBeGreaterThan((pixels.width * pixels.height) / 2);
  expect(pixels.count('#1f4e79')).toBeGreaterThan(2000);

  // Each outlet's count is what the list shows for the same search and that outlet.
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  for (const [name, count] of counted) {
    await page.getByTestId('source-row').filter({ has: page.locator('.source-name').getByText(name, { exact: true }) }).locator('.source-button').click();
    await expect(page.getByTestId('item-count')).toHaveText(new RegExp(`^${count} материал`));
  }
});

test('covers a tag with the tone of its clippings, in Kazakh too, and puts the charts into the DOCX and PDF digest', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = app;
  const rows = page.getByTestId('item-row');
  for (const title of ['Вучић у званичној посети Казахстану', 'Vučić u zvaničnoj poseti Kazahstanu', 'Tokayev and Vučić brief the media']) {
    await rows.filter({ hasText: title }).getByRole('checkbox').check();
  }
  await page.locator('#bulk-tag-input').fill('Визит Вучича');
  await page.getByRole('region', { name: 'Выбрано: 3' }).getByRole('button', { name: 'Поставить' }).click();
  await page.getByRole('button', { name: 'Снять выделение' }).click();
  await rows.filter({ hasText: 'Tokayev and Vučić brief the media' }).click();
  await page.getByRole('button', { name: '✂ В вырезки' }).click();
  const clip = page.getByRole('dialog', { name: /Вырезка/ });
  await clip.getByLabel('Позитивная').check();
  await clip.getByRole('button', { name: 'Сохранить вырезку' }).click();
  await page.getByRole('button', { name: 'Показать материалы с меткой «Визит Вучича»' }).click();
  await expect(page.getByTestId('item-count')).toHaveText('3 материала');

  await page.getByRole('button', { name: '▥ Охват' }).click();
  const view = page.getByRole('dialog', { name: 'Охват публикаций' });
  await expect(view.getByLabel('Что анализировать')).toHaveValue(/^tag:/);
  await expect(view.getByTestId('coverage-summary')).toContainText('3 материала, изданий: 3');
  const tone = view.getByTestId('coverage-chart-tone');
  await expect(tone.locator('.recharts-label-list text')).toHaveText(['1 · 100%', '0 · 0%', '0 · 0%']);
  await expect(tone.locator('.recharts-cartesian-axis-tick-value')).toHaveText(['Позитивная', 'Нейтральная', 'Негативная']);
  // N1's Latin and RTS's Cyrillic report of the visit are one story: two stories, the larger first.
  await expect(view.getByTestId('coverage-stories').locator('li')).toHaveCount(2);
  await expect(view.getByTestId('coverage-stories').locator('li').first()).toContainText('2 материала');
  await page.screenshot({ path: testInfo.outputPath('coverage-ru.png') });

  // The same view in Kazakh.
  await page.getByLabel('Язык интерфейса').selectOption('kk');
  const kk = page.getByRole('dialog', { name: 'Жарияланымдардың қамтуы' });
  await expect(kk.getByTestId('coverage-chart-tone').locator('.recharts-cartesian-axis-tick-value')).toHaveText(['Оң', 'Бейтарап', 'Теріс']);
  await expect(kk.getByText('Басылымдардың үлесі')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('coverage-kk.png') });
  await page.getByLabel('Интерфейс тілі').selectOption('ru');
  await page.getByRole('dialog', { name: 'Охват публикаций' }).getByRole('button', { name: 'Закрыть' }).click();

  const exportWithCharts = async (format: 'docx' | 'pdf') => {
    await page.getByRole('button', { name: '⤓ Экспорт' }).click();
    const dialog = page.getByRole('dialog', { name: 'Экспорт: 3 материала' });
    await dialog.getByLabel('Формат').selectOption(format);
    await dialog.getByLabel('Диаграммы охвата (DOCX, PDF, HTML)').check();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Экспортировать' }).click();
    return readFile(await (await downloading).path());
  };
  const docx = await exportWithCharts('docx');
  const media = readZip(docx).names.filter((name) => /^word\/media\/.+\.png$/.test(name));
  expect(media).toHaveLength(3); // items per day, outlet shares, tone
  const { value: text } = await mammoth.extractRawText({ buffer: docx });
  // The three items are of one day: the digest counts them hour by hour.
  for (const title of ['Диаграммы', 'Материалы по часам и изданиям', 'Доля изданий', 'Тональность вырезок']) expect(text).toContain(title);

  const pdf = await exportWithCharts('pdf');
  await writeFile(testInfo.outputPath('digest.pdf'), pdf);
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  let images = 0;
  let chartsText = '';
  for (let n = 1; n <= document.numPages; n++) {
    const pdfPage = await document.getPage(n);
    const ops = await pdfPage.getOperatorList();
    const drawn = ops.fnArray.filter((op) => op === OPS.paintImageXObject).length;
    images += drawn;
    if (drawn) chartsText += (await pdfPage.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  expect(images).toBe(3);
  expect(chartsText.replace(/\s+/g, '')).toContain('Доляизданий');
});
