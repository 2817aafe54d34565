// Wires the renderer's database to the service: seeds the default sources on first run, sends
// the source list to the poller whenever it changes, and stores every item batch before
// acknowledging it (so the outbox drops a batch only once it is safely in IndexedDB).
import { liveQuery } from 'dexie';
import type { ApiClient } from '../../src-shared/api';
import type { ItemBatch, SourceSpec } from '../../src-shared/model';
import type { PressWatchDb, StoredSource } from '../db/schema';
import { storeBatch } from '../db/storeBatch';

const SEEDED_KEY = 'defaultSourcesSeeded';

export async function seedDefaultSources(db: PressWatchDb, defaults: SourceSpec[]): Promise<void> {
  await db.transaction('rw', db.sources, db.meta, async () => {
    if (await db.meta.get(SEEDED_KEY)) return;
    const addedAt = new Date().toISOString();
    await db.sources.bulkPut(defaults.map((spec) => ({ ...spec, addedAt })));
    await db.meta.put({ key: SEEDED_KEY, value: true });
  });
}

export function toSpec(source: StoredSource): SourceSpec {
  const { addedAt: _addedAt, ...spec } = source;
  return spec;
}

/** Returns a function that disconnects everything it started. */
export async function connectService(db: PressWatchDb, client: ApiClient, onError: (message: string) => void): Promise<() => void> {
  // Batches are stored one at a time, in arrival order, so a replay never races a live batch.
  let queue = Promise.resolve();
  const enqueue = (batch: ItemBatch) => {
    queue = queue.then(async () => {
      try {
        await storeBatch(db, batch);
        await client['outbox.ack'](batch.batchId);
      } catch (error) {
        onError(error instanceof Error ? error.message : String(error));
      }
    });
  };
  const offBatch = client.on('items.batch', enqueue);
  for (const batch of await client['outbox.pending']()) enqueue(batch);
  await queue;

  const subscription = liveQuery(() => db.sources.toArray()).subscribe({
    next: (sources) => {
      client['sources.sync'](sources.map(toSpec)).catch((error: unknown) => onError(String(error)));
    },
    error: (error: unknown) => onError(String(error)),
  });
  return () => {
    offBatch();
    subscription.unsubscribe();
  };
}
