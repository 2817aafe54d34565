// Applying a topic to everything already stored: the query runs once through the search index,
// the date window is taken from the items' publishedAt index and the items that already carry
// the tag from the itemTags rows (keys only). The tag is then written as itemTags rows, never
// touching the items: large chunks, one transaction each, yielding to the UI between them,
// with progress and the count of newly tagged items.
import { parseQuery } from '../../../src-shared/query';
import { addTag, keysWithTag, removeTag } from '../../db/itemTags';
import type { PressWatchDb, Topic } from '../../db/schema';
import { SearchEngine } from '../../search/runSearch';

export interface ApplyProgress {
  done: number;
  total: number;
}

/** Tag rows per transaction: tiny rows, so a chunk costs the page a few tens of milliseconds. */
const CHUNK = 5000;

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
    topic.tagId ? keysWithTag(db, topic.tagId).then((keys) => new Set(keys)) : new Set<string>(),
  ]);
  const matchedKeys = [...found].filter((key) => inWindow.has(key));
  const toTag = topic.tagId ? matchedKeys.filter((key) => !tagged.has(key)) : [];
  onProgress({ done: 0, total: toTag.length });
  let written = 0;
  for (; written < toTag.length; written += CHUNK) {
    if (signal?.aborted) break;
    await db.transaction('rw', db.itemTags, () => addTag(db, toTag.slice(written, written + CHUNK), topic.tagId!));
    onProgress({ done: Math.min(written + CHUNK, toTag.length), total: toTag.length });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const taggedNow = toTag.slice(0, Math.min(written, toTag.length));
  // An item removed while its tag was being written must not leave a row behind (clean-up reads
  // the tags in its own transaction, so only items removed before that row was written can be
  // affected): one read of the stored keys finds them.
  let gone: string[] = [];
  if (taggedNow.length > 0) {
    const stored = new Set((await db.items.toCollection().primaryKeys()) as string[]);
    gone = taggedNow.filter((key) => !stored.has(key));
    if (gone.length > 0) await removeTag(db, gone, topic.tagId!);
  }
  if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
  return { matched: matchedKeys.length - gone.length, newlyTagged: taggedNow.length - gone.length };
}
