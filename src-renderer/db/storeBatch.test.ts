import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedItem, ItemBatch } from '../../src-shared/model';
import { keysWithTag } from './itemTags';
import { openDatabase, type PressWatchDb } from './schema';
import { storeBatch } from './storeBatch';
import { compileTopics } from '../topics/compileTopics';

function item(id: string, title: string): FeedItem {
  return {
    id, guid: id, url: `https://www.zakon.kz/${id}.html`, title, summary: title, contentHtml: `<p>${title}</p>`, text: title,
    author: null, publishedAt: '2026-02-26T12:45:00.000Z', categories: [], imageUrl: null, enclosures: [], language: 'ru',
  };
}

function batch(batchId: string, items: FeedItem[]): ItemBatch {
  return { batchId, sourceId: 'zakon', fetchedAt: '2026-02-26T13:00:00.000Z', feed: { title: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', siteUrl: null, format: 'rss', language: 'ru' }, items };
}

describe('storeBatch', () => {
  let db: PressWatchDb;
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('stores a batch once even when it is replayed', async () => {
    db = openDatabase('t-replay');
    const b = batch('b1', [item('a', 'Токаев и Вучич провели брифинг'), item('b', 'Астанада кітапхана ашылды')]);
    expect(await storeBatch(db, b)).toMatchObject({ added: 2, updated: 0 });
    expect(await storeBatch(db, b)).toMatchObject({ added: 0, updated: 2 });
    expect(await db.items.count()).toBe(2);
  });

  it('keeps the read state when the outlet corrects a title', async () => {
    db = openDatabase('t-correct');
    await storeBatch(db, batch('b1', [item('a', 'Вучич прилетел в Астану')]));
    const [stored] = await db.items.toArray();
    await db.items.update(stored!.key, { read: 1 });
    await storeBatch(db, batch('b2', [item('a', 'Вучич прилетел в Астану с официальным визитом')]));
    const [after] = await db.items.toArray();
    expect(after!.title).toBe('Вучич прилетел в Астану с официальным визитом');
    expect(after!.read).toBe(1);
  });
});

describe('storeBatch with topics', () => {
  it('tags new items that match a topic and counts one notice per topic', async () => {
    const db = openDatabase('t-topics');
    const topic = { id: 'visit', name: 'Визит Вучича', query: 'Вучич Астана', tagId: 'tag-visit', from: '2026-02-01', to: '2026-03-31', alert: true, createdAt: '' };
    const result = await storeBatch(db, batch('b1', [item('a', 'Вучич прилетел в Астану'), item('b', 'Погода в Астане'), item('c', 'Vučić stigao u Astanu')]), compileTopics([topic]));
    const tagged = (await keysWithTag(db, 'tag-visit')).map((key) => key.split('\u0000')[1]).sort();
    expect(tagged).toEqual(['a', 'c']);
    // An edit of a tagged item keeps its tag; a replay tags nothing twice.
    await storeBatch(db, batch('b2', [item('a', 'Вучич прилетел в Астану с визитом')]), compileTopics([topic]));
    expect(await db.itemTags.count()).toBe(2);
    expect(result.topicHits.get('visit')).toMatchObject({ count: 2, firstTitle: 'Вучич прилетел в Астану' });
    db.close();
    await db.delete();
  });

  it('keeps the earlier version when the outlet edits a title', async () => {
    const db = openDatabase('t-edit');
    await storeBatch(db, batch('b1', [item('a', 'Вучич прилетел в Астану')]));
    await storeBatch(db, batch('b2', [item('a', 'Вучич прилетел в Астану с официальным визитом')]));
    const [stored] = await db.items.toArray();
    expect(stored!.previousVersions?.map((v) => v.title)).toEqual(['Вучич прилетел в Астану']);
    db.close();
    await db.delete();
  });
});
