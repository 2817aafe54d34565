// Stores batches from the poller, each group of them in a single transaction. Idempotent: the same batch stored
// twice (a replay after a crash) changes nothing, and a re-sent item keeps what the user did
// with it while its text is updated; an edited title or text keeps the earlier version.
// New items get the tags of the topics they match, join their story (a replay joins nothing:
// its items are already stored), and wait in the indexer's queue (search/pendingQueue.ts).
// The fingerprints, the costly part of grouping, are computed before the transaction
// (prepareBatch), so it holds its tables no longer than the writes take; a queue of batches
// (sync/batchPipeline.ts) computes the next batch's while this one's writes go to disk.
import type { ItemBatch } from '../../src-shared/model';
import type { Fingerprint } from '../../src-shared/similarity';
import { matchingTopics, type CompiledTopic } from '../topics/compileTopics';
import { queueForIndex } from '../search/pendingQueue';
import { addTag } from './itemTags';
import { itemKey, type PressWatchDb, type StoredItem } from './schema';
import { fingerprintOf, forgetStoryMemory, groupIntoStories, storyMemoryOf, writeStories } from './stories';
import type { StoryMemory } from './storyMemory';

export interface StoreResult {
  added: number;
  updated: number;
  /** New items per topic, for at most one notice per topic per poll. */
  topicHits: Map<string, { topic: CompiledTopic['topic']; count: number; firstTitle: string }>;
}

/** What storing a batch needs that takes no database: its items' fingerprints, by item key. */
export interface PreparedBatch {
  fingerprints: Map<string, Fingerprint>;
}

export function prepareBatch(batch: ItemBatch): PreparedBatch {
  const fingerprints = new Map<string, Fingerprint>();
  for (const item of batch.items) fingerprints.set(itemKey(batch.sourceId, item.id), fingerprintOf(item));
  return { fingerprints };
}

export interface StoreOptions {
  /** The batches prepared earlier, in the same order; each absent one is prepared here. */
  prepared?: ReadonlyArray<PreparedBatch | undefined>;
  /** Called once the writes are issued, while they are on their way to disk (it must not throw). */
  whileWriting?: () => void;
}

/** Stores one batch (see {@link storeBatches}). */
export async function storeBatch(db: PressWatchDb, batch: ItemBatch, topics: CompiledTopic[] = [], options: StoreOptions = {}): Promise<StoreResult> {
  return (await storeBatches(db, [batch], topics, options))[0]!;
}

/**
 * Stores batches in one transaction, as if one after another: a later batch sees what an earlier
 * one stored. All of them are stored or none: the caller that wants each batch to fail alone
 * stores them again one by one (sync/batchPipeline.ts does).
 */
export async function storeBatches(db: PressWatchDb, batches: readonly ItemBatch[], topics: CompiledTopic[] = [], options: StoreOptions = {}): Promise<StoreResult[]> {
  try {
    // Read before the transaction (the first time, the newest prints), so the rebuild holds no
    // lock on the items: the list and the reader keep reading meanwhile.
    const memory = await storyMemoryOf(db);
    const prepared = batches.map((batch, i) => options.prepared?.[i] ?? prepareBatch(batch));
    return await storeInTransaction(db, batches, topics, memory, prepared, options.whileWriting);
  } catch (error) {
    // The story memory may hold items of the batches that were never stored: it is read again.
    forgetStoryMemory(db);
    throw error;
  }
}

