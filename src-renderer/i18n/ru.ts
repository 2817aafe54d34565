export const ru = {
  app: { title: 'PressWatch', loading: 'Загрузка…', language: 'Язык интерфейса', noToken: 'Откройте адрес, который напечатала команда presswatch serve: в нём есть ключ сеанса.', startFailed: 'Не удалось запустить приложение: {{message}}', offline: 'Нет сети: показано сохранённое' },
  sources: { heading: 'Источники', all: 'Все источники', add: 'Добавить', addPlaceholder: 'Адрес ленты или сайта', adding: 'Проверяю…', added: 'Добавлен источник «{{name}}»', pollNow: 'Обновить', pollAll: 'Обновить все', lastError: 'Ошибка: {{message}}', lastSuccess: 'Обновлено {{time}}', never: 'Ещё не опрашивался', polling: 'Опрашивается…', exists: 'Этот источник уже есть' },
  items: { heading: 'Материалы', count_one: '{{count}} материал', count_few: '{{count}} материала', count_many: '{{count}} материалов', count_other: '{{count}} материала', empty: 'Материалов пока нет. Источники опрашиваются…', list: 'Список материалов' },
  reader: { empty: 'Выберите материал в списке', openOriginal: 'Открыть оригинал', author: 'Автор: {{author}}', region: 'Материал' },
};
export type Strings = typeof ru;
