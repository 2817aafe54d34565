// The sources a new user starts with: the outlets a Kazakh press office reads every morning.
// Akorda.kz publishes no feed; it is read as an HTML news list.
import type { SourceSpec } from '../../src-shared/model';

function source(id: string, name: string, url: string, group: string, language: string, preset: string | null = null): SourceSpec {
  return { id, name, url, kind: preset ? 'html' : 'feed', language, group, intervalMinutes: 15, enabled: true, browserUserAgent: false, preset };
}

export const builtInSources: SourceSpec[] = [
  source('zakon-ru', 'Zakon.kz', 'https://www.zakon.kz/rss/', 'Казахстан', 'ru'),
  source('akorda-ru', 'Akorda.kz — События', 'https://www.akorda.kz/ru/events', 'Казахстан', 'ru', 'akorda-ru'),
  source('akorda-kk', 'Akorda.kz — Оқиғалар', 'https://www.akorda.kz/kz/events', 'Казахстан', 'kk', 'akorda-kk'),
  source('akorda-en', 'Akorda.kz — Events', 'https://www.akorda.kz/en/events', 'Kazakhstan', 'en', 'akorda-en'),
  source('kazinform-ru', 'Kazinform', 'https://www.inform.kz/rss/rus.xml', 'Казахстан', 'ru'),
  source('tengrinews-ru', 'Tengrinews', 'https://tengrinews.kz/news.rss', 'Казахстан', 'ru'),
  source('astanatimes-en', 'The Astana Times', 'https://astanatimes.com/feed/', 'Kazakhstan', 'en'),
  source('n1-sr', 'N1 Srbija', 'https://n1info.rs/feed/', 'Srbija', 'sr'),
  source('b92-sr', 'B92', 'https://www.b92.net/info/rss/vesti.xml', 'Srbija', 'sr'),
];