function storeInTransaction(
  db: PressWatchDb,
  batches: readonly ItemBatch[],
  topics: CompiledTopic[],
  memory: StoryMemory,
  prepared: readonly PreparedBatch[],
  whileWriting?: () => void,
): Promise<StoreResult[]> {
  return db.transaction('rw', [db.items, db.sources, db.pendingIndex, db.stories, db.printGroups, db.itemTags], async () => {
    const keysOf = batches.map((batch) => batch.items.map((item) => itemKey(batch.sourceId, item.id)));
    const allKeys = [...new Set(keysOf.flat())];
    const sourceIds = [...new Set(batches.map((batch) => batch.sourceId))];
    const [existing, sources] = await Promise.all([db.items.bulkGet(allKeys), db.sources.bulkGet(sourceIds)]);
    // What is stored under each key so far: the database's rows, then this transaction's own.
    const known = new Map<string, StoredItem>();
    allKeys.forEach((key, i) => existing[i] && known.set(key, existing[i]));
    const sourceNames = new Map(sourceIds.map((id, i) => [id, sources[i]?.name]));
    const rows = new Map<string, StoredItem>();
    // Topic tags of new items, by tag; an updated item keeps the tags it has (they are not in its row).
    const topicTags = new Map<string, string[]>();
    const results = batches.map((batch, b) => {
      const result = rowsOfBatch(batch, keysOf[b]!, known, sourceNames.get(batch.sourceId) ?? batch.feed.title, topics, topicTags);
      for (const row of result.rows) {
        known.set(row.key, row);
        rows.set(row.key, row);
      }
      return result.stored;
    });
    const ungrouped = [...rows.values()].filter((row) => !row.storyId);
    const grouping = groupIntoStories(memory, ungrouped, mergedFingerprints(prepared));
    for (const row of ungrouped) row.storyId = grouping.assigned.get(row.key);
    // Every write is issued at once: the database works through them while this thread is free.
    const now = batches.at(-1)?.fetchedAt ?? new Date().toISOString();
    const writes: Array<Promise<unknown>> = [writeStories(db, grouping, now)];
    if (rows.size > 0) {
      writes.push(db.items.bulkPut([...rows.values()]));
      // Indexed later, in large chunks (search/indexer.ts); search reads pending items directly.
      writes.push(queueForIndex(db, [...rows.keys()]));
    }
    for (const [tagId, tagged] of topicTags) writes.push(addTag(db, tagged, tagId));
    whileWriting?.();
    await Promise.all(writes);
    return results;
  });
}

function mergedFingerprints(prepared: readonly PreparedBatch[]): Map<string, Fingerprint> {
  if (prepared.length === 1) return prepared[0]!.fingerprints;
  const all = new Map<string, Fingerprint>();
  for (const { fingerprints } of prepared) for (const [key, fp] of fingerprints) all.set(key, fp);
  return all;
}

/** The rows one batch writes, given what is stored before it; notes its new items' topic tags. */
function rowsOfBatch(
  batch: ItemBatch,
  keys: readonly string[],
  known: ReadonlyMap<string, StoredItem>,
  sourceName: string,
  topics: CompiledTopic[],
  topicTags: Map<string, string[]>,
): { rows: StoredItem[]; stored: StoreResult } {
  let added = 0;
  let updated = 0;
  const topicHits: StoreResult['topicHits'] = new Map();
  const rows: StoredItem[] = [];
  batch.items.forEach((item, index) => {
    const key = keys[index]!;
    const previous = known.get(key);
    if (previous && previous.title === item.title && previous.text === item.text) {
      updated++;
      return; // a replay or an unchanged re-send: nothing to do
    }
    if (!previous) {
      added++;
      const hits = matchingTopics({ ...item, sourceId: batch.sourceId }, { sourceName, tagNames: [] }, topics);
      for (const hit of hits) {
        if (hit.topic.tagId) {
          const keysOfTag = topicTags.get(hit.topic.tagId);
          if (!keysOfTag) topicTags.set(hit.topic.tagId, [key]);
          else if (keysOfTag.at(-1) !== key) keysOfTag.push(key);
        }
        const seen = topicHits.get(hit.topic.id);
        topicHits.set(hit.topic.id, { topic: hit.topic, count: (seen?.count ?? 0) + 1, firstTitle: seen?.firstTitle ?? item.title });
      }
    } else {
      updated++;
    }
    rows.push({
      ...item,
      key,
      sourceId: batch.sourceId,
      feedTitle: batch.feed.title,
      fetchedAt: previous?.fetchedAt ?? batch.fetchedAt,
      read: previous?.read ?? 0,
      starred: previous?.starred ?? 0,
      clipped: previous?.clipped ?? 0,
      previousVersions: previous
        ? [...(previous.previousVersions ?? []), { title: previous.title, text: previous.text, seenAt: previous.fetchedAt }]
        : undefined,
      // An edit stays in its story; only items without one (new, or restored from an older backup) are grouped.
      storyId: previous?.storyId,
    });
  });
  return { rows, stored: { added, updated, topicHits } };
}
