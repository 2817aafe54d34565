import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PressWatchDb } from '../db/schema';
import { hasPending, peekPending, pendingKeys, queueForIndex, takePeeked } from './pendingQueue';

describe('the indexer queue', () => {
  let db: PressWatchDb;
  beforeEach(() => {
    db = openDatabase(`queue-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  /** What the indexer does: peek, then take in a writing transaction. */
  const claim = async (max: number) => {
    const peek = await peekPending(db, max);
    expect(await db.transaction('rw', db.pendingIndex, () => takePeeked(db, peek))).toBe(true);
    return peek.keys;
  };

  it('keeps one row per write and gives the keys back oldest write first, each once', async () => {
    await queueForIndex(db, ['a', 'b', 'c']);
    await queueForIndex(db, ['d', 'b']);
    await queueForIndex(db, []);
    expect(await db.pendingIndex.count()).toBe(2);
    expect([...(await pendingKeys(db))].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(await claim(10)).toEqual(['a', 'b', 'c', 'd']);
    expect(await hasPending(db)).toBe(false);
  });

  it('takes a row in part and leaves the rest queued', async () => {
    await queueForIndex(db, ['a', 'b', 'c']);
    await queueForIndex(db, ['d', 'e']);
    expect(await claim(2)).toEqual(['a', 'b']);
    expect([...(await pendingKeys(db))].sort()).toEqual(['c', 'd', 'e']);
    expect(await claim(2)).toEqual(['c', 'd']);
    expect(await claim(2)).toEqual(['e']);
    expect(await claim(2)).toEqual([]);
  });

  it('claims every key of many rows, each once per claim', async () => {
    // Rows that overlap, as an item stored twice before the indexer ran (an outlet's quick edit).
    for (let row = 0; row < 30; row++) await queueForIndex(db, [`k${row}`, `k${row + 1}`]);
    const claims: string[][] = [];
    for (let step = 0; step < 20 && (await hasPending(db)); step++) claims.push(await claim(4));
    for (const keys of claims) expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(claims.flat())).toEqual(new Set(Array.from({ length: 31 }, (_, i) => `k${i}`)));
    expect(await hasPending(db)).toBe(false);
  });

  it('reads rows written before groups (one item key each) as groups of one', async () => {
    await db.pendingIndex.bulkPut([{ key: 'zakon\u00001' }, { key: 'zakon\u00002' }]);
    await queueForIndex(db, ['zakon\u00003']);
    expect([...(await pendingKeys(db))].sort()).toEqual(['zakon\u00001', 'zakon\u00002', 'zakon\u00003']);
    expect((await claim(10)).sort()).toEqual(['zakon\u00001', 'zakon\u00002', 'zakon\u00003']);
    expect(await db.pendingIndex.count()).toBe(0);
  });

  it('leaves the queue as it was when the writing transaction fails', async () => {
    await queueForIndex(db, ['a', 'b', 'c']);
    const peek = await peekPending(db, 2);
    await expect(
      db.transaction('rw', db.pendingIndex, async () => {
        await takePeeked(db, peek);
        throw new Error('indexing failed');
      }),
    ).rejects.toThrow('indexing failed');
    expect([...(await pendingKeys(db))].sort()).toEqual(['a', 'b', 'c']);
  });

  it('takes nothing when another run took the peeked keys first', async () => {
    await queueForIndex(db, ['a', 'b', 'c']);
    const mine = await peekPending(db, 2);
    expect(await claim(2)).toEqual(['a', 'b']);
    expect(await db.transaction('rw', db.pendingIndex, () => takePeeked(db, mine))).toBe(false);
    expect([...(await pendingKeys(db))]).toEqual(['c']);
  });
});
