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

/** Keys read off the queue, and what taking them removes: a row's first `taken` of its `size` keys. */
export interface PendingPeek {
  keys: string[];
  rows: Array<{ key: string; taken: number; size: number; first: string }>;
}

/**
 * Up to `max` queued keys, oldest rows first, each once, without taking them: the indexer reads
 * and analyses their items outside any writing transaction, then takes them with
 * {@link takePeeked} in the transaction that writes their index. Only the last row read can be
 * taken in part.
 */
export async function peekPending(db: PressWatchDb, max: number): Promise<PendingPeek> {
  const keys = new Set<string>();
  const rows: PendingPeek['rows'] = [];
  // Rows are read one by one until enough keys are found: after a night offline the queue holds
  // hundreds of rows.
  await db.pendingIndex
    .toCollection()
    .until(() => keys.size >= max)
    .each((row) => {
      const rowKeys = keysOfRow(row);
      let taken = 0;
      while (taken < rowKeys.length && keys.size < max) keys.add(rowKeys[taken++]!);
      rows.push({ key: row.key, taken, size: rowKeys.length, first: rowKeys[0]! });
    });
  return { keys: [...keys], rows };
}

/**
 * Takes what {@link peekPending} read off the queue; a row taken in part keeps the rest. Returns
 * false, taking nothing, when a row changed since (another indexer took it). Call inside the
 * transaction that writes the keys' index, so that they leave the queue only if they are indexed.
 */
export async function takePeeked(db: PressWatchDb, peek: PendingPeek): Promise<boolean> {
  const current = await db.pendingIndex.bulkGet(peek.rows.map((row) => row.key));
  const emptied: string[] = [];
  const trimmed: PendingIndex[] = [];
  for (const [i, seen] of peek.rows.entries()) {
    const row = current[i];
    const keys = row ? keysOfRow(row) : [];
    if (keys.length !== seen.size || keys[0] !== seen.first) return false;
    if (seen.taken === seen.size) emptied.push(seen.key);
    else trimmed.push({ key: seen.key, keys: keys.slice(seen.taken) });
  }
  await Promise.all([emptied.length > 0 ? db.pendingIndex.bulkDelete(emptied) : undefined, trimmed.length > 0 ? db.pendingIndex.bulkPut(trimmed) : undefined]);
  return true;
}
