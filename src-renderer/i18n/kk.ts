import type { Strings } from './ru';

export const kk: Strings = {
  app: { title: 'PressWatch', loading: 'Жүктелуде…', language: 'Интерфейс тілі', noToken: 'presswatch serve командасы басып шығарған мекенжайды ашыңыз: онда сеанс кілті бар.', startFailed: 'Қолданбаны іске қосу мүмкін болмады: {{message}}', offline: 'Желі жоқ: сақталғандар көрсетілген' },
  sources: { heading: 'Дереккөздер', all: 'Барлық дереккөздер', add: 'Қосу', addPlaceholder: 'Арнаның немесе сайттың мекенжайы', adding: 'Тексерілуде…', added: '«{{name}}» дереккөзі қосылды', pollNow: 'Жаңарту', pollAll: 'Барлығын жаңарту', lastError: 'Қате: {{message}}', lastSuccess: '{{time}} жаңартылды', never: 'Әлі сұралмаған', polling: 'Сұралуда…', exists: 'Бұл дереккөз бұрыннан бар' },
  items: { heading: 'Материалдар', count_one: '{{count}} материал', count_few: '{{count}} материал', count_many: '{{count}} материал', count_other: '{{count}} материал', empty: 'Әзірге материал жоқ. Дереккөздер сұралуда…', list: 'Материалдар тізімі' },
  reader: { empty: 'Тізімнен материалды таңдаңыз', openOriginal: 'Түпнұсқасын ашу', author: 'Авторы: {{author}}', region: 'Материал' },
};
