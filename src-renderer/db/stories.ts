// Stories as they are stored: every item gets a storyId when it arrives, found through the band
// index of the newest items held in memory (storyMemory.ts, rebuilt after a restart from the
// stored prints, printGroups.ts) and decided by src-shared/similarity. The functions take table
// handles rather than the database, so the same code runs inside storeBatch's transaction and
// inside a schema upgrade's.
import type { EntityTable } from 'dexie';
import { fingerprint, StoryGrouper, type Fingerprint, type GroupedItem } from '../../src-shared/similarity';
import { newestPrints, printGroupsOf, removePrints, type PrintGroupTable, type PrintSink } from './printGroups';
import { memoryFromPrints, STORY_MEMORY_ITEMS, type HeldPrint, type StoryMemory } from './storyMemory';

/**
 * One story: the items that tell it, in whichever outlets. Its id is the key of the item that
 * started it. From version 6 on, a row is written once a story has two items: most items stay
 * alone in their story, and a row each cost storing as much as the item itself. An item without
 * a row is alone in its story (rows of single-item stories written before stay, and are read alike).
 */
export interface Story {
  id: string;
  /** The earliest published member (ties by key): the first publisher. */
  firstItemKey: string;
  firstPublishedAt: string;
  latestPublishedAt: string;
  /**
   * Number of items; indexed so the multi-item stories are read alone. The members themselves are
   * found through the items' `storyId` index (version 3 also listed them here, which made every
   * arrival in a story told thousands of times rewrite a row of thousands of keys).
   */
  size: number;
  /** Distinct outlets, in the order they joined. */
  sourceIds: string[];
  updatedAt: string;
}

/** What the decision needs of an item already grouped: its fingerprint and story. */
export interface StoryPrint {
  key: string;
  storyId: string;
  publishedAt: string;
  /** Band keys are stored from version 4 on; prints written before have none (see storyMemory.ts). */
  fp: Omit<Fingerprint, 'bands'> & { bands?: string[] };
}

/** Where grouping writes: the story rows, and the prints (see printGroups.ts); and where it reads a lone story's item. */
export interface StoryTables {
  stories: EntityTable<Story, 'id'>;
  printGroups: PrintSink;
  items: { bulkGet(keys: string[]): PromiseLike<Array<Pick<GroupableItem, 'key' | 'sourceId' | 'publishedAt'> | undefined>> };
}

/** Each database's memory, loaded on first use. */
const memories = new WeakMap<object, Promise<StoryMemory>>();

/**
 * The band index of the database's newest items, read from the newest prints the first time
 * (best outside a writing transaction, so the read locks nothing else). A failed load is not kept.
 */
export function storyMemoryOf(db: { printGroups: PrintGroupTable }): Promise<StoryMemory> {
  let memory = memories.get(db);
  if (!memory) {
    memory = newestPrints(db.printGroups, STORY_MEMORY_ITEMS).then((prints) => memoryFromPrints(prints));
    memories.set(db, memory);
    memory.catch(() => memories.delete(db));
  }
  return memory;
}

/**
 * Forgets a database's memory: after a transaction that grouped items failed (the memory may
 * hold prints that were never stored) or after the story tables were replaced (a restore).
 */
export function forgetStoryMemory(owner: object): void {
  memories.delete(owner);
}

/** The fields of an item grouping reads. */
export interface GroupableItem {
  key: string;
  sourceId: string;
  publishedAt: string;
  title: string;
  text: string;
  summary?: string;
  language: string | null;
}

/** Candidates compared per arrival at most, the nearest in time kept (the grouper's own bound is 200). */
export const MAX_CANDIDATES = 100;
/** Held items an arrival looks at, at most: the newest under each of its bands in turn. */
export const STORED_PER_ARRIVAL = 48;
/** Members of one story compared per arrival at most, the nearest in time. */
export const PER_STORY_CANDIDATES = 8;

const byTimeThenKey = (a: { publishedAt: string; key: string }, b: { publishedAt: string; key: string }) =>
  a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/** An item's fingerprint: the feed's text, else its summary (an item with a title only still gets the title's shingles). */
export function fingerprintOf(item: Pick<GroupableItem, 'title' | 'text' | 'summary' | 'language'>): Fingerprint {
  return fingerprint({ title: item.title, text: item.text || item.summary || '', language: item.language });
}

/** What {@link groupIntoStories} decided: each item's story, and what {@link writeStories} stores. */
export interface StoryGrouping {
  assigned: Map<string, string>;
  newPrints: StoryPrint[];
  joined: GroupableItem[];
}

