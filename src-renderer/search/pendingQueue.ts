// The queue of stored items the indexer has not taken yet. Each write adds one row holding the
// keys it stored, not a row per item: IndexedDB pays a fixed cost per record written, which for
// rows this small is the whole cost, and one row per item made the queue cost storing half as
// much again as a bare put of the items. Rows written before this form hold a single item's key
// and no `keys`; they are read as a group of one.
import type { PendingIndex, PressWatchDb } from '../db/schema';

let sequence = 0;

/** A queue row's key: later writes sort later, so the indexer takes the oldest arrivals first. */
function queueKey(): string {
  sequence = (sequence + 1) % 1_000_000;
  return `\u0001${Date.now().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${Math.random().toString(36).slice(2, 6)}`;
}

function keysOfRow(row: PendingIndex): string[] {
  return row.keys ?? [row.key];
}

/** Queues items for the indexer: one row. Call inside the transaction that stores them. */
export function queueForIndex(db: PressWatchDb, keys: readonly string[]): Promise<unknown> {
  return keys.length === 0 ? Promise.resolve() : db.pendingIndex.put({ key: queueKey(), keys: [...keys] });
}

/** Every queued item's key, each once. */
export async function pendingKeys(db: PressWatchDb): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const row of await db.pendingIndex.toArray()) for (const key of keysOfRow(row)) keys.add(key);
  return keys;
}

export async function hasPending(db: PressWatchDb): Promise<boolean> {
  return (await db.pendingIndex.limit(1).primaryKeys()).length > 0;
}

/**
 * Takes up to `max` queued keys off the queue, oldest rows first, each key once. A row taken in
 * part keeps the rest. Call inside a transaction over the queue (and whatever indexes the keys),
 * so that the keys leave the queue only if they are indexed.
 */
export async function claimPending(db: PressWatchDb, max: number): Promise<string[]> {
  const claimed = new Set<string>();
  const emptied: string[] = [];
  let rest: PendingIndex | null = null;
  // Rows are read one by one until enough keys are found: after a night offline the queue holds
  // hundreds of rows, and the indexer claims a few thousand keys at a time.
  await db.pendingIndex
    .toCollection()
    .until(() => claimed.size >= max)
    .each((row) => {
      const keys = keysOfRow(row);
      let taken = 0;
      while (taken < keys.length && claimed.size < max) claimed.add(keys[taken++]!);
      // Only the last row read can be taken in part: reading stops once `max` keys are claimed.
      if (taken === keys.length) emptied.push(row.key);
      else rest = { key: row.key, keys: keys.slice(taken) };
    });
  await Promise.all([db.pendingIndex.bulkDelete(emptied), rest ? db.pendingIndex.put(rest) : undefined]);
  return [...claimed];
}
