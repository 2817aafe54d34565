import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { defineVersion1, openDatabase } from './schema';

describe('schema history', () => {
  it('opens a database written by version 1 and upgrades it without loss', async () => {
    const name = 'upgrade-from-v1';
    const v1 = new Dexie(name);
    defineVersion1(v1);
    await v1.open();
    await v1.table('sources').put({ id: 'zakon', name: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', kind: 'feed', language: 'ru', group: 'Казахстан', intervalMinutes: 15, enabled: true, browserUserAgent: false, addedAt: '2026-02-01T00:00:00Z' });
    await v1.table('items').bulkPut([
      { key: 'zakon\u0000a', id: 'a', sourceId: 'zakon', title: 'Токаев и Вучич провели брифинг', summary: '', text: 'Президент Сербии в Астане', contentHtml: '', publishedAt: '2026-02-26T12:45:00Z', read: 1, feedTitle: 'Zakon.kz', fetchedAt: '2026-02-26T13:00:00Z', language: 'ru' },
      { key: 'zakon\u0000b', id: 'b', sourceId: 'zakon', title: 'Астанада кітапхана ашылды', summary: '', text: '', contentHtml: '', publishedAt: '2026-02-26T09:10:00Z', read: 0, feedTitle: 'Zakon.kz', fetchedAt: '2026-02-26T13:00:00Z', language: 'kk' },
    ]);
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    const items = await db.items.orderBy('publishedAt').toArray();
    expect(items.map((i) => [i.title, i.read, i.starred, i.clipped, i.tagIds])).toEqual([
      ['Астанада кітапхана ашылды', 0, 0, 0, []],
      ['Токаев и Вучич провели брифинг', 1, 0, 0, []],
    ]);
    // The upgrade indexed the old items for search.
    expect((await db.postings.where('term').equals('c:вучич').toArray()).flatMap((p) => p.keys)).toEqual(['zakon\u0000a']);
    expect((await db.sources.get('zakon'))?.group).toBe('Казахстан');
    db.close();
    await db.delete();
  });
});
