// Old items go after a configurable age so the archive stays fast, except what the user kept:
// starred, tagged or clipped items stay, and clippings are separate copies that never go.
// Age counts from when the app received the item, not from its date: a feed's archive of old
// news stays readable for the whole period after it arrives.
import { forgetItems, taggedKeys } from './itemTags';
import type { PressWatchDb } from './schema';
import { removeFromStories } from './stories';

export const RETENTION_KEY = 'retentionDays';
export const DEFAULT_RETENTION_DAYS = 180;

export async function retentionDays(db: PressWatchDb): Promise<number> {
  const value = (await db.meta.get(RETENTION_KEY))?.value;
  return typeof value === 'number' && value > 0 ? value : DEFAULT_RETENTION_DAYS;
}

export async function cleanUpOldItems(db: PressWatchDb, now: Date = new Date()): Promise<number> {
  const days = await retentionDays(db);
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
  // Stories lose the removed members in the same transaction, so no story points at a missing item.
  // The tags are read in the same transaction, so an item tagged meanwhile is never removed.
  return db.transaction('rw', [db.items, db.stories, db.storyPrints, db.itemTags], async () => {
    const tagged = await taggedKeys(db);
    const removed: Array<{ key: string; storyId?: string }> = [];
    await db.items
      .where('fetchedAt')
      .below(cutoff)
      .filter((item) => !item.starred && !item.clipped && !tagged.has(item.key))
      .each((item) => {
        removed.push({ key: item.key, storyId: item.storyId });
      });
    await db.items.bulkDelete(removed.map((r) => r.key));
    // None of them carries a tag today; this keeps it so should the rule above ever change.
    await forgetItems(db, removed.map((r) => r.key));
    await removeFromStories(db, db, removed, now.toISOString());
    return removed.length;
  });
}
