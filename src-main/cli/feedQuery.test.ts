import { describe, expect, it } from 'vitest';
import type { FeedInfo, FeedItem } from '../../src-shared/model';
import { filterByQuery } from './feedQuery';

const feed: FeedInfo = { title: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', siteUrl: null, format: 'rss', language: 'ru' };
const item = (id: string, title: string, language = 'ru'): FeedItem => ({
  id, guid: id, url: null, title, summary: '', contentHtml: '', text: title, author: null, publishedAt: '2026-02-26T12:45:00.000Z',
  categories: [], imageUrl: null, enclosures: [], language,
});
const items = [
  item('1', 'Токаев и Вучич провели брифинг для СМИ'),
  item('2', 'Tokayev and Vučić brief the media after talks', 'en'),
  item('3', 'Цены на серебро выросли'),
  item('4', 'Президент Сербии прилетел в Астану'),
];

describe('fetch --query', () => {
  it('finds every spelling and form of a name, and nothing else', () => {
    expect(filterByQuery('Вучич', feed, items).map((i) => i.id)).toEqual(['1', '2']);
    expect(filterByQuery('Сербия', feed, items).map((i) => i.id)).toEqual(['4']);
    expect(filterByQuery('Tokayev -брифинг', feed, items).map((i) => i.id)).toEqual(['2']);
  });
  it('turns a malformed query into an error that points at it', () => {
    expect(() => filterByQuery('(Вучич OR', feed, items)).toThrow(/Query error at characters \d+-\d+ of "\(Вучич OR"/);
  });
});
