import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src-shared/model';
import { addTag } from '../db/itemTags';
import { openDatabase, type PressWatchDb } from '../db/schema';
import { storeBatch } from '../db/storeBatch';
import { indexPending } from './indexer';
import { SearchEngine } from './runSearch';

let seq = 0;
function item(title: string, text: string, language = 'ru'): FeedItem {
  const id = `i${++seq}`;
  return { id, guid: id, url: null, title, summary: '', contentHtml: '', text, author: null, publishedAt: `2026-02-${String(10 + (seq % 18)).padStart(2, '0')}T10:00:00.000Z`, categories: [], imageUrl: null, enclosures: [], language };
}

describe('SearchEngine over stored items', () => {
  let db: PressWatchDb;
  let engine: SearchEngine;
  const titles = new Map<string, string>();

  beforeEach(async () => {
    titles.clear();
    db = openDatabase(`search-${Math.random()}`);
    engine = new SearchEngine(db);
    await db.sources.bulkPut([
      { id: 'zakon', name: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', kind: 'feed', language: 'ru', group: '', intervalMinutes: 15, enabled: true, browserUserAgent: false, addedAt: '' },
      { id: 'at', name: 'The Astana Times', url: 'https://astanatimes.com/feed/', kind: 'feed', language: 'en', group: '', intervalMinutes: 15, enabled: true, browserUserAgent: false, addedAt: '' },
    ]);
    const ru = [
      item('Токаев и Вучич провели брифинг для СМИ', 'Президент Сербии Александр Вучич прилетел в Астану.'),
      item('Вучичу вручили орден «Алтын Қыран»', 'Глава государства наградил президента Сербии.'),
      item('Цены на серебро выросли', 'Серебро подорожало на бирже.'),
      item('Ақордада келіссөздер өтті', 'Тоқаев Сербия Президентін қабылдады.', 'kk'),
    ];
    const en = [item('Tokayev and Vučić brief the media after talks', 'The presidents of Kazakhstan and Serbia met in Astana.', 'en')];
    const feed = { title: 'x', url: 'https://x/', siteUrl: null, format: 'rss' as const, language: 'ru' };
    await storeBatch(db, { batchId: 'b1', sourceId: 'zakon', fetchedAt: '2026-02-26T13:00:00Z', feed, items: ru });
    await storeBatch(db, { batchId: 'b2', sourceId: 'at', fetchedAt: '2026-02-26T13:00:00Z', feed, items: en });
    for (const stored of await db.items.toArray()) titles.set(stored.key, stored.title);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  // Every answer is checked twice: with the items still waiting for the indexer (read one by
  // one), and after the indexer has put them in the postings (answered by the index).
  const found = async (query: string) => {
    const run = async () => {
      const outcome = await engine.search(query);
      if (!outcome.ok) throw new Error(outcome.error.message);
      return [...outcome.keys].map((k) => titles.get(k)).sort();
    };
    const pending = await run();
    await indexPending(db);
    const indexed = await run();
    expect(indexed).toEqual(pending);
    return indexed;
  };

  it('finds every form and spelling of a name, never the silver', async () => {
    expect(await found('Вучич')).toEqual([
      'Tokayev and Vučić brief the media after talks',
      'Вучичу вручили орден «Алтын Қыран»',
      'Токаев и Вучич провели брифинг для СМИ',
    ]);
    expect(await found('Сербия')).not.toContain('Цены на серебро выросли');
    expect(await found('Токаев')).toContain('Ақордада келіссөздер өтті');
    expect(await found('Акорда')).toEqual(['Ақордада келіссөздер өтті']);
  });

  it('combines words, OR, NOT, phrases, prefixes and fields', async () => {
    expect(await found('Вучич -брифинг')).toEqual(['Tokayev and Vučić brief the media after talks', 'Вучичу вручили орден «Алтын Қыран»']);
    expect(await found('"провели брифинг"')).toEqual(['Токаев и Вучич провели брифинг для СМИ']);
    expect(await found('сереб*')).toEqual(['Цены на серебро выросли']);
    expect(await found('source:"Astana Times" Вучич')).toEqual(['Tokayev and Vučić brief the media after talks']);
    expect(await found('lang:kk')).toEqual(['Ақордада келіссөздер өтті']);
    expect(await found('title:орден')).toEqual(['Вучичу вручили орден «Алтын Қыран»']);
    expect(await found('title:Вучич')).toEqual(['Tokayev and Vučić brief the media after talks', 'Вучичу вручили орден «Алтын Қыран»', 'Токаев и Вучич провели брифинг для СМИ']);
    expect(await found('title:Сербия')).toEqual([]);
    expect(await found('=Вучичу')).toEqual(['Вучичу вручили орден «Алтын Қыран»']);
    expect(await found('=вучич')).toEqual(['Токаев и Вучич провели брифинг для СМИ']);
  });

  it('finds longer phrases only as a run of words in one field, in the title alone for title:', async () => {
    expect(await found('"провели брифинг для"')).toEqual(['Токаев и Вучич провели брифинг для СМИ']);
    // Each word by its stem: the phrase in other cases is the same phrase.
    expect(await found('"президента Сербии Александра Вучича"')).toEqual(['Токаев и Вучич провели брифинг для СМИ']);
    expect(await found('"Президент Сербии Александр Вучич"')).toEqual(['Токаев и Вучич провели брифинг для СМИ']);
    expect(await found('"Александр Вучич Сербии"')).toEqual([]);
    // Both pairs are in the item ("Александр Вучич" in the text, "Вучич провели" in the title), the run is not.
    expect(await found('"Александр Вучич провели"')).toEqual([]);
    expect(await found('"брифинг для СМИ Президент"')).toEqual([]); // the title's end and the text's start
    expect(await found('title:"провели брифинг для"')).toEqual(['Токаев и Вучич провели брифинг для СМИ']);
    expect(await found('title:"Президент Сербии Александр"')).toEqual([]);
    expect(await found('"presidents of Kazakhstan"')).toEqual(['Tokayev and Vučić brief the media after talks']);
    expect(await found('"the presidents of Kazakhstan and Serbia"')).toEqual(['Tokayev and Vučić brief the media after talks']);
  });

  it('keeps a longer phrase right while items arrive and change after it was first searched', async () => {
    const phrase = '"провели брифинг для"';
    expect(await found(phrase)).toEqual(['Токаев и Вучич провели брифинг для СМИ']);
    const feed = { title: 'x', url: 'https://x/', siteUrl: null, format: 'rss' as const, language: 'ru' };
    const arriving = [
      item('Министры провели брифинг для журналистов', 'В Астане.'),
      // Both pairs, not in one run.
      item('Министры провели брифинг', 'Сегодня брифинг для прессы не состоялся.'),
    ];
    await storeBatch(db, { batchId: 'b3', sourceId: 'zakon', fetchedAt: '2026-02-26T14:00:00Z', feed, items: arriving });
    // The outlet edits the first item: the phrase is gone from it.
    const stored = (await db.items.toArray()).find((row) => row.title === 'Токаев и Вучич провели брифинг для СМИ')!;
    const edit: FeedItem = { ...item('Токаев и Вучич провели переговоры', stored.text), id: stored.id, guid: stored.guid };
    await storeBatch(db, { batchId: 'b4', sourceId: 'zakon', fetchedAt: '2026-02-26T15:00:00Z', feed, items: [edit] });
    for (const stored of await db.items.toArray()) titles.set(stored.key, stored.title);
    expect(await found(phrase)).toEqual(['Министры провели брифинг для журналистов']);
  });

  it('answers tag: from the tags the user applied', async () => {
    await db.tags.add({ id: 't1', name: 'Визит Вучича', color: '#c00' });
    const key = [...titles.entries()].find(([, t]) => t.startsWith('Цены'))![0];
    await addTag(db, [key], 't1');
    expect(await found('tag:визит')).toEqual(['Цены на серебро выросли']);
    expect(await found('тег:визит')).toEqual(['Цены на серебро выросли']);
    expect(await found('серебро -метка:визит')).toEqual([]);
  });

  it('reports a malformed query instead of returning nothing', async () => {
    const outcome = await engine.search('(Вучич OR');
    expect(outcome.ok).toBe(false);
  });
});
