// The press officer's desk, used as a person would: tag several items at once, clip into a
// collection, keyboard, Kazakh UI, backup and restore.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

const visitCollection = 'Государственный визит Президента Сербии, февраль 2026';

test('tags several items at once and filters by the tag', async ({ app }) => {
  const { page } = app;
  const rows = page.getByTestId('item-row');
  await rows.filter({ hasText: 'Вучић у званичној посети Казахстану' }).getByRole('checkbox').check();
  await rows.filter({ hasText: 'Vučić u zvaničnoj poseti Kazahstanu' }).getByRole('checkbox').check();
  await rows.filter({ hasText: 'Tokayev and Vučić brief the media' }).getByRole('checkbox').check();
  await expect(page.getByTestId('selected-count')).toHaveText('Выбрано: 3');
  await page.locator('#bulk-tag-input').fill('Визит Вучича');
  await page.getByRole('region', { name: 'Выбрано: 3' }).getByRole('button', { name: 'Поставить' }).click();

  const tagButton = page.getByRole('button', { name: 'Показать материалы с меткой «Визит Вучича»' });
  await expect(tagButton).toContainText('3');
  await tagButton.click();
  await expect(page.getByTestId('item-count')).toHaveText('3 материала');
  await expect(rows.first()).toContainText('Визит Вучича');

  // Removed again from one item, in the reader.
  await rows.filter({ hasText: 'Tokayev and Vučić' }).click();
  await page.getByRole('button', { name: 'Снять метку «Визит Вучича»' }).click();
  await expect(page.getByTestId('item-count')).toHaveText('2 материала');

  // Removed from every selected item at once.
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('region', { name: 'Выбрано: 2' }).getByLabel('Снять метку…').selectOption('Визит Вучича');
  await expect(page.getByTestId('item-count')).toHaveText('0 материалов');
  await expect(tagButton).toContainText('0');

  // Renamed and recoloured in place; a name another tag has is refused in words; merged.
  await page.getByRole('button', { name: 'Изменить метку «Визит Вучича»' }).click();
  const editor = page.getByRole('form', { name: 'Изменить метку «Визит Вучича»' });
  await editor.getByLabel('Имя метки').fill('Государственный визит');
  await editor.getByLabel('Цвет метки').fill('#c0392b');
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  const renamed = page.getByRole('button', { name: 'Показать материалы с меткой «Государственный визит»' });
  await expect(renamed).toBeVisible();
  await expect(renamed.locator('.tag-dot')).toHaveCSS('background-color', 'rgb(192, 57, 43)');
  await page.getByRole('button', { name: 'Показать материалы с меткой «Государственный визит»' }).click();
  await rows.filter({ hasText: 'Tokayev and Vučić' }).click();
  await page.locator('#reader-tag-input').fill('Сербия');
  await page.getByTestId('reader').getByRole('button', { name: 'Поставить' }).click();
  await page.getByRole('button', { name: 'Изменить метку «Сербия»' }).click();
  const second = page.getByRole('form', { name: 'Изменить метку «Сербия»' });
  await second.getByLabel('Имя метки').fill('Государственный визит');
  await second.getByRole('button', { name: 'Сохранить' }).click();
  await expect(second.getByRole('alert')).toHaveText('Метка с таким именем уже есть — объедините их');
  await second.getByRole('button', { name: 'Отмена' }).click();
  await page.getByLabel('Объединить «Сербия» с меткой').selectOption('Государственный визит');
  await expect(page.getByTestId('tag-row')).toHaveCount(1);
  await expect(renamed).toContainText('1');
});

test('clips an item with a note and tone into a collection for the report', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('item-row').filter({ hasText: 'Токаев и Вучич провели брифинг' }).first().click();
  await page.getByRole('button', { name: '✂ В вырезки' }).click();
  const dialog = page.getByRole('dialog', { name: /Вырезка/ });
  await dialog.getByLabel('Заметка').fill('Цитата о сотрудничестве — в сводку для руководства');
  await dialog.getByLabel('Позитивная').check();
  await dialog.getByLabel('Новая подборка').fill(visitCollection);
  await dialog.getByRole('button', { name: 'Сохранить вырезку' }).click();
  await expect(page.getByTestId('notice').filter({ hasText: 'Сохранена 1 вырезка' })).toBeVisible();

  await page.getByRole('button', { name: visitCollection }).click();
  await expect(page.getByTestId('item-count')).toHaveText('1 материал');
  await page.getByRole('button', { name: visitCollection }).click();
  await page.getByRole('button', { name: 'Вырезки', exact: true }).click();
  await expect(page.getByTestId('item-row')).toHaveCount(1);
  await expect(page.getByTestId('item-row')).toContainText('✂');
});

