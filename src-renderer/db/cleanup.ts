// Old items go after a configurable age so the archive stays fast, except what the user kept:
// starred, tagged or clipped items stay, and clippings are separate copies that never go.
// Age counts from when the app received the item, not from its date: a feed's archive of old
// news stays readable for the whole period after it arrives.
import type { PressWatchDb } from './schema';

export const RETENTION_KEY = 'retentionDays';
export const DEFAULT_RETENTION_DAYS = 180;

export async function retentionDays(db: PressWatchDb): Promise<number> {
  const value = (await db.meta.get(RETENTION_KEY))?.value;
  return typeof value === 'number' && value > 0 ? value : DEFAULT_RETENTION_DAYS;
}

export async function cleanUpOldItems(db: PressWatchDb, now: Date = new Date()): Promise<number> {
  const days = await retentionDays(db);
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
  return db.items
    .where('fetchedAt')
    .below(cutoff)
    .filter((item) => !item.starred && !item.clipped && item.tagIds.length === 0)
    .delete();
}
