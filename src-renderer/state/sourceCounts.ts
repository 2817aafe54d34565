// Per-source figures for the sidebar: items stored and items published today (in the reader's
// time zone). Both are index range counts on [sourceId+publishedAt]; no item is loaded.
import { itemsOfSource, type PressWatchDb, type StoredSource } from '../db/schema';

export interface SourceCount {
  total: number;
  today: number;
}

/** The reader's midnight of `now`, as the ISO string that stored publishedAt values compare with. */
export function startOfLocalDay(now: Date): string {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return midnight.toISOString();
}

/**
 * Slices each source's range is counted in. Chromium's IndexedDB answers one request at a time,
 * and counting 20,000 index entries is one long request: an item opened meanwhile waited seconds
 * for its row (measured at 100,000 items). Slices counted one after another keep every wait short.
 */
export const COUNT_SLICES = 16;

export async function sourceCounts(db: PressWatchDb, sources: StoredSource[], now: Date): Promise<Record<string, SourceCount>> {
  const since = startOfLocalDay(now);
  const out: Record<string, SourceCount> = {};
  for (const source of sources) {
    const range = (from: string, to: string, includeTo: boolean) => db.items.where('[sourceId+publishedAt]').between([source.id, from], [source.id, to], true, includeTo);
    const today = await range(since, '\uffff', true).count();
    // The oldest and newest publication times bound the slices (index keys only, no item read).
    const [oldest] = (await itemsOfSource(db, source.id).limit(1).keys()) as unknown as Array<[string, string]>;
    const [newest] = (await itemsOfSource(db, source.id).reverse().limit(1).keys()) as unknown as Array<[string, string]>;
    let total = 0;
    if (oldest && newest) {
      for (const [from, to, last] of timeSlices(oldest[1], newest[1], COUNT_SLICES)) total += await range(from, last ? '\uffff' : to, last).count();
    }
    out[source.id] = { total, today };
  }
  return out;
}

/**
 * Half-open slices [from, to) of equal time between two ISO times; the last one runs to the end.
 * Values that are not dates (never written by the app) make one slice of everything.
 */
export function timeSlices(oldest: string, newest: string, count: number): Array<[from: string, to: string, last: boolean]> {
  const start = Date.parse(oldest);
  const end = Date.parse(newest);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return [['', '', true]];
  const step = (end - start) / count;
  const bounds = [''];
  for (let i = 1; i < count; i++) bounds.push(new Date(start + step * i).toISOString());
  return bounds.map((from, i) => [from, bounds[i + 1] ?? '', i === bounds.length - 1]);
}
