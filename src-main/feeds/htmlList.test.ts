import { describe, expect, it } from 'vitest';
import { defaultFeedDeps, fetchFeed } from './fetchFeed';
import { parseHtmlList } from './htmlList';
import { akordaEvents, zakonNewsList } from './presets';
import { fixtureText } from './testing/fixtures';

const NOW = new Date('2026-02-26T14:00:00Z');

describe('akordaEvents preset', () => {
  it.each([
    ['ru', 'akorda/akorda-events-ru.html', 'Касым-Жомарт Токаев и Александр Вучич сделали заявления для прессы'],
    ['kk', 'akorda/akorda-events-kz.html', 'Қасым-Жомарт Тоқаев пен Александр Вучич баспасөзге мәлімдеме жасады'],
    ['en', 'akorda/akorda-events-en.html', 'Kassym-Jomart Tokayev and Aleksandar Vučić make press statements'],
  ] as const)('reads the %s list and skips the deklaracii card', (language, path, firstTitle) => {
    const preset = akordaEvents(language);
    const page = parseHtmlList(fixtureText(path), preset.url, preset, NOW);
    const slug = language === 'kk' ? 'kz' : language;
    expect(page.feed).toMatchObject({ format: 'html', url: `https://www.akorda.kz/${slug}/events`, language });
    expect(page.items.map((i) => i.url)).toEqual([
      `https://www.akorda.kz/${slug}/kasym-zhomart-tokaev-i-aleksandr-vuchich-sdelali-zayavleniya-dlya-pressy-999001`,
      `https://www.akorda.kz/${slug}/glava-gosudarstva-provel-soveshchanie-synthetic-999002`,
      `https://www.akorda.kz/${slug}/glava-gosudarstva-prinyal-delegaciyu-synthetic-999003`,
    ]);
    expect(page.items.some((i) => i.url?.includes('deklaracii'))).toBe(false);
    expect(page.warnings).toEqual(['Skipped 1 card whose link is not a news item']);
    // Dates are days only: midnight in Astana (UTC+5).
    expect(page.items.map((i) => i.publishedAt)).toEqual(['2026-02-25T19:00:00.000Z', '2026-02-24T19:00:00.000Z', '2025-12-31T19:00:00.000Z']);
    expect(page.items[0]).toMatchObject({ title: firstTitle, imageUrl: 'https://www.akorda.kz/assets/media/synthetic/0_smallThumb.jpg', id: page.items[0]?.url });
    expect(page.items[0]?.dateFlag).toBeUndefined();
    expect(page.nextPageUrl).toBe(`https://www.akorda.kz/${slug}/events?page=2`);
  });
});

describe('zakonNewsList preset', () => {
  it('reads the Zakon-like cards with Russian and relative dates', () => {
    const page = parseHtmlList(fixtureText('html/homepage-with-autodiscovery.html'), 'https://www.zakon.kz/', zakonNewsList, NOW);
    expect(page.items.map((i) => [i.url, i.title, i.publishedAt])).toEqual([
      ['https://www.zakon.kz/9990001-tokaev-i-vuchich-proveli-brifing-dlya-smi.html', 'Токаев и Вучич провели брифинг для СМИ после переговоров', '2026-02-26T12:45:00.000Z'],
      // "сегодня, 16:20" in Astana on 26 Feb.
      ['https://www.zakon.kz/9990002-v-almaty-ogranichat-dvizhenie-synthetic.html', 'В Алматы ограничат движение на нескольких улицах', '2026-02-26T11:20:00.000Z'],
    ]);
  });
});

describe('parseHtmlList', () => {
  const html = `<html lang="sr"><head><base href="https://n1.example/vesti/"></head><body>
    <article class="n"><a href="a-1.html?utm_source=home"><span class="t">Prva &amp; <b>vest</b></span></a><time datetime="2026-02-26T15:00:00+01:00">danas</time><img data-src="i.jpg" src="data:image/gif;base64,R0"></article>
    <article class="n"><a href="a-1.html">duplicate</a></article>
    <article class="n"><a href="javascript:alert(1)">bad</a></article>
    <article class="n"><a href="b-2.html">Druga vest</a><time>jučer, 10:00</time></article>
    <a class="next" href="?strana=2">dalje</a></body></html>`;
  const spec = { item: 'article.n', title: '.t', date: 'time', dateAttr: 'datetime', image: 'img', pagination: { next: 'a.next' }, defaultOffsetMinutes: 60 };

  it('resolves against <base>, strips tracking, dedupes and drops non-web links', () => {
    const page = parseHtmlList(html, 'https://n1.example/', spec, NOW);
    expect(page.items.map((i) => i.url)).toEqual(['https://n1.example/vesti/a-1.html', 'https://n1.example/vesti/b-2.html']);
    expect(page.items[0]).toMatchObject({ title: 'Prva & vest', publishedAt: '2026-02-26T14:00:00.000Z', imageUrl: 'https://n1.example/vesti/i.jpg', language: 'sr' });
    // Serbian "jučer" (yesterday) at 10:00 in UTC+1.
    expect(page.items[1]).toMatchObject({ title: 'Druga vest', publishedAt: '2026-02-25T09:00:00.000Z' });
    expect(page.nextPageUrl).toBe('https://n1.example/vesti/?strana=2');
  });

  it('marks cards without a readable date', () => {
    const page = parseHtmlList('<ul><li><a href="/x-1">X</a></li></ul>', 'https://a.kz/', { item: 'li' }, NOW);
    expect(page.items[0]).toMatchObject({ url: 'https://a.kz/x-1', title: 'X', publishedAt: NOW.toISOString(), dateFlag: 'missing' });
  });
});

describe('fetchFeed with pagination', () => {
  it('reads up to maxPages pages and merges them', async () => {
    const pages: Record<string, string> = {
      'https://www.akorda.kz/ru/events': fixtureText('akorda/akorda-events-ru.html'),
      'https://www.akorda.kz/ru/events?page=2': fixtureText('akorda/akorda-events-ru.html').replace(/99900(\d)/g, '99910$1'),
    };
    const requested: string[] = [];
    const deps = {
      now: () => NOW,
      fetch: async (url: string) => {
        requested.push(url);
        const body = pages[url];
        return body ? new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } }) : new Response('gone', { status: 404 });
      },
    };
    const preset = { ...akordaEvents('ru'), pagination: { param: 'page', maxPages: 3 } };
    const result = await fetchFeed(preset.url, { htmlList: preset }, { ...defaultFeedDeps, ...deps });
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(result.result.items).toHaveLength(6);
    expect(requested).toEqual(['https://www.akorda.kz/ru/events', 'https://www.akorda.kz/ru/events?page=2', 'https://www.akorda.kz/ru/events?page=3']);
  });
});
