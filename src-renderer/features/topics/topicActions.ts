// Applying a topic to everything already stored: the query runs once through the search index,
// the date window and the items that already carry the tag are taken from the items' indexes
// (keys only), and only the items that gain the tag are read and written back, in small
// transactions that yield to the UI between them, with progress and the count of newly tagged items.
import { parseQuery } from '../../../src-shared/query';
import type { PressWatchDb, StoredItem, Topic } from '../../db/schema';
import { SearchEngine } from '../../search/runSearch';
import { inTopicWindow } from '../../topics/compileTopics';

export interface ApplyProgress {
  done: number;
  total: number;
}

/** Items per transaction: each one reads and rewrites whole items, so the page stalls for about this many. */
const CHUNK = 500;

export async function applyTopicToStored(
  db: PressWatchDb,
  topic: Topic,
  onProgress: (progress: ApplyProgress) => void,
  signal?: AbortSignal,
): Promise<{ matched: number; newlyTagged: number }> {
  const parsed = parseQuery(topic.query);
  if (!parsed.ok) throw new Error(parsed.error.message);
  // The window's keys are also what is stored now: search results may name items removed since
  // they were indexed.
  const windowKeys = topic.from || topic.to ? db.items.where('publishedAt').between(topic.from ?? '', topic.to ? `${topic.to}\uffff` : '\uffff', true, true) : db.items.toCollection();
  const [found, inWindow, tagged] = await Promise.all([
    new SearchEngine(db).run(parsed.query),
    (windowKeys.primaryKeys() as Promise<string[]>).then((keys) => new Set(keys)),
    topic.tagId ? (db.items.where('tagIds').equals(topic.tagId).primaryKeys() as Promise<string[]>).then((keys) => new Set(keys)) : new Set<string>(),
  ]);
  const matchedKeys = [...found].filter((key) => inWindow.has(key));
  const toTag = topic.tagId ? matchedKeys.filter((key) => !tagged.has(key)) : [];
  let matched = matchedKeys.length;
  let newlyTagged = 0;
  onProgress({ done: 0, total: toTag.length });
  for (let i = 0; i < toTag.length; i += CHUNK) {
    if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
    await db.transaction('rw', db.items, async () => {
      const items = await db.items.bulkGet(toTag.slice(i, i + CHUNK));
      const changed: StoredItem[] = [];
      for (const item of items) {
        if (!item) {
          matched--; // removed since it was indexed
          continue;
        }
        if (!inTopicWindow(topic, item.publishedAt) || item.tagIds.includes(topic.tagId!)) continue;
        changed.push({ ...item, tagIds: [...item.tagIds, topic.tagId!] });
      }
      newlyTagged += changed.length;
      if (changed.length > 0) await db.items.bulkPut(changed);
    });
    onProgress({ done: Math.min(i + CHUNK, toTag.length), total: toTag.length });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { matched, newlyTagged };
}
