import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedItem, ItemBatch } from '../../src-shared/model';
import { STORIES, type LabelledItem } from '../../src-shared/similarity/testdata/stories';
import { cleanUpOldItems } from './cleanup';
import { groupItemsWithoutStory, openDatabase, type PressWatchDb } from './schema';
import { storeBatch } from './storeBatch';
import { expandRows, storyRows } from '../features/stories/storyRows';

function feedItem(item: LabelledItem): FeedItem {
  return {
    id: item.id, guid: item.id, url: null, title: item.title, summary: item.text.slice(0, 200), contentHtml: '', text: item.text,
    author: null, publishedAt: item.publishedAt, categories: [], imageUrl: null, enclosures: [], language: item.language,
  };
}

const sourceIdOf = (outlet: string) => outlet.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');

/** One batch per outlet, as the poller sends them. */
function batchesOf(items: readonly LabelledItem[], fetchedAt = '2026-02-27T00:00:00.000Z'): ItemBatch[] {
  const byOutlet = new Map<string, LabelledItem[]>();
  for (const item of items) byOutlet.set(item.outlet, [...(byOutlet.get(item.outlet) ?? []), item]);
  return [...byOutlet].map(([outlet, list]) => ({
    batchId: `b-${outlet}`,
    sourceId: sourceIdOf(outlet),
    fetchedAt,
    feed: { title: outlet, url: `https://example.kz/${sourceIdOf(outlet)}`, siteUrl: null, format: 'rss' as const, language: null },
    items: list.map(feedItem),
  }));
}

async function storyOf(db: PressWatchDb, id: string): Promise<string | undefined> {
  return (await db.items.filter((item) => item.id === id).first())?.storyId;
}

