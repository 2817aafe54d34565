// Wires the renderer's database to the service: seeds the default sources on first run, sends
// the source list to the poller whenever it changes, and stores every item batch before
// acknowledging it (so the outbox drops a batch only once it is safely in IndexedDB).
import { liveQuery } from 'dexie';
import type { ApiClient } from '../../src-shared/api';
import type { ItemBatch, SourceSpec } from '../../src-shared/model';
import { itemsOfSource, type PressWatchDb, type StoredSource } from '../db/schema';
import { storeBatches, type StoreResult } from '../db/storeBatch';
import { BatchPipeline } from './batchPipeline';
import { createIndexScheduler } from '../search/indexer';
import { compileTopics } from '../topics/compileTopics';

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

export interface ServiceCallbacks {
  onError: (error: unknown) => void;
  /** New items matched topics that alert: at most one call per topic per batch. */
  onTopicHits: (hits: StoreResult['topicHits']) => void;
}

/** Returns a function that disconnects everything it started. */
export async function connectService(db: PressWatchDb, client: ApiClient, callbacks: ServiceCallbacks): Promise<() => void> {
  const scheduleIndexing = createIndexScheduler(db, callbacks.onError);
  scheduleIndexing(); // whatever the last run left pending
  // Batches are stored in arrival order, so a replay never races a live batch; those that queue
  // up are stored together, the next ones prepared meanwhile (sync/batchPipeline.ts).
  const pipeline = new BatchPipeline<void>(async (batches, prepared, whileWriting) => {
    const topics = compileTopics(await db.topics.toArray());
    const results = await storeBatches(db, batches, topics, { prepared, whileWriting });
    // Only after the transaction committed may the outbox forget the batches.
    await Promise.all(batches.map((batch) => client['outbox.ack'](batch.batchId)));
    scheduleIndexing();
    for (const result of results) {
      const alerting = new Map([...result.topicHits].filter(([, hit]) => hit.topic.alert));
      if (alerting.size > 0) callbacks.onTopicHits(alerting);
    }
    return results.map(() => undefined);
  });
  const enqueue = (batch: ItemBatch) => pipeline.add(batch).catch(callbacks.onError);
  const offBatch = client.on('items.batch', (batch) => void enqueue(batch));
  await Promise.all((await client['outbox.pending']()).map(enqueue));

  // A database that lost its items (or a new browser profile) gets them sent again in full.
  const sources = await db.sources.toArray();
  const empty: string[] = [];
  for (const source of sources) if ((await itemsOfSource(db, source.id).limit(1).primaryKeys()).length === 0) empty.push(source.id);
  if (empty.length > 0) await client['sources.resend'](empty);

  const subscription = liveQuery(() => db.sources.toArray()).subscribe({
    next: (sources) => {
      client['sources.sync'](sources.map(toSpec)).catch(callbacks.onError);
    },
    error: callbacks.onError,
  });
  return () => {
    offBatch();
    subscription.unsubscribe();
  };
}
