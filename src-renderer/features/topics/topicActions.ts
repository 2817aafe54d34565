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
  const chunk = 500;
  onProgress({ done: 0, total: keys.length });
  for (let i = 0; i < keys.length; i += chunk) {
    if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
    await db.items.where('key').anyOf(keys.slice(i, i + chunk)).modify((item) => {
      if (!inTopicWindow(topic, item.publishedAt)) return;
      matched++;
      if (topic.tagId && !item.tagIds.includes(topic.tagId)) {
        item.tagIds = [...item.tagIds, topic.tagId];
        newlyTagged++;
      }
    });
    onProgress({ done: Math.min(i + chunk, keys.length), total: keys.length });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { matched, newlyTagged };
}
