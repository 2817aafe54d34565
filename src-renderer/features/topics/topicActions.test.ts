import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src-shared/model';
import { addTag, keysWithTag, tagsOf } from '../../db/itemTags';
import { openDatabase, type PressWatchDb, type Topic } from '../../db/schema';
import { storeBatch } from '../../db/storeBatch';
import { indexPending } from '../../search/indexer';
import { applyTopicToStored } from './topicActions';

const feed = { title: 'x', url: 'https://x/', siteUrl: null, format: 'rss' as const, language: 'ru' };
function item(id: string, day: string, text: string): FeedItem {
  return { id, guid: id, url: null, title: `Новость ${id}`, summary: '', contentHtml: '', text, author: null, publishedAt: `${day}T10:00:00.000Z`, categories: [], imageUrl: null, enclosures: [], language: 'ru' };
}
const topic = (over: Partial<Topic>): Topic => ({ id: 't', name: 'Визит', query: 'Вучич OR Vucic', tagId: 'tag', from: null, to: null, alert: false, createdAt: '', ...over });

describe('applying a topic to stored items', () => {
  let db: PressWatchDb;
  beforeEach(async () => {
    db = openDatabase(`topics-${Math.random()}`);
    await db.tags.put({ id: 'tag', name: 'Визит', color: '#000' });
    await storeBatch(db, {
      batchId: 'a',
      sourceId: 'zakon',
      fetchedAt: '2026-02-26T13:00:00Z',
      feed,
      items: [
        item('1', '2026-02-20', 'Вучич прилетел в Астану'),
        item('2', '2026-02-25', 'Переговоры с Вучичем'),
        item('3', '2026-02-25', 'Погода в Астане'),
        item('4', '2026-02-27', 'Vucic in Astana'),
      ],
    });
    await indexPending(db);
    // One item arrives after indexing: it is still found (read directly).
    await storeBatch(db, { batchId: 'b', sourceId: 'zakon', fetchedAt: '2026-02-26T14:00:00Z', feed, items: [item('5', '2026-02-26', 'Вучича наградили')] });
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  const taggedIds = async () => (await keysWithTag(db, 'tag')).map((key) => key.split('\u0000')[1]).sort();

  it('tags what the query finds within the date window, once', async () => {
    const progress: number[] = [];
    const first = await applyTopicToStored(db, topic({ from: '2026-02-21', to: '2026-02-26' }), (p) => progress.push(p.done));
    expect(first).toEqual({ matched: 2, newlyTagged: 2 });
    expect(await taggedIds()).toEqual(['2', '5']);
    expect(progress[progress.length - 1]).toBe(2);
    const again = await applyTopicToStored(db, topic({ from: '2026-02-21', to: '2026-02-26' }), () => undefined);
    expect(again).toEqual({ matched: 2, newlyTagged: 0 });
    const all = await applyTopicToStored(db, topic({}), () => undefined);
    expect(all).toEqual({ matched: 4, newlyTagged: 2 });
    expect(await taggedIds()).toEqual(['1', '2', '4', '5']);
  });

  it('keeps the other tags and never counts removed items', async () => {
    await addTag(db, ['zakon\u00001'], 'other');
    await db.items.delete('zakon\u00002');
    expect(await applyTopicToStored(db, topic({}), () => undefined)).toEqual({ matched: 3, newlyTagged: 3 });
    expect((await tagsOf(db, ['zakon\u00001'])).get('zakon\u00001')?.sort()).toEqual(['other', 'tag']);
    expect(await taggedIds()).toEqual(['1', '4', '5']);
  });

  it('leaves no tag on an item removed while the tags are written', async () => {
    let removal: Promise<void> | undefined;
    const result = await applyTopicToStored(db, topic({}), () => {
      removal ??= db.items.delete('zakon\u00001');
    });
    await removal;
    expect(result).toEqual({ matched: 3, newlyTagged: 3 });
    expect(await taggedIds()).toEqual(['2', '4', '5']);
  });

  it('stops when cancelled, keeping what was tagged so far', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(applyTopicToStored(db, topic({}), () => undefined, controller.signal)).rejects.toThrow('Cancelled');
    expect(await taggedIds()).toEqual([]);
  });
});
