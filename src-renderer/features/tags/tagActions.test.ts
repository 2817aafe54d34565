import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src-shared/model';
import { keysWithTag, tagsOf } from '../../db/itemTags';
import { openDatabase, type PressWatchDb } from '../../db/schema';
import { storeBatch } from '../../db/storeBatch';
import { applyTag, ensureTag, mergeTags, removeTag, tagCounts } from './tagActions';

const feed = { title: 'Zakon.kz', url: 'https://x/', siteUrl: null, format: 'rss' as const, language: 'ru' };
function item(id: string): FeedItem {
  return { id, guid: id, url: null, title: `Новость ${id}`, summary: '', contentHtml: '', text: `Текст ${id}`, author: null, publishedAt: '2026-02-26T10:00:00.000Z', categories: [], imageUrl: null, enclosures: [], language: 'ru' };
}
const key = (id: string) => `zakon\u0000${id}`;

describe('tag actions', () => {
  let db: PressWatchDb;
  beforeEach(async () => {
    db = openDatabase(`tag-actions-${Math.random()}`);
    await storeBatch(db, { batchId: 'a', sourceId: 'zakon', fetchedAt: '2026-02-26T13:00:00Z', feed, items: [item('1'), item('2'), item('3')] });
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('applies a tag to stored items only, removes it, and counts it', async () => {
    const visit = await ensureTag(db, 'Визит');
    await applyTag(db, [key('1'), key('2'), key('gone')], visit.id);
    expect((await keysWithTag(db, visit.id)).sort()).toEqual([key('1'), key('2')]);
    expect(await tagCounts(db, [visit])).toEqual({ [visit.id]: 2 });
    await removeTag(db, [key('1')], visit.id);
    expect(await keysWithTag(db, visit.id)).toEqual([key('2')]);
    expect(await tagCounts(db, [visit])).toEqual({ [visit.id]: 1 });
  });

  it('merges a tag into another: items, clippings and topics follow, and the tag goes', async () => {
    const visit = await ensureTag(db, 'Визит');
    const serbia = await ensureTag(db, 'Сербия');
    await applyTag(db, [key('1'), key('2')], visit.id);
    await applyTag(db, [key('2'), key('3')], serbia.id);
    const stored = (await db.items.get(key('1')))!;
    await db.clippings.put({ id: 'c1', itemKey: key('1'), clippedAt: '', item: stored, note: '', tone: 'neutral', tagIds: [visit.id], collectionIds: [], images: {} });
    await db.topics.put({ id: 'p', name: 'Визит', query: 'Вучич', tagId: visit.id, from: null, to: null, alert: false, createdAt: '' });
    await mergeTags(db, visit.id, serbia.id);
    expect(await db.tags.get(visit.id)).toBeUndefined();
    const tags = await tagsOf(db, [key('1'), key('2'), key('3')]);
    expect([...tags].sort()).toEqual([
      [key('1'), [serbia.id]],
      [key('2'), [serbia.id]],
      [key('3'), [serbia.id]],
    ]);
    expect((await db.clippings.get('c1'))?.tagIds).toEqual([serbia.id]);
    expect((await db.topics.get('p'))?.tagId).toBe(serbia.id);
  });
});
