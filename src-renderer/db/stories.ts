// Stories as they are stored: every item gets a storyId when it arrives, found through a band
// index kept in the database (so grouping survives restarts) and decided by src-shared/similarity.
// The functions take table handles rather than the database, so the same code runs inside
// storeBatch's transaction and inside the schema upgrade's version-change transaction.
import type { EntityTable } from 'dexie';
import { fingerprint, StoryGrouper, type Fingerprint, type GroupedItem } from '../../src-shared/similarity';

/** One story: the items that tell it, in whichever outlets. Its id is the key of the item that started it. */
export interface Story {
  id: string;
  /** The earliest published member (ties by key): the first publisher. */
  firstItemKey: string;
  firstPublishedAt: string;
  latestPublishedAt: string;
  /** Number of items (= itemKeys.length); indexed so the multi-item stories are read alone. */
  size: number;
  itemKeys: string[];
  /** Distinct outlets, in the order they joined. */
  sourceIds: string[];
  updatedAt: string;
}

/** A band key of the LSH index and the items stored under it, newest last, at most {@link BAND_LIMIT}. */
export interface StoryBand {
  band: string;
  keys: string[];
}

/** What the decision needs of an item already grouped: its fingerprint (without band keys) and story. */
export interface StoryPrint {
  key: string;
  storyId: string;
  publishedAt: string;
  fp: Omit<Fingerprint, 'bands'>;
}

export interface StoryTables {
  stories: EntityTable<Story, 'id'>;
  storyBands: EntityTable<StoryBand, 'band'>;
  storyPrints: EntityTable<StoryPrint, 'key'>;
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

/**
 * Items kept per band key, newest by arrival. A band shared by hundreds of items (boilerplate, a
 * name in every report) says little, and an arrival looks at only {@link STORED_PER_ARRIVAL}
 * items across its twenty-odd bands, the newest of each in turn; a longer row would only make
 * every write of it dearer (measured: band-row writes were the largest share of the cost).
 */
export const BAND_LIMIT = 16;

/** Candidates compared per arrival at most, the nearest in time kept (the grouper's own bound is 200). */
export const MAX_CANDIDATES = 100;
/** Stored items whose fingerprints are read per arrival at most. */
export const STORED_PER_ARRIVAL = 48;
/** Members of one story compared per arrival at most, the nearest in time. */
export const PER_STORY_CANDIDATES = 8;

const byTimeThenKey = (a: { publishedAt: string; key: string }, b: { publishedAt: string; key: string }) =>
  a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/**
 * Gives each item a story: an existing one found through the band index, or a new one. Writes the
 * band rows, the items' prints and the story rows; the caller writes `storyId` on the items.
 * Must run inside a transaction over the three tables (and whatever else the caller writes).
 */
export async function assignStories(tables: StoryTables, items: readonly GroupableItem[], now: string): Promise<Map<string, string>> {
  const assigned = new Map<string, string>();
  if (items.length === 0) return assigned;
  // Oldest first, so that within one batch the story is named after its first publisher.
  const ordered = [...items].sort(byTimeThenKey);
  const prints = ordered.map((item) => ({
    item,
    // The feed's text, else its summary: an item with a title only still gets the title's shingles.
    fp: fingerprint({ title: item.title, text: item.text || item.summary || '', language: item.language }),
  }));

  const bandKeys = [...new Set(prints.flatMap((p) => p.fp.bands))];
  const bandRows = await tables.storyBands.bulkGet(bandKeys);
  const bands = new Map<string, string[]>();
  bandKeys.forEach((band, i) => bands.set(band, bandRows[i]?.keys ?? []));
  // Which stored items each arrival looks at, chosen before any print is read: the newest under
  // each of its bands in turn. Crowded bands would otherwise have every arrival read thousands of prints.
  const picks = prints.map(({ fp }) => pickStored(fp.bands.map((band) => bands.get(band)!)));
  const candidateKeys = [...new Set(picks.flat())];
  // Candidates by item key, made once per batch: a crowded band lists the same items for many arrivals.
  const known = new Map<string, GroupedItem>();
  const timeOf = new Map<string, number>();
  for (const row of await tables.storyPrints.bulkGet(candidateKeys)) {
    if (!row) continue;
    known.set(row.key, { id: row.key, publishedAt: row.publishedAt, storyId: row.storyId, fingerprint: { ...row.fp, bands: [] } });
    timeOf.set(row.key, Date.parse(row.publishedAt));
  }

  // Each candidate once, and only the ones nearest in time when bands are crowded (the same
  // agency text in every outlet every day): the decision then costs a bounded number of comparisons.
  let arrivalMs = 0;
  let arrivalPicks: string[] = [];
  // Items of this batch already grouped, by band: later arrivals of the batch meet them too.
  const batchBands = new Map<string, string[]>();
  const grouper = new StoryGrouper((keys) => {
    const seen = new Set<string>();
    const found: Array<{ candidate: GroupedItem; distance: number }> = [];
    const consider = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      // Keys of items since removed have no print: skipped (the band's bound pushes them out).
      const candidate = known.get(key);
      if (candidate) found.push({ candidate, distance: Math.abs((timeOf.get(key) ?? 0) - arrivalMs) });
    };
    for (const key of arrivalPicks) consider(key);
    for (const band of keys) for (const key of batchBands.get(band) ?? []) consider(key);
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
  });

