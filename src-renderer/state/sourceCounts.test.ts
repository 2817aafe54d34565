import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase, type StoredItem, type StoredSource } from '../db/schema';
import { sourceCounts, startOfLocalDay, timeSlices } from './sourceCounts';

function stored(sourceId: string, id: string, publishedAt: string): StoredItem {
  return {
    key: `${sourceId}\u0000${id}`, id, guid: id, url: null, title: id, summary: '', contentHtml: '', text: '', author: null, publishedAt, categories: [], imageUrl: null,
    enclosures: [], language: 'ru', sourceId, feedTitle: sourceId, fetchedAt: publishedAt, read: 0, starred: 0, clipped: 0,
  };
}

const source = (id: string): StoredSource => ({ id, name: id, url: `https://${id}.kz/rss`, kind: 'feed', language: 'ru', group: '', intervalMinutes: 15, enabled: true, browserUserAgent: false, addedAt: '' });

describe('sourceCounts', () => {
  it('counts every stored item and those published since the reader\'s midnight, per source', async () => {
    const db = openDatabase('source-counts');
    const now = new Date(2026, 1, 26, 15, 0); // 26 February, 15:00 local time
    const local = (day: number, hour: number) => new Date(2026, 1, day, hour, 30).toISOString();
    await db.items.bulkPut([
      stored('zakon', 'a', local(26, 9)),
      stored('zakon', 'b', local(26, 0)),
      stored('zakon', 'c', local(25, 23)),
      stored('akorda', 'd', local(24, 12)),
    ]);
    const counts = await sourceCounts(db, [source('zakon'), source('akorda'), source('empty')], now);
    expect(counts).toEqual({ zakon: { total: 3, today: 2 }, akorda: { total: 1, today: 0 }, empty: { total: 0, today: 0 } });
    db.close();
  });

  it('counts a long archive slice by slice without missing or repeating an item', async () => {
    const db = openDatabase('source-counts-slices');
    const now = new Date(2026, 1, 26, 15, 0);
    // 500 items over 500 days, some sharing a time, one at the very last moment.
    const items = Array.from({ length: 500 }, (_, i) => stored('zakon', `z${i}`, new Date(Date.UTC(2024, 1, 26) + Math.floor(i / 2) * 2 * 86_400_000).toISOString()));
    items.push(stored('zakon', 'last', new Date(2026, 1, 26, 14, 59).toISOString()));
    await db.items.bulkPut(items);
    expect(await sourceCounts(db, [source('zakon')], now)).toEqual({ zakon: { total: 501, today: 1 } });
    db.close();
  });

  it('slices a time range into half-open pieces that cover it', () => {
    const slices = timeSlices('2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z', 4);
    expect(slices).toEqual([
      ['', '2026-01-02T00:00:00.000Z', false],
      ['2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', false],
      ['2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z', false],
      ['2026-01-04T00:00:00.000Z', '', true],
    ]);
    expect(timeSlices('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 4)).toEqual([['', '', true]]);
  });

  it('starts the day at local midnight', () => {
    const now = new Date(2026, 1, 26, 0, 5);
    expect(new Date(startOfLocalDay(now)).getTime()).toBe(new Date(2026, 1, 26).getTime());
  });
});