/**
 * Gives each item a story: an existing one found through the memory's band index, or a new one.
 * Synchronous (the memory is in memory): the caller writes the result with {@link writeStories},
 * and `storyId` on the items. `fingerprints` may hold the items' fingerprints, computed earlier
 * by key; the others are computed here.
 */
export function groupIntoStories(memory: StoryMemory, items: readonly GroupableItem[], fingerprints?: ReadonlyMap<string, Fingerprint>): StoryGrouping {
  const grouping: StoryGrouping = { assigned: new Map(), newPrints: [], joined: [] };
  if (items.length === 0) return grouping;
  // Oldest first, so that within one batch the story is named after its first publisher.
  const ordered = [...items].sort(byTimeThenKey);
  let arrivalMs = 0;
  // Each candidate once, and only the ones nearest in time when bands are crowded (the same
  // agency text in every outlet every day): the decision then costs a bounded number of comparisons.
  const grouper = new StoryGrouper((bands) => candidatesFor(memory, bands, arrivalMs));
  for (const item of ordered) {
    const held = memory.get(item.key);
    if (held) {
      // Already grouped and counted (an item restored without its storyId while its print stayed).
      grouping.assigned.set(item.key, held.storyId);
      continue;
    }
    const fp = fingerprints?.get(item.key) ?? fingerprintOf(item);
    arrivalMs = Date.parse(item.publishedAt);
    const { storyId } = grouper.assignSync({ id: item.key, publishedAt: item.publishedAt, fingerprint: fp });
    grouping.assigned.set(item.key, storyId);
    grouping.newPrints.push({ key: item.key, storyId, publishedAt: item.publishedAt, fp });
    // Held at once, so later arrivals of the same batch meet it.
    memory.add({ id: item.key, publishedAt: item.publishedAt, storyId, fingerprint: fp });
    grouping.joined.push(item);
  }
  return grouping;
}

/**
 * Writes a grouping's prints and its stories' rows. Must run inside a transaction over the story
 * tables (and whatever else the caller writes); if that transaction fails, the caller forgets
 * the memory ({@link forgetStoryMemory}), which already holds the new prints.
 */
export async function writeStories(tables: StoryTables, grouping: StoryGrouping, now: string): Promise<void> {
  const prints = grouping.newPrints.length > 0 ? tables.printGroups.bulkAdd(printGroupsOf(grouping.newPrints)) : undefined;
  await Promise.all([prints, updateStoryRows(tables, grouping.joined, grouping.assigned, now)]);
}

/** {@link groupIntoStories} and {@link writeStories} in one: returns each item's story id. */
export async function assignStories(tables: StoryTables, memory: StoryMemory, items: readonly GroupableItem[], now: string): Promise<Map<string, string>> {
  const grouping = groupIntoStories(memory, items);
  await writeStories(tables, grouping, now);
  return grouping.assigned;
}

/** The held items an arrival is compared with: nearest in time first, a few per story, bounded. */
function candidatesFor(memory: StoryMemory, bands: readonly string[], arrivalMs: number): GroupedItem[] {
  const found: Array<{ candidate: HeldPrint; distance: number }> = [];
  for (const key of pickHeld(bands.map((band) => memory.band(band)))) {
    const candidate = memory.get(key);
    if (candidate) found.push({ candidate, distance: Math.abs(candidate.time - arrivalMs) });
  }
  // Nearest first; a few members per story are enough to recognise it, and keep one crowded
  // story from pushing every other story out of the bound.
  found.sort((a, b) => a.distance - b.distance);
  const perStory = new Map<string, number>();
  const chosen: GroupedItem[] = [];
  for (const { candidate } of found) {
    const seenOfStory = perStory.get(candidate.storyId) ?? 0;
    if (seenOfStory >= PER_STORY_CANDIDATES) continue;
    perStory.set(candidate.storyId, seenOfStory + 1);
    chosen.push(candidate);
    if (chosen.length >= MAX_CANDIDATES) break;
  }
  return chosen;
}

/** Held items an arrival looks at: the newest under each of its bands in turn, distinct, at most {@link STORED_PER_ARRIVAL}. */
function pickHeld(lists: ReadonlyArray<readonly string[]>): string[] {
  const out = new Set<string>();
  const deepest = Math.max(0, ...lists.map((list) => list.length));
  for (let depth = 0; depth < deepest && out.size < STORED_PER_ARRIVAL; depth++) {
    for (const list of lists) {
      if (depth >= list.length) continue;
      out.add(list[list.length - 1 - depth]!);
      if (out.size >= STORED_PER_ARRIVAL) break;
    }
  }
  return [...out];
}