test('works from the keyboard: j/k, s, u and ? ', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');
  await page.locator('body').press('j');
  const first = page.getByTestId('item-row').nth(0);
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').press('j');
  await expect(page.getByTestId('item-row').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').press('k');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').press('s');
  await expect(page.getByRole('button', { name: '★ Убрать из избранного' })).toBeVisible();
  await page.getByRole('button', { name: 'Избранное', exact: true }).click();
  await expect(page.getByTestId('item-count')).toHaveText('1 материал');
  await page.getByRole('button', { name: 'Все материалы' }).click();
  // Opening read the first item: the unread filter leaves the other twenty.
  await page.locator('body').press('u');
  await expect(page.getByTestId('item-count')).toHaveText('19 материалов');
  // Undone from the reader, and it stays unread while it is open.
  await page.getByRole('button', { name: 'Отметить непрочитанным' }).click();
  await expect(page.getByTestId('item-count')).toHaveText('20 материалов');
  await expect(page.getByRole('button', { name: 'Отметить прочитанным' })).toBeVisible();
  await page.locator('body').press('?');
  await expect(page.getByRole('dialog', { name: 'Клавиши' })).toContainText('только непрочитанные');
  await page.getByRole('button', { name: 'Закрыть' }).click();
  await page.locator('body').press('/');
  await expect(page.locator('#search-input')).toBeFocused();
});

test('speaks Kazakh and English when asked, Kazakh letters intact', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Язык интерфейса').selectOption('kk');
  await expect(page.getByRole('heading', { name: /Материалдар/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Барлық материалдар' })).toBeVisible();
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');
  await page.getByTestId('item-row').filter({ hasText: 'Астанада жаңа балалар кітапханасы ашылды' }).click();
  await expect(page.getByTestId('reader')).toContainText('2026 ж. 26 ақпан');
  await page.getByLabel('Интерфейс тілі').selectOption('en');
  await expect(page.getByTestId('item-count')).toHaveText('21 items');
  await page.reload();
  await expect(page.getByRole('button', { name: 'All items' })).toBeVisible();
});

test('backs up the database and restores it; a corrupt file changes nothing', async ({ app, browser }) => {
  const { page } = app;
  await page.getByTestId('item-row').filter({ hasText: 'Вучић у званичној посети' }).getByRole('checkbox').check();
  await page.locator('#bulk-tag-input').fill('Сербия');
  await page.getByRole('button', { name: 'Поставить' }).first().click();
  await expect(page.getByRole('button', { name: 'Показать материалы с меткой «Сербия»' })).toContainText('1');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Резервная копия' }).click();
  const backupPath = await (await downloading).path();
  const backup = await readFile(backupPath);

  // Wipe: remove the tag, then a corrupt file must leave things as they are.
  await page.getByRole('button', { name: 'Показать материалы с меткой «Сербия»' }).click();
  await page.getByTestId('item-row').first().click();
  await page.getByRole('button', { name: 'Снять метку «Сербия»' }).click();
  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
  await page.getByTestId('restore-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"formatName":"dexie","data":{') });
  await expect(page.getByTestId('notice').filter({ hasText: 'Не удалось восстановить' })).toBeVisible();
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');

  await page.getByTestId('restore-input').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await expect(page.getByTestId('notice').filter({ hasText: 'База восстановлена из копии' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Показать материалы с меткой «Сербия»' })).toContainText('1');
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');

  // A backup holding one item fewer: the list is the backup's once it is restored, searched too.
  const file = JSON.parse(backup.toString('utf8')) as { data: { tables: Array<{ name: string; rowCount: number }>; data: Array<{ tableName: string; rows: Array<{ title?: string }> }> } };
  const items = file.data.data.find((table) => table.tableName === 'items')!;
  items.rows = items.rows.filter((row) => row.title !== 'Vučić u zvaničnoj poseti Kazahstanu');
  file.data.tables.find((table) => table.name === 'items')!.rowCount = items.rows.length;
  await page.getByTestId('restore-input').setInputFiles({ name: 'smaller.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('item-count')).toHaveText('20 материалов');
  await page.locator('#search-input').fill('Vučić');
  await expect(page.getByTestId('item-row').filter({ hasText: 'Vučić u zvaničnoj poseti Kazahstanu' })).toHaveCount(0);
  await expect(page.getByTestId('item-row').filter({ hasText: 'Вучић у званичној посети Казахстану' })).toBeVisible();
  // A backup with no items at all (emptied tables tell the list nothing by themselves).
  await page.locator('#search-input').fill('');
  items.rows = [];
  file.data.tables.find((table) => table.name === 'items')!.rowCount = 0;
  await page.getByTestId('restore-input').setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('item-count')).toHaveText('0 материалов');
  void browser;
});

test('manages sources: settings, built-in outlets, OPML out and in', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '⚙ Настроить источники' }).click();
  const dialog = page.getByRole('dialog', { name: 'Источники' });
  // Whether the archive is kept for good, and the room it takes, in words.
  await expect(dialog.getByTestId('storage-status')).toHaveText(/(Архив хранится постоянно|Постоянное хранение не разрешено).*Занято \d[\d\s]* МБ из \d[\d\s]* МБ\./);
  await dialog.getByRole('button', { name: /^Zakon\.kz\s*Казахстан$/ }).click();
  const form = dialog.getByRole('form', { name: 'Zakon.kz' });
  await form.getByLabel('Папка').fill('Главное');
  await form.getByLabel('Загружать полный текст и изображения').check();
  await form.getByRole('button', { name: 'Сохранить' }).click();

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Экспорт OPML' }).click();
  const opml = await readFile(await (await downloading).path(), 'utf8');
  expect(opml).toContain('<outline text="Главное" title="Главное"><outline type="rss" text="Zakon.kz"');
  expect(opml).toContain('presswatchPreset="akorda-ru"');

  await dialog.getByRole('button', { name: '+ Добавить «Tengrinews»' }).click();
  await expect(dialog.getByRole('button', { name: /^Tengrinews\s*Казахстан$/ })).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: '+ Добавить «Tengrinews»' })).toHaveCount(0);

  const incoming = `<?xml version="1.0"?><opml version="2.0"><body><outline text="Проверка"><outline text="Zakon poll" xmlUrl="${app.feedsBaseUrl}/poll-sequence/t1.xml"/></outline></body></opml>`;
  await page.getByTestId('opml-input').setInputFiles({ name: 'colleague.opml', mimeType: 'text/xml', buffer: Buffer.from(incoming) });
  await expect(page.getByTestId('notice').filter({ hasText: 'Добавлено источников: 1' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(page.getByRole('button', { name: 'Главное' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Zakon poll\s*2$/ })).toBeVisible();
});

test('defines an HTML-list source for a site without a feed, previewing it first', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '⚙ Настроить источники' }).click();
  const form = page.getByRole('form', { name: 'Сайт без ленты: список новостей по селекторам' });
  await form.getByLabel('Адрес страницы со списком').fill(`${app.feedsBaseUrl}/akorda/akorda-events-kz.html`);
  await form.getByLabel('Название').fill('Ақорда — оқиғалар');
  await form.getByLabel('Карточка новости (CSS-селектор)').fill('div.card');
  await form.getByLabel('Ссылка в карточке').fill('h3 a');
  await form.getByLabel('Дата в карточке').fill('h5');
  await form.getByRole('button', { name: 'Проверить' }).click();
  const preview = page.getByTestId('html-preview');
  await expect(preview).toContainText(/Найдено \d+ материал/);
  await expect(preview.locator('li').first()).toContainText('Тоқаев');
  await form.getByRole('button', { name: 'Сохранить источник' }).click();
  await expect(page.getByTestId('notice').filter({ hasText: 'Добавлен источник «Ақорда — оқиғалар»' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Источники' }).getByRole('button', { name: 'Закрыть', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Ақорда — оқиғалар\s*[1-9]/ })).toBeVisible();
});

test('shows what an outlet changed when it corrects an item', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Адрес ленты или сайта').fill(`${app.feedsBaseUrl}/poll-sequence/live.xml`);
  await page.getByRole('button', { name: 'Добавить' }).click();
  await expect(page.getByRole('button', { name: /^Zakon\.kz: Новости \(poll sequence\)\s*2$/ })).toBeVisible();
  app.feeds.advancePollSequence();
  await page.getByRole('button', { name: 'Обновить: Zakon.kz: Новости (poll sequence)', exact: true }).click();
  const corrected = page.getByTestId('item-row').filter({ hasText: 'В Алматы ограничат движение на пяти улицах (обновлено)' });
  await corrected.click();
  const note = page.getByTestId('edit-note');
  await expect(note).toContainText('Материал изменён');
  await expect(note.locator('del').first()).toContainText('нескольких');
  await expect(note.locator('ins').first()).toContainText('пяти');
});

