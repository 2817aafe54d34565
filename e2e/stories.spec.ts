// One story, many outlets: the sample outlets' reports of the Serbian president's state visit are
// grouped as they are stored; the reader shows who published first and who followed; the list
// can show one row per story; a tag can go on the whole story at once.
import { expect, test } from './fixtures';

const rtsTitle = 'Вучић у званичној посети Казахстану';
const n1Title = 'Vučić u zvaničnoj poseti Kazahstanu';

test('the state-visit reports of two outlets are one story, shown with its first publisher and chain', async ({ app }, testInfo) => {
  const { page } = app;
  const rows = page.getByTestId('item-row');
  await expect(page.getByTestId('item-count')).toHaveText('21 материал');

  // N1 (Latin) came later than RTS (Cyrillic): its reader names RTS as the first publisher.
  await rows.filter({ hasText: n1Title }).click();
  const panel = page.getByTestId('story-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('story-badge')).toContainText('2 материала · 2 издания');
  await expect(panel.getByTestId('story-first')).toContainText('Первым опубликовал');
  await expect(panel.getByTestId('story-first')).toContainText('РТС');
  await expect(panel.getByTestId('story-later')).toHaveCount(1);
  await expect(panel.getByTestId('story-later')).toContainText('N1 Srbija');
  await expect(panel.getByTestId('story-later')).toContainText('открыт');

  // The chain opens the other report.
  await panel.getByRole('button', { name: /^Открыть: РТС/ }).click();
  await expect(page.getByTestId('reader').getByRole('heading', { level: 1 })).toHaveText(rtsTitle);
  await page.screenshot({ path: testInfo.outputPath('story-panel-ru.png') });

  // An item nobody else reported has no story panel.
  await rows.filter({ hasText: 'Астанада жаңа балалар кітапханасы ашылды' }).click();
  await expect(page.getByTestId('reader').getByRole('heading', { level: 1 })).toHaveText('Астанада жаңа балалар кітапханасы ашылды');
  await expect(page.getByTestId('story-panel')).toHaveCount(0);

  // Stories mode: the two reports are one row with its size; the list is shorter.
  await page.getByRole('group', { name: 'Список' }).getByRole('button', { name: 'Сюжеты' }).click();
  const storyRow = rows.filter({ hasText: rtsTitle });
  await expect(storyRow).toHaveCount(1);
  await expect(rows.filter({ hasText: n1Title })).toHaveCount(0);
  await expect(storyRow.getByTestId('story-badge')).toContainText('2 материала · 2 издания');
  await expect(storyRow.getByTestId('story-badge')).toContainText('последний');
  const storyCount = Number((await page.getByTestId('story-count').textContent())?.match(/\d+/)?.[0]);
  expect(storyCount).toBeLessThan(21);
  await expect(rows).toHaveCount(storyCount);
  await page.screenshot({ path: testInfo.outputPath('stories-mode-ru.png') });

  // Back to items: both reports are rows again.
  await page.getByRole('button', { name: 'Материалы', exact: true }).click();
  await expect(rows.filter({ hasText: n1Title })).toHaveCount(1);
});

test('tagging the whole story tags every report in it', async ({ app }) => {
  const { page } = app;
  const rows = page.getByTestId('item-row');
  await rows.filter({ hasText: rtsTitle }).click();
  const panel = page.getByTestId('story-panel');
  await panel.locator('#story-tag-input').fill('Визит Вучича');
  await panel.getByRole('button', { name: 'Поставить' }).click();

  const tagButton = page.getByRole('button', { name: 'Показать материалы с меткой «Визит Вучича»' });
  await expect(tagButton).toContainText('2');
  await tagButton.click();
  await expect(page.getByTestId('item-count')).toHaveText('2 материала');
  await expect(rows.filter({ hasText: rtsTitle })).toContainText('Визит Вучича');
  await expect(rows.filter({ hasText: n1Title })).toContainText('Визит Вучича');
});

test('stories speak Kazakh', async ({ app }, testInfo) => {
  const { page } = app;
  await page.getByLabel('Язык интерфейса').selectOption('kk');
  await page.getByTestId('item-row').filter({ hasText: n1Title }).click();
  const panel = page.getByTestId('story-panel');
  await expect(panel.getByRole('heading')).toContainText('Басылымдардағы сюжет');
  await expect(panel.getByTestId('story-first')).toContainText('Алғаш жариялаған');
  await expect(panel.getByTestId('story-badge')).toContainText('2 материал · 2 басылым');
  await expect(panel.getByRole('button', { name: /Бүкіл сюжетті қиындыларға/ })).toBeVisible();
  await page.getByRole('group', { name: 'Тізім' }).getByRole('button', { name: 'Сюжеттер' }).click();
  await expect(page.getByTestId('story-count')).toContainText('сюжет');
  await page.screenshot({ path: testInfo.outputPath('stories-kk.png') });
});
