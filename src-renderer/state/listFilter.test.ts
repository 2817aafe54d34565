import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src-shared/model';
import { openDatabase, type PressWatchDb } from '../db/schema';
import { storeBatch } from '../db/storeBatch';
import { emptyFilter, listKeys } from './listFilter';

const feed = { title: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', siteUrl: null, format: 'rss' as const, language: 'ru' };
function item(id: string, title: string, publishedAt: string): FeedItem {
  return { id, guid: id, url: null, title, summary: '', contentHtml: '', text: title, author: null, publishedAt, categories: [], imageUrl: null, enclosures: [], language: 'ru' };
}
const ids = (keys: string[]) => keys.map((key) => key.split('\u0000')[1]);

describe('listKeys', () => {
  let db: PressWatchDb;
  beforeEach(async () => {
    db = openDatabase(`list-${Math.random()}`);
    await storeBatch(db, {
      batchId: 'b1', sourceId: 'zakon', fetchedAt: '2026-02-26T13:00:00Z', feed,
      items: [item('a', 'Вучич прилетел в Астану', '2026-02-25T08:00:00Z'), item('b', 'Курс тенге', '2026-02-26T09:00:00Z'), item('c', 'Токаев встретил Вучича', '2026-02-26T11:00:00Z')],
    });
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('lists by time either way, narrowed by the search, from one read of the order per revision', async () => {
    expect(ids((await listKeys(db, emptyFilter, 1)).keys)).toEqual(['c', 'b', 'a']);
    expect(ids((await listKeys(db, { ...emptyFilter, order: 'oldest' }, 1)).keys)).toEqual(['a', 'b', 'c']);
    expect(ids((await listKeys(db, { ...emptyFilter, query: 'Вучич' }, 1)).keys)).toEqual(['c', 'a']);
    expect(ids((await listKeys(db, { ...emptyFilter, query: 'Вучич', order: 'oldest' }, 1)).keys)).toEqual(['a', 'c']);
    await storeBatch(db, { batchId: 'b2', sourceId: 'zakon', fetchedAt: '2026-02-26T14:00:00Z', feed, items: [item('d', 'Вучич улетел из Астаны', '2026-02-26T13:30:00Z')] });
    // The app counts a revision for the new item (watchListChanges): the list then has it.
    expect(ids((await listKeys(db, { ...emptyFilter, query: 'Вучич' }, 2)).keys)).toEqual(['d', 'c', 'a']);
    expect(ids((await listKeys(db, emptyFilter, 2)).keys)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('narrows by source and by folder', async () => {
    await db.sources.bulkPut([
      { id: 'zakon', name: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', kind: 'feed', language: 'ru', group: 'Казахстан', intervalMinutes: 15, enabled: true, browserUserAgent: false, addedAt: '' },
      { id: 'n1', name: 'N1', url: 'https://n1info.rs/feed/', kind: 'feed', language: 'sr', group: 'Srbija', intervalMinutes: 15, enabled: true, browserUserAgent: false, addedAt: '' },
      { id: 'rts', name: 'RTS', url: 'https://www.rts.rs/rss', kind: 'feed', language: 'sr', group: 'Srbija', intervalMinutes: 15, enabled: true, browserUserAgent: false, addedAt: '' },
    ]);
    await storeBatch(db, { batchId: 'n', sourceId: 'n1', fetchedAt: '2026-02-26T14:00:00Z', feed, items: [item('n', 'Vučić u Astani', '2026-02-26T12:00:00Z')] });
    await storeBatch(db, { batchId: 'r', sourceId: 'rts', fetchedAt: '2026-02-26T14:00:00Z', feed, items: [item('r', 'Вучић у Астани: потписани споразуми', '2026-02-26T10:00:00Z')] });
    expect(ids((await listKeys(db, { ...emptyFilter, sourceId: 'n1' }, 1)).keys)).toEqual(['n']);
    expect(ids((await listKeys(db, { ...emptyFilter, sourceId: 'zakon' }, 1)).keys)).toEqual(['c', 'b', 'a']);
    expect(ids((await listKeys(db, { ...emptyFilter, group: 'Srbija' }, 1)).keys)).toEqual(['n', 'r']);
    expect(ids((await listKeys(db, { ...emptyFilter, group: 'Srbija', query: 'споразуми' }, 1)).keys)).toEqual(['r']);
  });

  it('narrows by day without the shared order', async () => {
    expect(ids((await listKeys(db, { ...emptyFilter, from: '2026-02-26', to: '2026-02-26' }, 1)).keys)).toEqual(['c', 'b']);
  });
});
