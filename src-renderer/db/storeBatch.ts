// Stores one batch from the poller in a single transaction. Idempotent: the same batch stored
// twice (a replay after a crash) changes nothing, and a re-sent item keeps what the user did
// with it while its text is updated; an edited title or text keeps the earlier version.
// New items get the tags of the topics they match, join their story (a replay joins nothing:
// its items are already stored), and wait in pendingIndex for the indexer.
import type { ItemBatch } from '../../src-shared/model';
import { matchingTopics, type CompiledTopic } from '../topics/compileTopics';
import { addTag } from './itemTags';
import { itemKey, type PressWatchDb, type StoredItem } from './schema';
import { assignStories, forgetStoryMemory, storyMemoryOf } from './stories';
import type { StoryMemory } from './storyMemory';

export interface StoreResult {
  added: number;
  updated: number;
  /** New items per topic, for at most one notice per topic per poll. */
  topicHits: Map<string, { topic: CompiledTopic['topic']; count: number; firstTitle: string }>;
}

export async function storeBatch(db: PressWatchDb, batch: ItemBatch, topics: CompiledTopic[] = []): Promise<StoreResult> {
  try {
    // Read before the transaction (the first time, the newest prints), so the rebuild holds no
    // lock on the items: the list and the reader keep reading meanwhile.
    const memory = await storyMemoryOf(db);
    return await storeInTransaction(db, batch, topics, memory);
  } catch (error) {
    // The story memory may hold items of the batch that were never stored: it is read again.
    forgetStoryMemory(db);
    throw error;
  }
}

function storeInTransaction(db: PressWatchDb, batch: ItemBatch, topics: CompiledTopic[], memory: StoryMemory): Promise<StoreResult> {
  return db.transaction('rw', [db.items, db.sources, db.pendingIndex, db.stories, db.storyPrints, db.itemTags], async () => {
    const keys = batch.items.map((item) => itemKey(batch.sourceId, item.id));
    const existing = await db.items.bulkGet(keys);
    const source = await db.sources.get(batch.sourceId);
    const sourceName = source?.name ?? batch.feed.title;
    let added = 0;
    let updated = 0;
    const topicHits: StoreResult['topicHits'] = new Map();
    const rows: StoredItem[] = [];
    // Topic tags of new items, by tag; an updated item keeps the tags it has (they are not in its row).
    const topicTags = new Map<string, string[]>();
    batch.items.forEach((item, index) => {
      const previous = existing[index];
      const key = keys[index]!;
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
    const ungrouped = rows.filter((row) => !row.storyId);
    if (ungrouped.length > 0) {
      const assigned = await assignStories(db, memory, ungrouped, batch.fetchedAt);
      for (const row of ungrouped) row.storyId = assigned.get(row.key);
    }
    if (rows.length > 0) {
      await db.items.bulkPut(rows);
      // Indexed later, in large chunks (search/indexer.ts); search reads pending items directly.
      await db.pendingIndex.bulkPut(rows.map((row) => ({ key: row.key })));
    }
    for (const [tagId, tagged] of topicTags) await addTag(db, tagged, tagId);
    return { added, updated, topicHits };
  });
}
