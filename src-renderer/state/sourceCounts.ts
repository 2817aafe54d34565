// Per-source figures for the sidebar: items stored and items published today (in the reader's
// time zone). Both are index range counts on [sourceId+publishedAt]; no item is loaded.
import type { PressWatchDb, StoredSource } from '../db/schema';

export interface SourceCount {
  total: number;
  today: number;
}

/** The reader's midnight of `now`, as the ISO string that stored publishedAt values compare with. */
export function startOfLocalDay(now: Date): string {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return midnight.toISOString();
}

export async function sourceCounts(db: PressWatchDb, sources: StoredSource[], now: Date): Promise<Record<string, SourceCount>> {
  const since = startOfLocalDay(now);
  const entries = await Promise.all(
    sources.map(async (source) => {
      const [total, today] = await Promise.all([
        db.items.where('sourceId').equals(source.id).count(),
        db.items.where('[sourceId+publishedAt]').between([source.id, since], [source.id, '\uffff'], true, true).count(),
      ]);
      return [source.id, { total, today }] as const;
    }),
  );
  return Object.fromEntries(entries);
}
