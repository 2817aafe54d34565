// Moves stored items into the search index in large chunks: one posting row per distinct term
// per chunk, so the index grows by a few rows per item however small the polls' batches are.
// An item is searchable before this runs too (the search reads pending items directly).
import { postingsOf, searchTermsOf, type PressWatchDb } from '../db/schema';

export const INDEX_CHUNK = 5000;

/** Indexes every pending item; returns how many. Safe to run twice at once (chunks are claimed in a transaction). */
export async function indexPending(db: PressWatchDb, chunk = INDEX_CHUNK): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction('rw', db.items, db.postings, db.pendingIndex, async () => {
      const keys = (await db.pendingIndex.limit(chunk).primaryKeys()) as string[];
      if (keys.length === 0) return 0;
      const items = (await db.items.bulkGet(keys)).filter((item) => item !== undefined);
      await db.postings.bulkAdd(postingsOf(items.map((item) => ({ key: item.key, terms: searchTermsOf(item) }))));
      await db.pendingIndex.bulkDelete(keys);
      return keys.length;
    });
    if (done === 0) return total;
    total += done;
    // Let the UI breathe between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Runs indexPending soon after the last call, one run at a time. */
export function createIndexScheduler(db: PressWatchDb, onError: (error: unknown) => void, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<unknown> = Promise.resolve();
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = running.then(() => indexPending(db)).catch(onError);
    }, delayMs);
  };
}