describe('stories as items are stored', () => {
  let db: PressWatchDb;
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('puts reports of one event from several outlets into one story, and other news elsewhere', async () => {
    db = openDatabase('stories-corpus');
    for (const batch of batchesOf(STORIES)) await storeBatch(db, batch);
    const items = await db.items.toArray();
    expect(items.every((item) => typeof item.storyId === 'string')).toBe(true);

    // The briefing: Zakon.kz's report and its reprints and retellings join one story.
    const briefing = STORIES.filter((s) => s.story === 'briefing');
    const briefingStories = new Map<string, number>();
    for (const s of briefing) {
      const id = (await storyOf(db, s.id))!;
      briefingStories.set(id, (briefingStories.get(id) ?? 0) + 1);
    }
    const [mainStory, mainSize] = [...briefingStories].sort((a, b) => b[1] - a[1])[0]!;
    expect(mainSize).toBeGreaterThanOrEqual(5);
    const story = (await db.stories.get(mainStory))!;
    expect(story.size).toBe(await db.items.where('storyId').equals(mainStory).count());
    expect(story.size).toBeGreaterThanOrEqual(mainSize);
    expect(story.sourceIds.length).toBeGreaterThanOrEqual(4);
    // Its first publisher is the earliest of its members.
    const members = items.filter((i) => i.storyId === mainStory).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    expect(story.firstItemKey).toBe(members[0]!.key);
    expect(story.latestPublishedAt).toBe(members.at(-1)!.publishedAt);

    // No story mixes two labelled events that only look alike (the daily rates of the 26th and 27th).
    const labelOf = new Map(STORIES.map((s) => [s.id, s.story]));
    const rates = items.filter((i) => labelOf.get(i.id)?.startsWith('rate-'));
    for (const a of rates) for (const b of rates) if (a.storyId === b.storyId) expect(labelOf.get(a.id)).toBe(labelOf.get(b.id));
    // A story of two items or more has a row counting them; an item alone in its story has none.
    const membersOf = new Map<string, number>();
    for (const item of items) membersOf.set(item.storyId!, (membersOf.get(item.storyId!) ?? 0) + 1);
    const rows = new Map((await db.stories.toArray()).map((row) => [row.id, row.size]));
    expect([...membersOf].filter(([, count]) => count > 1)).toEqual([...membersOf].filter(([id]) => rows.has(id)).map(([id]) => [id, rows.get(id)]));
    expect([...membersOf].some(([, count]) => count === 1)).toBe(true);
    expect(rows.size).toBe([...membersOf.values()].filter((count) => count > 1).length);
  });

  it('lists one row per story, under its first publisher, and a story row stands for all its items', async () => {
    db = openDatabase('stories-rows');
    for (const batch of batchesOf(STORIES)) await storeBatch(db, batch);
    const items = await db.items.orderBy('publishedAt').reverse().toArray();
    const rows = await storyRows(db, items.map((i) => i.key));
    const stories = await db.stories.toArray();
    expect(rows.keys).toHaveLength(new Set(items.map((i) => i.storyId)).size);
    for (const story of stories.filter((s) => s.size > 1)) {
      expect(rows.keys).toContain(story.firstItemKey);
      expect(rows.stories.get(story.firstItemKey)?.id).toBe(story.id);
      const members = items.filter((i) => i.storyId === story.id).map((i) => i.key).sort();
      expect(expandRows([story.firstItemKey], rows.members).sort()).toEqual(members);
    }
    // A lone item (its story has no row) is its own row and stands for itself.
    const lone = items.find((i) => !stories.some((s) => s.id === i.storyId))!;
    expect(rows.keys).toContain(lone.key);
    expect(expandRows([lone.key], rows.members)).toEqual([lone.key]);
  });

  it('changes nothing when a batch is replayed', async () => {
    db = openDatabase('stories-replay');
    const batches = batchesOf(STORIES.filter((s) => s.story === 'briefing' || s.story === 'order'));
    for (const batch of batches) await storeBatch(db, batch);
    const snapshot = async () => ({
      items: (await db.items.toArray()).map((i) => [i.key, i.storyId]),
      stories: await db.stories.toArray(),
      prints: (await db.printGroups.toArray()).flatMap((group) => group.prints),
    });
    const before = await snapshot();
    for (const batch of batches) await storeBatch(db, { ...batch, fetchedAt: '2026-03-01T00:00:00.000Z' });
    expect(await snapshot()).toEqual(before);
  });

  it('finds the story of an arrival after the database was closed and opened again', async () => {
    db = openDatabase('stories-restart');
    const briefing = STORIES.filter((s) => s.story === 'briefing');
    const zakon = briefing.find((s) => s.outlet === 'Zakon.kz')!;
    const reprint = briefing.find((s) => s.outlet === 'Zakon.kz (RSS)')!;
    await storeBatch(db, batchesOf([zakon])[0]!);
    db.close();
    db = openDatabase('stories-restart');
    await storeBatch(db, batchesOf([reprint])[0]!);
    const zakonStory = await storyOf(db, zakon.id);
    expect(await storyOf(db, reprint.id)).toBe(zakonStory);
    const story = (await db.stories.get(zakonStory!))!;
    expect(story.size).toBe(2);
    expect(story.sourceIds).toEqual([sourceIdOf('Zakon.kz'), sourceIdOf('Zakon.kz (RSS)')]);
  });

  it('a batch that fails to store leaves no trace in grouping: stored again, it starts its story afresh', async () => {
    db = openDatabase('stories-failed-batch');
    const [zakon, reprint] = STORIES.filter((s) => s.story === 'briefing');
    const good = batchesOf([zakon!])[0]!;
    // A value IndexedDB cannot store makes the item write, and so the whole transaction, fail.
    const broken = { ...good, items: [{ ...good.items[0]!, categories: [() => 'x'] as unknown as string[] }] };
    await expect(storeBatch(db, broken)).rejects.toThrow();
    expect(await db.stories.count()).toBe(0);
    await storeBatch(db, good);
    const story = (await storyOf(db, zakon!.id))!;
    // Alone in its story: the story is named after the item, and has no row yet.
    expect(story).toBe(`${sourceIdOf(zakon!.outlet)}\u0000${zakon!.id}`);
    expect(await db.stories.get(story)).toBeUndefined();
    await storeBatch(db, batchesOf([reprint!])[0]!);
    expect(await storyOf(db, reprint!.id)).toBe(story);
    // The reprint joins: the row starts from the stored item, and names the earlier of the two first publisher.
    const stored = (await db.items.get(story))!;
    const joined = (await db.items.get(`${sourceIdOf(reprint!.outlet)}\u0000${reprint!.id}`))!;
    const first = stored.publishedAt <= joined.publishedAt ? stored : joined;
    expect(await db.stories.get(story)).toMatchObject({ size: 2, firstItemKey: first.key, firstPublishedAt: first.publishedAt, sourceIds: [stored.sourceId, joined.sourceId] });
  });

  it('an edited item stays in its story', async () => {
    db = openDatabase('stories-edit');
    const [zakon, reprint] = STORIES.filter((s) => s.story === 'briefing');
    for (const batch of batchesOf([zakon!, reprint!])) await storeBatch(db, batch);
    const before = await storyOf(db, zakon!.id);
    await storeBatch(db, batchesOf([{ ...zakon!, title: zakon!.title + ' (обновлено)' }])[0]!);
    expect(await storyOf(db, zakon!.id)).toBe(before);
    expect((await db.stories.get(before!))?.size).toBe((await db.items.where('storyId').equals(before!).count()));
  });

  it('clean-up takes removed items out of their story and names the next first publisher', async () => {
    db = openDatabase('stories-cleanup');
    const briefing = STORIES.filter((s) => s.story === 'briefing');
    for (const batch of batchesOf(briefing, '2025-01-01T00:00:00.000Z')) await storeBatch(db, batch);
    const first = (await db.items.orderBy('publishedAt').first())!;
    const story = (await db.stories.get(first.storyId!))!;
    expect(story.firstItemKey).toBe(first.key);
    // Everything but one later member is old and untouched: the clean-up removes it.
    const keep = (await db.items.where('storyId').equals(story.id).primaryKeys()).find((k) => k !== first.key)!;
    await db.items.update(keep, { starred: 1 });
    await cleanUpOldItems(db, new Date('2026-03-01T00:00:00Z'));
    const after = (await db.stories.get(first.storyId!))!;
    expect(await db.items.where('storyId').equals(story.id).primaryKeys()).toEqual([keep]);
    expect(after.size).toBe(1);
    expect(after.firstItemKey).toBe(keep);
    expect((await db.printGroups.toArray()).flatMap((group) => group.keys).sort()).toEqual((await db.items.toCollection().primaryKeys()).sort());
  });

  it('items restored from a backup without stories join their stories', async () => {
    db = openDatabase('stories-restore');
    const briefing = STORIES.filter((s) => s.story === 'briefing');
    for (const batch of batchesOf(briefing)) await storeBatch(db, batch);
    const grouped = new Map((await db.items.toArray()).map((i) => [i.key, i.storyId]));
    // What a restore of an older backup leaves: items without a story, no story tables.
    await db.items.toCollection().modify((item) => {
      delete item.storyId;
    });
    await db.stories.clear();
    await db.printGroups.clear();
    expect(await groupItemsWithoutStory(db)).toBe(briefing.length);
    const after = await db.items.toArray();
    // The same grouping as when they arrived (story ids may differ; membership does not).
    const members = (story: Map<string, string | undefined>) => [...new Set(story.values())].map((id) => [...story].filter(([, s]) => s === id).map(([k]) => k).sort()).sort();
    expect(members(new Map(after.map((i) => [i.key, i.storyId])))).toEqual(members(grouped));
    expect(await groupItemsWithoutStory(db)).toBe(0);
  });
});
