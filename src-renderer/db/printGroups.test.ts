import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src-shared/similarity';
import { movePrintRowsIntoGroups, newestPrints, printGroupsOf, PRINTS_PER_GROUP, removePrints } from './printGroups';
import { openDatabase, type PressWatchDb } from './schema';
import type { StoryPrint } from './stories';

const fp = fingerprint({ title: 'Вучич в Астане', text: 'Президент Сербии прибыл с государственным визитом.', language: 'ru' });
const print = (key: string, publishedAt: string): StoryPrint => ({ key, storyId: key, publishedAt, fp });
const day = (n: number) => `2026-02-${String(n).padStart(2, '0')}T12:00:00Z`;

describe('story prints kept in groups', () => {
  let db: PressWatchDb;
  beforeEach(() => {
    db = openDatabase(`prints-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('splits a large write into groups and notes each group’s newest print', () => {
    const prints = Array.from({ length: PRINTS_PER_GROUP + 3 }, (_, i) => print(`k${i}`, day(1 + (i % 20))));
    const groups = printGroupsOf(prints);
    expect(groups.map((g) => g.prints.length)).toEqual([PRINTS_PER_GROUP, 3]);
    expect(groups.map((g) => g.newest)).toEqual([day(20), day(3)]);
    expect(groups[1]!.keys).toEqual(['k500', 'k501', 'k502']);
  });

  it('finds exactly the newest prints, also when an older group holds some of them', async () => {
    // Written in this order: a backfill of old items whose last one is recent, then a fresh poll.
    await db.printGroups.bulkAdd(printGroupsOf([print('old1', day(1)), print('old2', day(2)), print('late', day(9))]));
    await db.printGroups.bulkAdd(printGroupsOf([print('new1', day(10)), print('new2', day(8))]));
    await db.printGroups.bulkAdd(printGroupsOf([print('older', day(3))]));
    expect((await newestPrints(db.printGroups, 3)).map((p) => p.key)).toEqual(['new1', 'late', 'new2']);
    expect((await newestPrints(db.printGroups, 4)).map((p) => p.key)).toEqual(['new1', 'late', 'new2', 'older']);
    expect((await newestPrints(db.printGroups, 100)).map((p) => p.key)).toEqual(['new1', 'late', 'new2', 'older', 'old2', 'old1']);
  });

  it('takes removed items’ prints out of their groups and drops a group left empty', async () => {
    await db.printGroups.bulkAdd(printGroupsOf([print('a', day(1)), print('b', day(5))]));
    await db.printGroups.bulkAdd(printGroupsOf([print('c', day(2))]));
    await removePrints(db.printGroups, ['b', 'c', 'missing']);
    const groups = await db.printGroups.toArray();
    expect(groups.map((g) => [g.keys, g.newest])).toEqual([[['a'], day(1)]]);
    expect(await db.printGroups.where('keys').equals('b').count()).toBe(0);
  });

  it('moves prints stored a row each into groups in publication order and empties the old table', async () => {
    const rows = Array.from({ length: PRINTS_PER_GROUP + 1 }, (_, i) => print(`k${String(i).padStart(4, '0')}`, new Date(Date.UTC(2026, 1, 1) + (PRINTS_PER_GROUP - i) * 60_000).toISOString()));
    await db.storyPrints.bulkPut(rows);
    await db.transaction('rw', [db.storyPrints, db.printGroups], () => movePrintRowsIntoGroups(db.storyPrints, db.printGroups));
    expect(await db.storyPrints.count()).toBe(0);
    const groups = await db.printGroups.toArray();
    // Oldest first: the first group holds the 500 oldest, the newest print is alone in the last.
    expect(groups.map((g) => g.prints.length)).toEqual([PRINTS_PER_GROUP, 1]);
    expect(groups[0]!.keys[0]).toBe(`k${String(PRINTS_PER_GROUP).padStart(4, '0')}`);
    expect((await newestPrints(db.printGroups, 1)).map((p) => p.key)).toEqual(['k0000']);
  });
});
