import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src-shared/model';
import { assignIdentities, cleanTitle, normaliseItem, titleFromText, type NormalisedItem, type RawItem } from './normalise';

const NOW = new Date('2026-02-27T08:00:00Z');
const context = { now: NOW, language: 'ru' };

function raw(overrides: Partial<RawItem> = {}): RawItem {
  return {
    title: 'Заголовок',
    titleIsHtml: true,
    link: '/news/1.html',
    guid: null,
    published: 'Thu, 26 Feb 2026 17:45:00 +0500',
    updated: null,
    summaryHtml: '<p>Кратко</p>',
    contentHtml: null,
    fullText: null,
    author: null,
    categories: [],
    enclosures: [],
    images: [],
    baseUrl: 'https://www.zakon.kz/',
    ...overrides,
  };
}

describe('normaliseItem', () => {
  it('decodes entities and collapses whitespace in titles', () => {
    const item = normaliseItem(raw({ title: '  &laquo;Брифинг&raquo;&nbsp;&mdash;\n  <b>Токаев</b>   и Вучич ' }), context);
    expect(item.title).toBe('«Брифинг» — Токаев и Вучич');
    expect(cleanTitle('Plain &amp; <simple>', false)).toBe('Plain & <simple>');
  });

  it('makes a title from the text when the feed has none', () => {
    const item = normaliseItem(raw({ title: '  ', summaryHtml: '<p>Президент провёл встречу с делегацией. Подробности позже.</p>' }), context);
    expect(item.title).toBe('Президент провёл встречу с делегацией.');
    expect(titleFromText('слово '.repeat(60)).endsWith('…')).toBe(true);
  });

  it('makes links absolute and canonical', () => {
    const item = normaliseItem(raw({ link: '/news/1.html?utm_source=rss&utm_campaign=x' }), context);
    expect(item.url).toBe('https://www.zakon.kz/news/1.html');
    expect(item.id).toBe('https://www.zakon.kz/news/1.html');
  });

  it('uses a permalink guid as the link when there is no link', () => {
    const item = normaliseItem(raw({ link: null, guid: 'https://www.zakon.kz/2.html', guidIsLink: true }), context);
    expect(item.url).toBe('https://www.zakon.kz/2.html');
  });

  it('prefers the fullest text: yandex:full-text over content over summary', () => {
    const item = normaliseItem(raw({ summaryHtml: 'коротко', contentHtml: '<p>длиннее текст</p>', fullText: 'самый длинный полный текст статьи' }), context);
    expect(item.text).toBe('самый длинный полный текст статьи');
    expect(item.summary).toBe('коротко');
    expect(item.contentHtml).toBe('<p>длиннее текст</p>');
  });

  it('flags missing and future dates', () => {
    expect(normaliseItem(raw({ published: null }), context)).toMatchObject({ publishedAt: NOW.toISOString(), dateFlag: 'missing' });
    expect(normaliseItem(raw({ published: '2034-02-26T12:45:00Z' }), context)).toMatchObject({ publishedAt: NOW.toISOString(), dateFlag: 'clamped' });
    // Within the hour is clock skew, not a lie.
    expect(normaliseItem(raw({ published: '2026-02-27T08:30:00Z' }), context)).toMatchObject({ publishedAt: '2026-02-27T08:30:00.000Z' });
    expect(normaliseItem(raw(), context).dateFlag).toBeUndefined();
  });

  it('falls back to updated when there is no published date', () => {
    expect(normaliseItem(raw({ published: null, updated: '2026-02-26T10:00:00Z' }), context).publishedAt).toBe('2026-02-26T10:00:00.000Z');
  });

  it('resolves enclosures and images, skipping non-http ones', () => {
    const item = normaliseItem(
      raw({ enclosures: [{ url: '/a.jpg', type: 'image/jpeg', length: '123' }, { url: 'javascript:x', type: null, length: null }], images: ['data:image/png;base64,AA', '/thumb.jpg'] }),
      context,
    );
    expect(item.enclosures).toEqual([{ url: 'https://www.zakon.kz/a.jpg', type: 'image/jpeg', length: 123 }]);
    expect(item.imageUrl).toBe('https://www.zakon.kz/thumb.jpg');
  });

  it('is assignable to FeedItem', () => {
    const item: FeedItem = normaliseItem(raw(), context);
    expect(item.language).toBe('ru');
  });
});

describe('assignIdentities', () => {
  const make = (title: string, guid: string | null, url: string | null): NormalisedItem => ({ ...normaliseItem(raw({ title, link: url, guid }), context) });

  it('uses unique guids, falls back to the canonical URL for repeated guids, then to a hash', () => {
    const items = assignIdentities([make('a', 'g1', '/a'), make('b', 'dup', '/b'), make('c', 'dup', '/c'), make('d', null, null), make('e', 'g2', '/e')]);
    expect(items.map((item) => item.id)).toEqual(['g1', 'https://www.zakon.kz/b', 'https://www.zakon.kz/c', expect.stringMatching(/^hash:[0-9a-f]{32}$/), 'g2']);
  });

  it('never gives two items the same id', () => {
    const items = assignIdentities([make('a', null, '/same'), make('b', null, '/same')]);
    expect(new Set(items.map((item) => item.id)).size).toBe(2);
  });

  it('gives the same item the same hash on every poll', () => {
    expect(assignIdentities([make('x', null, null)])[0]?.id).toBe(assignIdentities([make('x', null, null)])[0]?.id);
  });
});