  const dirtyBands = new Set<string>();
  const newPrints: StoryPrint[] = [];
  prints.forEach(({ item, fp }, index) => {
    arrivalMs = Date.parse(item.publishedAt);
    arrivalPicks = picks[index]!;
    const { storyId } = grouper.assignSync({ id: item.key, publishedAt: item.publishedAt, fingerprint: fp });
    assigned.set(item.key, storyId);
    const { bands: itemBands, ...stored } = fp;
    newPrints.push({ key: item.key, storyId, publishedAt: item.publishedAt, fp: stored });
    known.set(item.key, { id: item.key, publishedAt: item.publishedAt, storyId, fingerprint: fp });
    timeOf.set(item.key, arrivalMs);
    for (const band of itemBands) {
      const inBatch = batchBands.get(band);
      if (inBatch) inBatch.push(item.key);
      else batchBands.set(band, [item.key]);
      const list = bands.get(band)!;
      list.push(item.key);
      if (list.length > BAND_LIMIT) list.splice(0, list.length - BAND_LIMIT);
      dirtyBands.add(band);
    }
  });

  await tables.storyPrints.bulkPut(newPrints);
  await tables.storyBands.bulkPut([...dirtyBands].map((band) => ({ band, keys: bands.get(band)! })));
  await updateStoryRows(tables, ordered, assigned, now);
  return assigned;
}

/** Stored items an arrival looks at: the newest under each of its bands in turn, distinct, at most {@link STORED_PER_ARRIVAL}. */
function pickStored(lists: ReadonlyArray<readonly string[]>): string[] {
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

async function updateStoryRows(tables: StoryTables, items: readonly GroupableItem[], assigned: Map<string, string>, now: string): Promise<void> {
  const storyIds = [...new Set(assigned.values())];
  const rows = await tables.stories.bulkGet(storyIds);
  const stories = new Map<string, Story>();
  storyIds.forEach((id, i) => {
    const row = rows[i];
    if (row) stories.set(id, { ...row, itemKeys: [...row.itemKeys], sourceIds: [...row.sourceIds] });
  });
  for (const item of items) {
    const id = assigned.get(item.key)!;
    const story = stories.get(id);
    if (!story) {
      stories.set(id, { id, firstItemKey: item.key, firstPublishedAt: item.publishedAt, latestPublishedAt: item.publishedAt, size: 1, itemKeys: [item.key], sourceIds: [item.sourceId], updatedAt: now });
      continue;
    }
    if (story.itemKeys.includes(item.key)) continue;
    story.itemKeys.push(item.key);
    story.size = story.itemKeys.length;
    if (!story.sourceIds.includes(item.sourceId)) story.sourceIds.push(item.sourceId);
    if (byTimeThenKey(item, { publishedAt: story.firstPublishedAt, key: story.firstItemKey }) < 0) {
      story.firstItemKey = item.key;
      story.firstPublishedAt = item.publishedAt;
    }
    if (item.publishedAt > story.latestPublishedAt) story.latestPublishedAt = item.publishedAt;
    story.updatedAt = now;
  }
  await tables.stories.bulkPut([...stories.values()]);
}

/**
 * Takes removed items out of their stories: a story loses the members, gets a new first
 * publisher and outlet list from those left, and goes when none is left. Their prints go too, so
 * they are never a candidate again; band rows drop their keys when next written.
 */
export async function removeFromStories(
  tables: StoryTables & { items: { bulkGet(keys: string[]): PromiseLike<Array<{ key: string; sourceId: string; publishedAt: string } | undefined>> } },
  removed: ReadonlyArray<{ key: string; storyId?: string }>,
  now: string,
): Promise<void> {
  if (removed.length === 0) return;
  await tables.storyPrints.bulkDelete(removed.map((r) => r.key));
  const gone = new Set(removed.map((r) => r.key));
  const storyIds = [...new Set(removed.flatMap((r) => (r.storyId ? [r.storyId] : [])))];
  const rows = (await tables.stories.bulkGet(storyIds)).filter((row): row is Story => row !== undefined);
  const emptied: string[] = [];
  const kept: Story[] = [];
  for (const story of rows) {
    const left = story.itemKeys.filter((key) => !gone.has(key));
    if (left.length === 0) {
      emptied.push(story.id);
      continue;
    }
    const members = (await tables.items.bulkGet(left)).filter((m) => m !== undefined).sort(byTimeThenKey);
    if (members.length === 0) {
      emptied.push(story.id);
      continue;
    }
    kept.push({
      ...story,
      itemKeys: members.map((m) => m.key),
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
