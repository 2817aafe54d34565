// Built-in HTML-list specs for outlets without a usable feed. Each is an HtmlListSpec plus the
// page it reads: fetchFeed(preset.url, { htmlList: preset }).
import type { HtmlListSpec } from './htmlList';

export type HtmlListPreset = HtmlListSpec & { name: string; url: string };

export type AkordaLanguage = 'ru' | 'kk' | 'en';

/**
 * akorda.kz/{ru,kz,en}/events: div.card, the headline link in h3 going to /<lang>/<slug>-<digits>,
 * an h5 date ("26 февраля 2026 года", "2026 жылғы 26 ақпан", "26 February 2026"), ?page=N.
 * Cards linking elsewhere (the "deklaracii" card) are not news and are skipped by the pattern.
 */
export function akordaEvents(language: AkordaLanguage): HtmlListPreset {
  // Akorda spells Kazakh "kz" in its paths, not the ISO code "kk".
  const path = language === 'kk' ? 'kz' : language;
  return {
    name: { ru: 'Акорда: события', kk: 'Ақорда: оқиғалар', en: 'Akorda: events' }[language],
    url: `https://www.akorda.kz/${path}/events`,
    item: 'div.card',
    link: 'h3 a[href]',
    linkPattern: `^https?://[^/]+/${path}/[^/?#]+-\\d+/?$`,
    title: 'h3',
    date: 'h5',
    image: 'img',
    imageAttrs: ['data-src', 'src'],
    pagination: { param: 'page', maxPages: 1 },
    defaultOffsetMinutes: 300,
    language,
  };
}

/** zakon.kz news list: a.newscard_link cards with .newscard__title and .newscard__date ("сегодня, 16:20"). */
export const zakonNewsList: HtmlListPreset = {
  name: 'Zakon.kz: новости',
  url: 'https://www.zakon.kz/news/',
  item: 'a.newscard_link',
  linkPattern: '/\\d+-[^/]+\\.html$',
  title: '.newscard__title',
  date: '.newscard__date',
  image: 'img',
  defaultOffsetMinutes: 300,
  language: 'ru',
};
