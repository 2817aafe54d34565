// Applying a topic to everything already stored: the same matcher as at ingest, in chunks that
// yield to the UI between them, with progress and the count of newly tagged items.
import { parseQuery } from '../../../src-shared/query';
import type { PressWatchDb, Topic } from '../../db/schema';
import { SearchEngine } from '../../search/runSearch';
import { inTopicWindow } from '../../topics/compileTopics';

export interface ApplyProgress {
  done: number;
  total: number;
}

export async function applyTopicToStored(
  db: PressWatchDb,
  topic: Topic,
  onProgress: (progress: ApplyProgress) => void,
  signal?: AbortSignal,
): Promise<{ matched: number; newlyTagged: number }> {
  const parsed = parseQuery(topic.query);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const keys = [...(await new SearchEngine(db).run(parsed.query))];
  let newlyTagged = 0;
  let matched = 0;
  const chunk = 1000;
  onProgress({ done: 0, total: keys.length });
  for (let i = 0; i < keys.length; i += chunk) {
    if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
    // Read the chunk, change in memory, write back only the items that gain the tag.
    await db.transaction('rw', db.items, async () => {
      const items = (await db.items.bulkGet(keys.slice(i, i + chunk))).filter((item) => item !== undefined);
      const changed = [];
      for (const item of items) {
        if (!inTopicWindow(topic, item.publishedAt)) continue;
        matched++;
        if (topic.tagId && !item.tagIds.includes(topic.tagId)) changed.push({ ...item, tagIds: [...item.tagIds, topic.tagId] });
      }
      newlyTagged += changed.length;
      if (changed.length > 0) await db.items.bulkPut(changed);
    });
    onProgress({ done: Math.min(i + chunk, keys.length), total: keys.length });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { matched, newlyTagged };
}
