import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedItem, ItemBatch } from '../../src-shared/model';
import { openDatabase, type PressWatchDb } from '../db/schema';
import { storeBatches, type PreparedBatch, type StoreResult } from '../db/storeBatch';
import { BatchPipeline } from './batchPipeline';
import { pendingKeys } from '../search/pendingQueue';

function item(id: string, title: string, extra: Partial<FeedItem> = {}): FeedItem {
  return {
    id, guid: id, url: `https://www.zakon.kz/${id}.html`, title, summary: title, contentHtml: `<p>${title}</p>`, text: title,
    author: null, publishedAt: '2026-02-26T12:45:00.000Z', categories: [], imageUrl: null, enclosures: [], language: 'ru', ...extra,
  };
}

function batch(batchId: string, items: FeedItem[], sourceId = 'zakon'): ItemBatch {
  return { batchId, sourceId, fetchedAt: '2026-02-26T13:00:00.000Z', feed: { title: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', siteUrl: null, format: 'rss', language: 'ru' }, items };
}

describe('BatchPipeline', () => {
  let db: PressWatchDb;
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  /** A pipeline over the real storeBatches that notes each group it stores. */
  function pipelineOf(groupItems: number) {
    const groups: Array<{ ids: string[]; prepared: boolean[] }> = [];
    const pipeline = new BatchPipeline<StoreResult>(async (batches, prepared: Array<PreparedBatch | undefined>, whileWriting) => {
      groups.push({ ids: batches.map((b) => b.batchId), prepared: prepared.map((p) => p !== undefined) });
      return storeBatches(db, batches, [], { prepared, whileWriting });
    }, groupItems);
    return { pipeline, groups };
  }

  it('stores batches that queue up together, in arrival order, each with its own result', async () => {
    db = openDatabase('t-pipeline-group');
    const { pipeline, groups } = pipelineOf(4);
    const results = await Promise.all([
      pipeline.add(batch('b1', [item('a', 'Вучич прилетел в Астану'), item('b', 'Токаев встретил Вучича')])),
      pipeline.add(batch('b2', [item('c', 'Ақордада келіссөздер өтті')], 'akorda')),
      // The same item again, edited, in a later batch of the same group: an update, as if stored after b1.
      pipeline.add(batch('b3', [item('a', 'Вучич прилетел в Астану с официальным визитом')])),
      pipeline.add(batch('b4', [item('d', 'Сербия и Казахстан подписали соглашения')])),
    ]);
    expect(results.map((r) => [r.added, r.updated])).toEqual([[2, 0], [1, 0], [0, 1], [1, 0]]);
    // The first batch alone starts the pipeline; the next three waited and are stored as one group (4 items at most).
    expect(groups.map((g) => g.ids)).toEqual([['b1'], ['b2', 'b3', 'b4']]);
    // The waiting group was prepared while the first one was being written.
    expect(groups[1]!.prepared).toEqual([true, true, true]);
    const a = await db.items.get('zakon\u0000a');
    expect(a?.title).toBe('Вучич прилетел в Астану с официальным визитом');
    expect(a?.previousVersions?.map((v) => v.title)).toEqual(['Вучич прилетел в Астану']);
    expect(await db.items.count()).toBe(4);
    // Every item joined a story, the edited one once.
    expect((await db.items.toArray()).every((row) => row.storyId)).toBe(true);
    expect((await db.printGroups.toArray()).flatMap((group) => group.keys)).toHaveLength(4);
  });

  it('lets a batch that cannot be stored fail alone: the rest of its group is stored', async () => {
    db = openDatabase('t-pipeline-fail');
    const { pipeline } = pipelineOf(100);
    const unstorable = item('x', 'Не сохраняется', { categories: [(() => 'no') as unknown as string] });
    const settled = await Promise.allSettled([
      pipeline.add(batch('b1', [item('a', 'Вучич прилетел в Астану')])),
      pipeline.add(batch('b2', [item('b', 'Токаев встретил Вучича')])),
      pipeline.add(batch('b3', [unstorable])),
      pipeline.add(batch('b4', [item('c', 'Сербия и Казахстан подписали соглашения')])),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await db.items.toCollection().primaryKeys()).sort()).toEqual(['zakon\u0000a', 'zakon\u0000b', 'zakon\u0000c']);
    expect([...(await pendingKeys(db))].sort()).toEqual(['zakon\u0000a', 'zakon\u0000b', 'zakon\u0000c']);
  });
});
