import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { exportDB } from 'dexie-export-import';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedItem } from '../../../src-shared/model';
import { fingerprint } from '../../../src-shared/similarity';
import { BRIEFING_RU } from '../../../src-shared/similarity/testdata/briefing';
import { addTag, keysWithTag, tagsOf } from '../../db/itemTags';
import { openAsShippedVersion, openDatabase, type PressWatchDb } from '../../db/schema';
import { storeBatch } from '../../db/storeBatch';
import { exportBackup, restoreBackup } from './backup';

// dexie-export-import reads files the browser's way: it needs `self` and a FileReader, which
// Node lacks. This reader does what it uses (readAsArrayBuffer, then onload or onerror).
vi.hoisted(() => {
  const global = globalThis as { self?: unknown; FileReader?: unknown };
  global.self ??= globalThis;
  global.FileReader ??= class {
    result: ArrayBuffer | null = null;
    error: unknown = null;
    onload: ((event: { target: unknown }) => void) | null = null;
    onerror: ((event: { target: unknown }) => void) | null = null;
    onabort: (() => void) | null = null;
    readAsArrayBuffer(blob: Blob): void {
      blob.arrayBuffer().then(
        (buffer) => {
          this.result = buffer;
          this.onload?.({ target: this });
        },
        (error: unknown) => {
          this.error = error;
          this.onerror?.({ target: this });
        },
      );
    }
  };
});

const base = { summary: '', contentHtml: '', guid: null, url: null, author: null, categories: [], imageUrl: null, enclosures: [], fetchedAt: '2026-02-26T13:00:00Z', read: 0, starred: 0, clipped: 0, language: 'ru', sourceId: 'zakon', feedTitle: 'Zakon.kz', text: '' };
const key = (id: string) => `zakon\u0000${id}`;
const feed = { title: 'Feed', url: 'https://example.kz/rss', siteUrl: null, format: 'rss' as const, language: 'ru' };
const feedItem = (id: string, title: string, text: string, publishedAt: string): FeedItem => ({ id, guid: id, url: null, title, summary: '', contentHtml: '', text, author: null, publishedAt, categories: [], imageUrl: null, enclosures: [], language: 'ru' });

/** A backup file as version 4 wrote one: items list their tags, there is no itemTags table. */
async function version4Backup(name: string): Promise<Blob> {
  const v4 = await openAsShippedVersion(name, 4);
  await v4.table('items').bulkPut([
    { ...base, key: key('a'), id: 'a', title: 'Вучич в Астане', publishedAt: '2026-02-26T12:45:00Z', storyId: key('a'), tagIds: ['tag-visit', 'tag-serbia'] },
    { ...base, key: key('b'), id: 'b', title: 'Погода', publishedAt: '2026-02-26T09:10:00Z', storyId: key('b'), tagIds: [] },
  ]);
  await v4.table('stories').bulkPut([key('a'), key('b')].map((k) => ({ id: k, firstItemKey: k, firstPublishedAt: '2026-02-26T09:10:00Z', latestPublishedAt: '2026-02-26T12:45:00Z', size: 1, sourceIds: ['zakon'], updatedAt: '' })));
  await v4.table('tags').bulkPut([
    { id: 'tag-visit', name: 'Визит Вучича', color: '#1558b0' },
    { id: 'tag-serbia', name: 'Сербия', color: '#b3261e' },
  ]);
  const file = await exportDB(v4);
  v4.close();
  await Dexie.delete(name);
  return file;
}

describe('backup and restore', () => {
  let db: PressWatchDb;
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('restores a backup written before version 5 with every item tag, and none of the tags held before', async () => {
    // A backup is restored into the database it was taken of (same name), written by version 4.
    const name = `restore-${Math.random()}`;
    const file = await version4Backup(name);
    db = openDatabase(name);
    await db.open();
    // What the database held before the restore is replaced, tags included.
    await db.items.put({ ...base, key: key('old'), id: 'old', title: 'Старое', publishedAt: '2026-01-01T00:00:00Z', read: 0, starred: 0, clipped: 0 });
    await addTag(db, [key('old'), key('b')], 'tag-visit');
    await restoreBackup(db, file);
    expect((await db.items.orderBy('publishedAt').toArray()).map((i) => [i.key, 'tagIds' in i])).toEqual([
      [key('b'), false],
      [key('a'), false],
    ]);
    expect((await tagsOf(db, [key('a')])).get(key('a'))?.sort()).toEqual(['tag-serbia', 'tag-visit']);
    expect(await keysWithTag(db, 'tag-visit')).toEqual([key('a')]);
    expect(await db.itemTags.count()).toBe(2);
  });

  it('restores a backup written before version 6: its prints replace the ones held and still find stories', async () => {
    const name = `restore-prints-${Math.random()}`;
    const title = 'Токаев и Вучич провели брифинг для СМИ после переговоров';
    const report = { ...base, key: key('a'), id: 'a', title, text: BRIEFING_RU, publishedAt: '2026-02-26T12:45:00Z', storyId: key('a') };
    const v5 = await openAsShippedVersion(name, 5);
    await v5.table('items').put(report);
    await v5.table('stories').put({ id: report.key, firstItemKey: report.key, firstPublishedAt: report.publishedAt, latestPublishedAt: report.publishedAt, size: 1, sourceIds: ['zakon'], updatedAt: '' });
    await v5.table('storyPrints').put({ key: report.key, storyId: report.key, publishedAt: report.publishedAt, fp: fingerprint({ title, text: BRIEFING_RU, language: 'ru' }) });
    const file = await exportDB(v5);
    v5.close();
    await Dexie.delete(name);

    db = openDatabase(name);
    // Held before the restore: an item and its print, which must not outlive it.
    await storeBatch(db, { batchId: 'x', sourceId: 'tengri', fetchedAt: '2026-02-27T00:00:00Z', feed, items: [feedItem('old', 'Погода в Астане', 'Ожидается снег и ветер.', '2026-02-27T00:00:00Z')] });
    await restoreBackup(db, file);
    expect(await db.storyPrints.count()).toBe(0);
    expect((await db.printGroups.toArray()).flatMap((group) => group.keys)).toEqual([report.key]);
    // A reprint arriving after the restore joins the restored report's story.
    await storeBatch(db, { batchId: 'k', sourceId: 'kazinform', fetchedAt: '2026-02-27T01:00:00Z', feed, items: [feedItem('k', title, BRIEFING_RU, '2026-02-26T13:05:00Z')] });
    expect((await db.items.get('kazinform\u0000k'))?.storyId).toBe(report.key);
  });

  it('keeps item tags through a backup of this version', async () => {
    db = openDatabase(`roundtrip-${Math.random()}`);
    await db.items.put({ ...base, key: key('a'), id: 'a', title: 'Вучич в Астане', publishedAt: '2026-02-26T12:45:00Z', read: 0, starred: 0, clipped: 0, storyId: key('a') });
    await addTag(db, [key('a')], 'tag-visit');
    const file = await exportBackup(db);
    await db.itemTags.clear();
    await restoreBackup(db, file);
    expect(await keysWithTag(db, 'tag-visit')).toEqual([key('a')]);
  });
});
