// Clippings for the export tests: Russian, Kazakh, Serbian and English items, with the hostile
// strings feeds really carry (formula-looking titles, markup, control characters).
import type { ReportItem, ReportMeta } from './types';

export const KAZAKH_LETTERS = ['Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І'];

export const SAMPLE_ITEMS: ReportItem[] = [
  {
    title: 'Токаев и Вучич провели брифинг для СМИ после переговоров',
    outlet: 'Zakon.kz',
    author: 'Айгерим Сәрсенова',
    publishedAt: '2026-02-26T12:45:00Z',
    url: 'https://www.zakon.kz/9990001-tokaev-i-vuchich-proveli-brifing-dlya-smi.html',
    tags: ['Визит Вучича', 'Сербия'],
    tone: 'positive',
    note: 'Цитата о 60 сербских компаниях — в пресс-релиз',
    lead: 'После переговоров и награждения президент Казахстана Касым-Жомарт Токаев и президент Сербии Александр Вучич провели брифинг.',
    text: 'После переговоров и награждения президент Казахстана Касым-Жомарт Токаев и президент Сербии Александр Вучич провели брифинг.\n\n"Сегодня я вручил Александру Вучичу высшую награду – орден "Алтын Қыран"", – добавил глава Казахстана.',
    language: 'ru',
  },
  {
    title: 'ӘҒҚҢӨҰҮҺІ: Тоқаев пен Вучич баспасөзге мәлімдеме жасады',
    outlet: 'Akorda.kz',
    author: null,
    publishedAt: '2026-02-26T19:30:00Z',
    url: 'https://www.akorda.kz/kz/tokaev-vucic',
    tags: ['Визит Вучича'],
    tone: 'neutral',
    note: null,
    lead: 'Мемлекет басшысы Ақордада Сербия Президентін қабылдады. Әріптер: ә ғ қ ң ө ұ ү һ і.',
    text: 'Мемлекет басшысы Ақордада Сербия Президентін қабылдады.\n\n"Жұмыла көтерген жүк жеңіл", – деді Қасым-Жомарт Тоқаев.',
    language: 'kk',
  },
  {
    title: '=HYPERLINK("http://x")',
    outlet: 'Spam <b>outlet</b>',
    author: '+7 (777) 000-00-00',
    publishedAt: '2026-02-25T08:00:00Z',
    url: 'javascript:alert(1)',
    tags: ['@everyone', '-1'],
    tone: 'negative',
    note: '<script>alert("note")</script>',
    lead: 'Текст с "кавычками", запятыми, точкой с запятой; и\nпереводом строки.\u0001',
    text: '',
    language: 'ru',
  },
  {
    title: 'Vučić u zvaničnoj poseti Kazahstanu',
    outlet: 'N1 Srbija',
    author: null,
    publishedAt: '2026-02-26T14:50:00Z',
    url: 'https://n1info.rs/vucic-poseta-kazahstanu-9990301/',
    tags: [],
    tone: null,
    note: null,
    lead: 'Predsednik Srbije Aleksandar Vučić boravi u zvaničnoj poseti Astani.',
    text: '',
    language: 'sr-Latn',
  },
];

export const SAMPLE_META: ReportMeta = {
  title: 'Дайджест: визит Александра Вучича в Астану',
  periodFrom: '2026-02-25T00:00:00+05:00',
  periodTo: '2026-02-27T23:59:59+05:00',
  groupBy: 'day',
  locale: 'ru',
  timeZone: 'Asia/Almaty',
  includeFullText: true,
  includeImages: true,
};

/** A tiny valid PNG (2×1 pixels) for image paths. */
export const TINY_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x02, 0x00, 0x00, 0x00, 0x7b, 0x40, 0xe8, 0xdd, 0x00, 0x00, 0x00, 0x0f, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xc0,
  0xc0, 0xf0, 0x1f, 0x00, 0x07, 0x00, 0x01, 0xff, 0x7e, 0x08, 0xb1, 0xd0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

/** `count` clippings built from the samples, each with its own number in the title. */
export function manyItems(count: number): ReportItem[] {
  return Array.from({ length: count }, (_, i) => {
    const base = SAMPLE_ITEMS[i % SAMPLE_ITEMS.length]!;
    const at = new Date(Date.parse('2026-02-20T03:00:00Z') + i * 17 * 60_000).toISOString();
    return { ...base, title: `${i + 1}. ${base.title}`, publishedAt: at };
  });
}
