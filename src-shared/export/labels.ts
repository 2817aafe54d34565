// The words a report prints around the clippings, in the three interface languages.
import type { ReportLocale, Tone } from './types';

export interface ReportLabels {
  contents: string;
  period: string;
  items: (n: number) => string;
  generated: string;
  charts: string;
  outlet: string;
  author: string;
  published: string;
  link: string;
  tags: string;
  tone: string;
  note: string;
  lead: string;
  text: string;
  title: string;
  language: string;
  image: string;
  noTopic: string;
  page: string;
  tones: Record<Tone, string>;
}

// Russian plural: 1 материал, 2 материала, 5 материалов, 21 материал.
function ruPlural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

export const LABELS: Record<ReportLocale, ReportLabels> = {
  ru: {
    contents: 'Содержание',
    period: 'Период',
    items: (n) => `${n} ${ruPlural(n, 'материал', 'материала', 'материалов')}`,
    generated: 'Сформировано',
    charts: 'Диаграммы',
    outlet: 'Издание',
    author: 'Автор',
    published: 'Опубликовано',
    link: 'Ссылка',
    tags: 'Теги',
    tone: 'Тональность',
    note: 'Примечание',
    lead: 'Лид',
    text: 'Текст',
    title: 'Заголовок',
    language: 'Язык',
    image: 'Изображение',
    noTopic: 'Без темы',
    page: 'Стр.',
    tones: { positive: 'позитивная', neutral: 'нейтральная', negative: 'негативная' },
  },
  kk: {
    contents: 'Мазмұны',
    period: 'Кезең',
    items: (n) => `${n} материал`,
    generated: 'Құрастырылған уақыты',
    charts: 'Диаграммалар',
    outlet: 'Басылым',
    author: 'Авторы',
    published: 'Жарияланған уақыты',
    link: 'Сілтеме',
    tags: 'Тегтер',
    tone: 'Реңкі',
    note: 'Ескертпе',
    lead: 'Лид',
    text: 'Мәтін',
    title: 'Тақырыбы',
    language: 'Тілі',
    image: 'Сурет',
    noTopic: 'Тақырыпсыз',
    page: 'Бет',
    tones: { positive: 'оң', neutral: 'бейтарап', negative: 'теріс' },
  },
  en: {
    contents: 'Contents',
    period: 'Period',
    items: (n) => `${n} ${n === 1 ? 'item' : 'items'}`,
    generated: 'Generated',
    charts: 'Charts',
    outlet: 'Outlet',
    author: 'Author',
    published: 'Published',
    link: 'Link',
    tags: 'Tags',
    tone: 'Tone',
    note: 'Note',
    lead: 'Lead',
    text: 'Text',
    title: 'Headline',
    language: 'Language',
    image: 'Image',
    noTopic: 'No topic',
    page: 'Page',
    tones: { positive: 'positive', neutral: 'neutral', negative: 'negative' },
  },
};

export function labelsFor(locale: ReportLocale): ReportLabels {
  return LABELS[locale] ?? LABELS.en;
}
