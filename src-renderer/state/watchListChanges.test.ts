import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/schema';
import { addTag } from '../db/itemTags';
import { watchListChanges } from './watchListChanges';

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('watchListChanges', () => {
  it('tells item changes, tag changes and read-state changes apart', async () => {
    const db = openDatabase('watch-list-changes');
    // Opening (creating) the database counts as a change of every table: watch after it.
    await db.open();
    await settle();
    const seen: string[] = [];
    const stop = watchListChanges(db, { items: () => seen.push('items'), tags: () => seen.push('tags'), read: () => seen.push('read') }, 20);
    const item = {
      key: 'zakon\u0000a', id: 'a', guid: 'a', url: null, title: 'Токаев и Вучич провели брифинг', summary: '', contentHtml: '', text: '', author: null,
      publishedAt: '2026-02-26T12:45:00Z', categories: ['Политика'], imageUrl: null, enclosures: [], language: 'ru', sourceId: 'zakon', feedTitle: 'Zakon.kz',
      fetchedAt: '2026-02-26T13:00:00Z', read: 0 as const, starred: 0 as const, clipped: 0 as const,
    };
    await db.items.add(item);
    await settle();
    expect(seen).toEqual(['items']);
    await addTag(db, [item.key], 'tag-visit');
    await settle();
    expect(seen).toEqual(['items', 'tags']);
    // Marking read is a change of the read state alone (the item's arrays are unchanged too).
    await db.items.update(item.key, { read: 1 });
    await settle();
    expect(seen).toEqual(['items', 'tags', 'read']);
    await db.items.update(item.key, { starred: 1 });
    await settle();
    expect(seen).toEqual(['items', 'tags', 'read', 'items']);
    stop();
    db.close();
    await db.delete();
  });
});
