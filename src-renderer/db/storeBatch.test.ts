import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedItem, ItemBatch } from '../../src-shared/model';
import { openDatabase, type PressWatchDb } from './schema';
import { storeBatch } from './storeBatch';

function item(id: string, title: string): FeedItem {
  return {
    id, guid: id, url: `https://www.zakon.kz/${id}.html`, title, summary: title, contentHtml: `<p>${title}</p>`, text: title,
    author: null, publishedAt: '2026-02-26T12:45:00.000Z', categories: [], imageUrl: null, enclosures: [], language: 'ru',
  };
}

function batch(batchId: string, items: FeedItem[]): ItemBatch {
  return { batchId, sourceId: 'zakon', fetchedAt: '2026-02-26T13:00:00.000Z', feed: { title: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', siteUrl: null, format: 'rss', language: 'ru' }, items };
}

describe('storeBatch', () => {
  let db: PressWatchDb;
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('stores a batch once even when it is replayed', async () => {
    db = openDatabase('t-replay');
    const b = batch('b1', [item('a', 'Токаев и Вучич провели брифинг'), item('b', 'Астанада кітапхана ашылды')]);
    expect(await storeBatch(db, b)).toEqual({ added: 2, updated: 0 });
    expect(await storeBatch(db, b)).toEqual({ added: 0, updated: 2 });
    expect(await db.items.count()).toBe(2);
  });

  it('keeps the read state when the outlet corrects a title', async () => {
    db = openDatabase('t-correct');
    await storeBatch(db, batch('b1', [item('a', 'Вучич прилетел в Астану')]));
    const [stored] = await db.items.toArray();
    await db.items.update(stored!.key, { read: 1 });
    await storeBatch(db, batch('b2', [item('a', 'Вучич прилетел в Астану с официальным визитом')]));
    const [after] = await db.items.toArray();
    expect(after!.title).toBe('Вучич прилетел в Астану с официальным визитом');
    expect(after!.read).toBe(1);
  });
});