test('shows each source\u2019s items today and its next poll', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');
  // The sample outlets' items are from February 2026, except one Zakon.kz item without a date:
  // it is dated when first seen, which is today.
  const facts = (name: RegExp) => page.getByTestId('source-row').filter({ hasText: name }).getByTestId('source-facts');
  await expect(facts(/^Zakon\.kz\d/)).toContainText('Сегодня: 1');
  await expect(facts(/^Zakon\.kz\d/)).toContainText(/следующий опрос \d\d:\d\d/);
  await expect(facts(/^The Astana Times\d/)).toContainText('Сегодня: 0');
  // A feed with no date, a date in 2034 and an unreadable one: all three are dated today.
  await page.getByLabel('Адрес ленты или сайта').fill(`${app.feedsBaseUrl}/dates/dates-edgecases.xml`);
  await page.getByRole('button', { name: 'Добавить' }).click();
  await expect(page.getByRole('status')).toContainText('Добавлен источник');
  await expect(page.getByTestId('source-row').filter({ hasText: 'Сегодня: 3' })).toHaveCount(1);
});

test('lists the oldest first when asked, and the newest first again', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');
  const times = () => page.getByTestId('item-row').locator('time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''));
  const newest = await times();
  expect(newest).toEqual([...newest].sort().reverse());
  await page.getByLabel('Порядок').selectOption('Сначала старые');
  await expect.poll(async () => (await times())[0]! <= [...newest].sort()[0]!).toBe(true);
  const oldest = await times();
  expect(oldest).toEqual([...oldest].sort());
  await page.getByLabel('Порядок').selectOption('Сначала новые');
  await expect.poll(times).toEqual(newest);
});
