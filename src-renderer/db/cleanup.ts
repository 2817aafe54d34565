// Old items go after a configurable age so the archive stays fast, except what the user kept:
// starred, tagged or clipped items stay, and clippings are separate copies that never go.
// Age counts from when the app received the item, not from its date: a feed's archive of old
// news stays readable for the whole period after it arrives.
import { forgetItems, tagsOf } from './itemTags';
import type { PressWatchDb } from './schema';
import { removeFromStories } from './stories';

export const RETENTION_KEY = 'retentionDays';
export const DEFAULT_RETENTION_DAYS = 180;

export async function retentionDays(db: PressWatchDb): Promise<number> {
  const value = (await db.meta.get(RETENTION_KEY))?.value;
  return typeof value === 'number' && value > 0 ? value : DEFAULT_RETENTION_DAYS;
}

/** Old items checked and removed per transaction: each holds the items for a short while only. */
const CLEANUP_CHUNK = 2_000;

export async function cleanUpOldItems(db: PressWatchDb, now: Date = new Date()): Promise<number> {
  const days = await retentionDays(db);
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
  // The candidates are found without a lock (keys only), so a start-up with nothing to remove
  // holds nothing: the clean-up runs as the app opens, and a writing transaction over the items
  // would make the first rows wait for it. Items kept (starred, clipped, tagged: often thousands
  // of old items a topic tagged) are left out here too, or each start-up would read them again
  // under that lock.
  const [old, starred, clipped, tagged] = await Promise.all([
    db.items.where('fetchedAt').below(cutoff).primaryKeys(),
    db.items.where('starred').equals(1).primaryKeys(),
    db.items.where('clipped').equals(1).primaryKeys(),
    db.itemTags.orderBy('itemKey').uniqueKeys(),
  ]);
  const kept = new Set([...starred, ...clipped, ...tagged] as string[]);
  const candidates = (old as string[]).filter((key) => !kept.has(key));
  let total = 0;
  for (let from = 0; from < candidates.length; from += CLEANUP_CHUNK) {
    total += await removeOld(db, candidates.slice(from, from + CLEANUP_CHUNK), cutoff, now);
  }
  return total;
}

/**
 * Removes those of `keys` that are still old and kept by nobody. Checked again inside the
 * transaction, so an item starred, tagged or clipped since the candidates were read stays.
 * Stories lose the removed members in the same transaction, so no story points at a missing item.
 */
function removeOld(db: PressWatchDb, keys: string[], cutoff: string, now: Date): Promise<number> {
  return db.transaction('rw', [db.items, db.stories, db.printGroups, db.itemTags], async () => {
    const [items, tags] = await Promise.all([db.items.bulkGet(keys), tagsOf(db, keys)]);
    const removed = items
      .filter((item) => item !== undefined && item.fetchedAt < cutoff && !item.starred && !item.clipped && !tags.has(item.key))
      .map((item) => ({ key: item!.key, storyId: item!.storyId }));
    await db.items.bulkDelete(removed.map((r) => r.key));
    // None of them carries a tag today; this keeps it so should the rule above ever change.
    await forgetItems(db, removed.map((r) => r.key));
    await removeFromStories(db, removed, now.toISOString());
    return removed.length;
  });
}