/** A story row as this version writes it: rows restored from a version 3 backup still list their members. */
function storyRow(row: Story): Story {
  const { id, firstItemKey, firstPublishedAt, latestPublishedAt, size, sourceIds, updatedAt } = row;
  return { id, firstItemKey, firstPublishedAt, latestPublishedAt, size, sourceIds: [...sourceIds], updatedAt };
}

async function updateStoryRows(tables: StoryTables, items: readonly GroupableItem[], assigned: Map<string, string>, now: string): Promise<void> {
  if (items.length === 0) return;
  // A story started by one of these items is new, so it has no row to read: its id is the key of
  // an item grouped for the first time. Only the stories of earlier items are read.
  const startedHere = new Set(items.filter((item) => assigned.get(item.key) === item.key).map((item) => item.key));
  const earlier = [...new Set(items.map((item) => assigned.get(item.key)!))].filter((id) => !startedHere.has(id));
  const rows = earlier.length > 0 ? await tables.stories.bulkGet(earlier) : [];
  const stories = new Map<string, Story>();
  earlier.forEach((id, i) => {
    const row = rows[i];
    if (row) stories.set(id, storyRow(row));
  });
  // An earlier story without a row was told by one stored item, whose key is its id: the row
  // starts from that item.
  const lone = earlier.filter((id) => !stories.has(id));
  if (lone.length > 0) {
    for (const first of await tables.items.bulkGet(lone)) {
      if (first) stories.set(first.key, { id: first.key, firstItemKey: first.key, firstPublishedAt: first.publishedAt, latestPublishedAt: first.publishedAt, size: 1, sourceIds: [first.sourceId], updatedAt: now });
    }
  }
  for (const item of items) {
    const id = assigned.get(item.key)!;
    const story = stories.get(id);
    if (!story) {
      stories.set(id, { id, firstItemKey: item.key, firstPublishedAt: item.publishedAt, latestPublishedAt: item.publishedAt, size: 1, sourceIds: [item.sourceId], updatedAt: now });
      continue;
    }
    story.size++;
    if (!story.sourceIds.includes(item.sourceId)) story.sourceIds.push(item.sourceId);
    if (byTimeThenKey(item, { publishedAt: story.firstPublishedAt, key: story.firstItemKey }) < 0) {
      story.firstItemKey = item.key;
      story.firstPublishedAt = item.publishedAt;
    }
    if (item.publishedAt > story.latestPublishedAt) story.latestPublishedAt = item.publishedAt;
    story.updatedAt = now;
  }
  // Every story read or joined here has grown to two items or more; one started here and joined
  // by nobody yet stays without a row.
  const grown = [...stories.values()].filter((story) => story.size > 1);
  if (grown.length > 0) await tables.stories.bulkPut(grown);
}

/** A story's members as stored, read through the items' `storyId` index. */
interface MemberTable {
  where(index: 'storyId'): { equals(value: string): { toArray(): PromiseLike<Array<{ key: string; sourceId: string; publishedAt: string }>> } };
}

/**
 * Takes removed items out of their stories (call after the items are deleted, in the same
 * transaction): a story gets its size, first publisher and outlets from the members left, and
 * goes when none is left. Their prints go too, and the memory lets them go, so they are never a
 * candidate again.
 */
export async function removeFromStories(
  tables: { stories: EntityTable<Story, 'id'>; printGroups: PrintGroupTable; items: MemberTable },
  removed: ReadonlyArray<{ key: string; storyId?: string }>,
  now: string,
): Promise<void> {
  if (removed.length === 0) return;
  const held = memories.get(tables);
  if (held) (await held).forget(removed.map((r) => r.key));
  await removePrints(tables.printGroups, removed.map((r) => r.key));
  const storyIds = [...new Set(removed.flatMap((r) => (r.storyId ? [r.storyId] : [])))];
  const rows = (await tables.stories.bulkGet(storyIds)).filter((row): row is Story => row !== undefined);
  const emptied: string[] = [];
  const kept: Story[] = [];
  for (const story of rows) {
    const members = (await tables.items.where('storyId').equals(story.id).toArray()).sort(byTimeThenKey);
    if (members.length === 0) {
      emptied.push(story.id);
      continue;
    }
    kept.push({
      ...storyRow(story),
      size: members.length,
      sourceIds: [...new Set(members.map((m) => m.sourceId))],
      firstItemKey: members[0]!.key,
      firstPublishedAt: members[0]!.publishedAt,
      latestPublishedAt: members.at(-1)!.publishedAt,
      updatedAt: now,
    });
  }
  await tables.stories.bulkDelete(emptied);
  await tables.stories.bulkPut(kept);
}
