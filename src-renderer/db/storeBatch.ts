// Stores one batch from the poller in a single transaction. Idempotent: the same batch stored
// twice (a replay after a crash) changes nothing, and a re-sent item keeps what the user did
// with it (read state) while its text is updated.
import type { ItemBatch } from '../../src-shared/model';
import { itemKey, type PressWatchDb, type StoredItem } from './schema';

export interface StoreResult {
  added: number;
  updated: number;
}

export async function storeBatch(db: PressWatchDb, batch: ItemBatch): Promise<StoreResult> {
  return db.transaction('rw', db.items, async () => {
    const keys = batch.items.map((item) => itemKey(batch.sourceId, item.id));
    const existing = await db.items.bulkGet(keys);
    let added = 0;
    let updated = 0;
    const rows: StoredItem[] = batch.items.map((item, index) => {
      const previous = existing[index];
      if (previous) updated++;
      else added++;
      return {
        ...item,
        key: keys[index]!,
        sourceId: batch.sourceId,
        feedTitle: batch.feed.title,
        fetchedAt: previous?.fetchedAt ?? batch.fetchedAt,
        read: previous?.read ?? 0,
      };
    });
    await db.items.bulkPut(rows);
    return { added, updated };
  });
}
