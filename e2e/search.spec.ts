// Monitoring search: one query finds every form and spelling, a topic tags the state-visit
// items, re-applies to what is stored, and alerts when new items match.
import { expect, test } from './fixtures';

test('finds every spelling of Vučić as you type, highlighted, and explains a broken query', async ({ app }) => {
  const { page } = app;
  await page.locator('#search-input').fill('Вучич');
  await expect(page.getByTestId('item-count')).toHaveText('6 материалов');
  const rows = page.getByTestId('item-row');
  for (const title of ['Vučić u zvaničnoj poseti', 'Вучић у званичној посети', 'Tokayev and Vučić brief', 'Токаев и Вучич провели брифинг', 'Александр Вучич сделали заявления']) {
    await expect(rows.filter({ hasText: title }).first()).toBeVisible();
  }
  await expect(rows.filter({ hasText: 'Vučić u zvaničnoj' }).locator('mark')).toHaveText('Vučić');
  await rows.filter({ hasText: 'Токаев и Вучич провели брифинг' }).first().click();
  await expect(page.getByTestId('reader-body').locator('mark').first()).toBeVisible();

  await page.locator('#search-input').fill('Вучич -брифинг lang:sr');
  await expect(page.getByTestId('item-count')).toHaveText('2 материала');

  await page.locator('#search-input').fill('(Вучич OR');
  await expect(page.getByRole('alert')).toContainText('Ошибка в запросе');
  await page.getByRole('button', { name: 'Синтаксис запросов' }).click();
  await expect(page.getByTestId('query-help')).toContainText('"');
});

test('a topic tags the state-visit items, re-applies to stored items and alerts on new ones', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');
  await page.getByRole('button', { name: '+ Новая тема' }).click();
  const editor = page.getByRole('form', { name: 'Новая тема' });
  await editor.getByLabel('Название').fill('Визит Вучича');
  await editor.getByLabel('Запрос').fill('Вучич (Астана OR Казахстан OR Tokayev OR Токаев)');
  await editor.getByLabel('Метка для найденного').fill('Визит Вучича');
  await editor.getByRole('button', { name: 'Сохранить тему' }).click();

  const topic = page.getByTestId('topic-row').filter({ hasText: 'Визит Вучича' });
  await topic.getByRole('button', { name: 'Применить к сохранённым' }).click();
  await expect(page.getByTestId('notice').filter({ hasText: /Тема «Визит Вучича»: найдено \d+, новых меток \d+/ })).toBeVisible();
  const tagButton = page.getByRole('button', { name: 'Показать материалы с меткой «Визит Вучича»' });
  await tagButton.click();
  const tagged = page.getByTestId('item-row');
  await expect(tagged.filter({ hasText: 'Токаев и Вучич провели брифинг' }).first()).toBeVisible();
  await expect(tagged.filter({ hasText: 'Vučić u zvaničnoj poseti Kazahstanu' })).toBeVisible();
  await expect(tagged.filter({ hasText: 'Beograd: izmene' })).toHaveCount(0);
  await tagButton.click();

  // A new source brings a new matching item: it is tagged as stored and a notice says so.
  await page.getByLabel('Адрес ленты или сайта').fill(`${app.feedsBaseUrl}/akorda/akorda-synthetic-rss-ru.xml`);
  await page.getByRole('button', { name: 'Добавить' }).click();
  await expect(page.getByTestId('notice').filter({ hasText: /Тема «Визит Вучича»: 1 новый материал — Касым-Жомарт Токаев и Александр Вучич/ })).toBeVisible();
  await page.getByTestId('notice').filter({ hasText: 'новый материал' }).getByRole('button', { name: 'Показать' }).click();
  await expect(page.locator('#search-input')).toHaveValue('Вучич (Астана OR Казахстан OR Tokayev OR Токаев)');
});
