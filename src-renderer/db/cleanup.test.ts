import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { cleanUpOldItems, RETENTION_KEY } from './cleanup';
import { addTag, tagsOf } from './itemTags';
import { openDatabase, type StoredItem } from './schema';

function stored(id: string, fetchedAt: string, patch: Partial<StoredItem> = {}): StoredItem {
  const publishedAt = '2025-06-01T00:00:00Z'; // the item's own date does not count, only its age here
  return {
    key: `zakon\u0000${id}`, id, guid: id, url: null, title: id, summary: '', contentHtml: '', text: '', author: null, publishedAt, categories: [], imageUrl: null,
    enclosures: [], language: 'ru', sourceId: 'zakon', feedTitle: 'Zakon.kz', fetchedAt, read: 1, starred: 0, clipped: 0, ...patch,
  };
}

describe('cleanUpOldItems', () => {
  it('removes old items but never starred, tagged or clipped ones, and never clippings', async () => {
    const db = openDatabase('cleanup');
    await db.meta.put({ key: RETENTION_KEY, value: 30 });
    await db.items.bulkPut([
      stored('old', '2026-01-01T00:00:00Z'),
      stored('old-starred', '2026-01-01T00:00:00Z', { starred: 1 }),
      stored('old-tagged', '2026-01-01T00:00:00Z'),
      stored('old-clipped', '2026-01-01T00:00:00Z', { clipped: 1 }),
      stored('recent', '2026-02-20T00:00:00Z'),
    ]);
    await addTag(db, ['zakon\u0000old-tagged'], 'visit');
    await db.clippings.put({ id: 'c1', itemKey: 'zakon\u0000gone', clippedAt: '2026-01-02T00:00:00Z', item: stored('gone', '2026-01-01T00:00:00Z'), note: '', tone: 'neutral', tagIds: [], collectionIds: [], images: {} });
    expect(await cleanUpOldItems(db, new Date('2026-02-26T00:00:00Z'))).toBe(1);
    expect((await db.items.toArray()).map((i) => i.id).sort()).toEqual(['old-clipped', 'old-starred', 'old-tagged', 'recent']);
    expect(await db.clippings.count()).toBe(1);
    expect((await tagsOf(db, ['zakon\u0000old-tagged'])).get('zakon\u0000old-tagged')).toEqual(['visit']);
    db.close();
    await db.delete();
  });

  it('removes an archive larger than one step, step by step, and nothing at all when nothing is old', async () => {
    const db = openDatabase('cleanup-steps');
    await db.meta.put({ key: RETENTION_KEY, value: 30 });
    const old = Array.from({ length: 4_500 }, (_, i) => stored(`o${i}`, '2026-01-01T00:00:00Z', i === 4_321 ? { starred: 1 } : {}));
    await db.items.bulkPut([...old, stored('recent', '2026-02-20T00:00:00Z')]);
    expect(await cleanUpOldItems(db, new Date('2026-02-26T00:00:00Z'))).toBe(4_499);
    expect((await db.items.toArray()).map((i) => i.id).sort()).toEqual(['o4321', 'recent']);
    expect(await cleanUpOldItems(db, new Date('2026-02-26T00:00:00Z'))).toBe(0);
    db.close();
    await db.delete();
  });
});
