import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BRIEFING_RU } from '../../src-shared/similarity/testdata/briefing';
import { fingerprint } from '../../src-shared/similarity';
import { tagsOf } from './itemTags';
import { openAsShippedVersion, openDatabase, type PressWatchDb } from './schema';
import { storeBatch } from './storeBatch';

/** Kazinform reprints the briefing under `title`: it must join the story `storyId` of Zakon.kz's report. */
async function expectReprintJoins(db: PressWatchDb, title: string, storyId: string): Promise<void> {
  await storeBatch(db, {
    batchId: 'b1', sourceId: 'kazinform', fetchedAt: '2026-02-26T14:00:00Z',
    feed: { title: 'Kazinform', url: 'https://www.inform.kz/rss', siteUrl: null, format: 'rss', language: 'ru' },
    items: [{ id: 'k', guid: 'k', url: null, title, summary: '', contentHtml: '', text: BRIEFING_RU, author: null, publishedAt: '2026-02-26T13:05:00Z', categories: [], imageUrl: null, enclosures: [], language: 'ru' }],
  });
  expect((await db.items.get('kazinform\u0000k'))?.storyId).toBe(storyId);
  expect(await db.stories.get(storyId)).toMatchObject({ size: 2, sourceIds: ['zakon', 'kazinform'] });
}

describe('schema history', () => {
  it('opens a database written by version 1 and upgrades it without loss', async () => {
    const name = 'upgrade-from-v1';
    const v1 = await openAsShippedVersion(name, 1);
    await v1.table('sources').put({ id: 'zakon', name: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', kind: 'feed', language: 'ru', group: 'Казахстан', intervalMinutes: 15, enabled: true, browserUserAgent: false, addedAt: '2026-02-01T00:00:00Z' });
    await v1.table('items').bulkPut([
      { key: 'zakon\u0000a', id: 'a', sourceId: 'zakon', title: 'Токаев и Вучич провели брифинг', summary: '', text: 'Президент Сербии в Астане', contentHtml: '', publishedAt: '2026-02-26T12:45:00Z', read: 1, feedTitle: 'Zakon.kz', fetchedAt: '2026-02-26T13:00:00Z', language: 'ru' },
      { key: 'zakon\u0000b', id: 'b', sourceId: 'zakon', title: 'Астанада кітапхана ашылды', summary: '', text: '', contentHtml: '', publishedAt: '2026-02-26T09:10:00Z', read: 0, feedTitle: 'Zakon.kz', fetchedAt: '2026-02-26T13:00:00Z', language: 'kk' },
    ]);
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    const items = await db.items.orderBy('publishedAt').toArray();
    expect(items.map((i) => [i.title, i.read, i.starred, i.clipped, 'tagIds' in i])).toEqual([
      ['Астанада кітапхана ашылды', 0, 0, 0, false],
      ['Токаев и Вучич провели брифинг', 1, 0, 0, false],
    ]);
    expect(await db.itemTags.count()).toBe(0);
    // The upgrade indexed the old items for search.
    expect((await db.postings.where('term').equals('c:вучич').toArray()).flatMap((p) => p.keys)).toEqual(['zakon\u0000a']);
    expect((await db.sources.get('zakon'))?.group).toBe('Казахстан');
    db.close();
    await db.delete();
  });

  it('opens a database written by version 2 and groups its items into stories without losing anything', async () => {
    const name = 'upgrade-from-v2';
    const v2 = await openAsShippedVersion(name, 2);
    const base = { summary: '', contentHtml: '', guid: null, url: null, author: null, categories: [], imageUrl: null, enclosures: [], fetchedAt: '2026-02-26T13:00:00Z', read: 0, starred: 0, clipped: 0, tagIds: [] as string[] };
    const lead = BRIEFING_RU.split(/\n\s*\n/).slice(0, 4).join('\n\n');
    const rows = [
      { ...base, key: 'zakon\u0000a', id: 'a', sourceId: 'zakon', feedTitle: 'Zakon.kz', title: 'Токаев и Вучич провели брифинг для СМИ после переговоров', text: BRIEFING_RU, publishedAt: '2026-02-26T12:45:00Z', language: 'ru', read: 1, tagIds: ['tag-visit'] },
      { ...base, key: 'tengri\u0000t', id: 't', sourceId: 'tengri', feedTitle: 'Tengrinews', title: 'Токаев и Вучич выступили перед журналистами', text: lead, publishedAt: '2026-02-26T13:30:00Z', language: 'ru', starred: 1 },
      { ...base, key: 'zakon\u0000b', id: 'b', sourceId: 'zakon', feedTitle: 'Zakon.kz', title: 'Астанада кітапхана ашылды', text: 'Елордада жаңа балалар кітапханасы ашылды, оқырмандарға он мың кітап ұсынылады.', publishedAt: '2026-02-26T09:10:00Z', language: 'kk' },
    ];
    await v2.table('items').bulkPut(rows);
    await v2.table('tags').put({ id: 'tag-visit', name: 'Визит Вучича', color: '#1558b0' });
    await v2.table('clippings').put({ id: 'clip-1', itemKey: 'zakon\u0000a', clippedAt: '2026-02-26T14:00:00Z', item: rows[0], note: 'в сводку', tone: 'positive', tagIds: [], collectionIds: [], images: {} });
    v2.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    // Nothing lost: every item with its user state, the tag and the clipping.
    const items = await db.items.orderBy('publishedAt').toArray();
    expect(items.map((i) => [i.key, i.title, i.read, i.starred])).toEqual([rows[2]!, rows[0]!, rows[1]!].map((r) => [r.key, r.title, r.read, r.starred]));
    expect([...(await tagsOf(db, items.map((i) => i.key)))]).toEqual([['zakon\u0000a', ['tag-visit']]]);
    expect((await db.tags.get('tag-visit'))?.name).toBe('Визит Вучича');
    expect((await db.clippings.get('clip-1'))?.note).toBe('в сводку');
    // Stories assigned: the report and its retelling are one story, the library another.
    const [library, report, retelling] = items;
    expect(report!.storyId).toBeTruthy();
    expect(retelling!.storyId).toBe(report!.storyId);
    expect(library!.storyId).not.toBe(report!.storyId);
    const story = await db.stories.get(report!.storyId!);
    expect(story).toMatchObject({ firstItemKey: 'zakon\u0000a', firstPublishedAt: '2026-02-26T12:45:00Z', latestPublishedAt: '2026-02-26T13:30:00Z', size: 2, sourceIds: ['zakon', 'tengri'] });
    expect((await db.printGroups.toArray()).flatMap((group) => group.keys).sort()).toEqual(items.map((i) => i.key).sort());
    expect(await db.storyPrints.count()).toBe(0);
    db.close();
    await db.delete();
  });

  it('opens a database written by version 3: story rows lose their member lists, and its prints still find stories', async () => {
    const name = 'upgrade-from-v3';
    const v3 = await openAsShippedVersion(name, 3);
    const base = { summary: '', contentHtml: '', guid: null, url: null, author: null, categories: [], imageUrl: null, enclosures: [], fetchedAt: '2026-02-26T13:00:00Z', read: 0, starred: 0, clipped: 0, tagIds: [] as string[], language: 'ru' };
    const title = 'Токаев и Вучич провели брифинг для СМИ после переговоров';
    const report = { ...base, key: 'zakon\u0000a', id: 'a', sourceId: 'zakon', feedTitle: 'Zakon.kz', title, text: BRIEFING_RU, publishedAt: '2026-02-26T12:45:00Z', storyId: 'zakon\u0000a' };
    await v3.table('items').put(report);
    await v3.table('stories').put({ id: report.key, firstItemKey: report.key, firstPublishedAt: report.publishedAt, latestPublishedAt: report.publishedAt, size: 1, itemKeys: [report.key], sourceIds: ['zakon'], updatedAt: report.fetchedAt });
    // Version 3 stored prints without their band keys, and the bands in a table of their own.
    const { bands, ...stored } = fingerprint({ title, text: BRIEFING_RU, language: 'ru' });
    await v3.table('storyPrints').put({ key: report.key, storyId: report.key, publishedAt: report.publishedAt, fp: stored });
    await v3.table('storyBands').bulkPut(bands.map((band) => ({ band, keys: [report.key] })));
    v3.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.tables.map((t) => t.name)).not.toContain('storyBands');
    expect(await db.stories.get(report.key)).toEqual({ id: report.key, firstItemKey: report.key, firstPublishedAt: report.publishedAt, latestPublishedAt: report.publishedAt, size: 1, sourceIds: ['zakon'], updatedAt: report.fetchedAt });
    expect(await db.items.get(report.key)).toMatchObject({ title, storyId: report.key });
    // A reprint arriving now joins the report's story: the old print's bands are rebuilt.
    await expectReprintJoins(db, title, report.key);
    db.close();
    await db.delete();
  });

  it('opens a database written by version 4: the items’ tags move to itemTags rows and nothing is lost', async () => {
    const name = 'upgrade-from-v4';
    const v4 = await openAsShippedVersion(name, 4);
    const base = { summary: '', contentHtml: '', guid: null, url: null, author: null, categories: [], imageUrl: null, enclosures: [], fetchedAt: '2026-02-26T13:00:00Z', read: 0, starred: 0, clipped: 0, language: 'ru', sourceId: 'zakon', feedTitle: 'Zakon.kz', text: '' };
    const rows = [
      { ...base, key: 'zakon\u0000a', id: 'a', title: 'Вучич в Астане', publishedAt: '2026-02-26T12:45:00Z', storyId: 'zakon\u0000a', clipped: 1, tagIds: ['tag-visit', 'tag-serbia'] },
      { ...base, key: 'zakon\u0000b', id: 'b', title: 'Погода', publishedAt: '2026-02-26T09:10:00Z', storyId: 'zakon\u0000b', tagIds: [] as string[] },
      // An item tagged twice with one tag (nothing prevented it) keeps it once.
      { ...base, key: 'zakon\u0000c', id: 'c', title: 'Сербия и Казахстан', publishedAt: '2026-02-26T10:00:00Z', storyId: 'zakon\u0000c', starred: 1, tagIds: ['tag-serbia', 'tag-serbia'] },
    ];
    await v4.table('items').bulkPut(rows);
    await v4.table('tags').bulkPut([
      { id: 'tag-visit', name: 'Визит Вучича', color: '#1558b0' },
      { id: 'tag-serbia', name: 'Сербия', color: '#b3261e' },
    ]);
    await v4.table('clippings').put({ id: 'clip-1', itemKey: 'zakon\u0000a', clippedAt: '2026-02-26T14:00:00Z', item: rows[0], note: 'в сводку', tone: 'positive', tagIds: ['tag-visit'], collectionIds: [], images: {} });
    v4.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    const items = await db.items.orderBy('publishedAt').toArray();
    expect(items.map((i) => [i.key, i.title, i.starred, i.clipped, i.storyId, 'tagIds' in i])).toEqual([
      ['zakon\u0000b', 'Погода', 0, 0, 'zakon\u0000b', false],
      ['zakon\u0000c', 'Сербия и Казахстан', 1, 0, 'zakon\u0000c', false],
      ['zakon\u0000a', 'Вучич в Астане', 0, 1, 'zakon\u0000a', false],
    ]);
    const tags = await tagsOf(db, items.map((i) => i.key));
    expect(tags.get('zakon\u0000a')?.sort()).toEqual(['tag-serbia', 'tag-visit']);
    expect(tags.get('zakon\u0000c')).toEqual(['tag-serbia']);
    expect(tags.has('zakon\u0000b')).toBe(false);
    expect(await db.itemTags.count()).toBe(3);
    // The tags themselves and the clipping (a frozen copy with its own tags) are as they were.
    expect((await db.tags.orderBy('name').toArray()).map((t) => t.name)).toEqual(['Визит Вучича', 'Сербия']);
    expect(await db.clippings.get('clip-1')).toMatchObject({ note: 'в сводку', tagIds: ['tag-visit'], item: { title: 'Вучич в Астане' } });
    // The items lost their tag index: a tag's items are found through itemTags only.
    expect(db.items.schema.indexes.map((i) => i.name)).not.toContain('tagIds');
    db.close();
    await db.delete();
  });

  it('opens a database written by version 5: its prints move into groups and still find stories', async () => {
    const name = 'upgrade-from-v5';
    const v5 = await openAsShippedVersion(name, 5);
    const base = { summary: '', contentHtml: '', guid: null, url: null, author: null, categories: [], imageUrl: null, enclosures: [], fetchedAt: '2026-02-26T13:00:00Z', read: 0, starred: 0, clipped: 0, language: 'ru', sourceId: 'zakon', feedTitle: 'Zakon.kz' };
    const title = 'Токаев и Вучич провели брифинг для СМИ после переговоров';
    const report = { ...base, key: 'zakon\u0000a', id: 'a', title, text: BRIEFING_RU, publishedAt: '2026-02-26T12:45:00Z', storyId: 'zakon\u0000a' };
    const weather = { ...base, key: 'zakon\u0000w', id: 'w', title: 'Погода в Астане', text: 'Ожидается снег и ветер до пятнадцати метров в секунду.', publishedAt: '2026-02-26T08:00:00Z', storyId: 'zakon\u0000w' };
    await v5.table('items').bulkPut([report, weather]);
    await v5.table('stories').bulkPut([report, weather].map((item) => ({ id: item.key, firstItemKey: item.key, firstPublishedAt: item.publishedAt, latestPublishedAt: item.publishedAt, size: 1, sourceIds: ['zakon'], updatedAt: item.fetchedAt })));
    // Version 5 kept a row per print, band keys included.
    await v5.table('storyPrints').bulkPut([report, weather].map((item) => ({ key: item.key, storyId: item.key, publishedAt: item.publishedAt, fp: fingerprint({ title: item.title, text: item.text, language: 'ru' }) })));
    v5.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.items.schema.indexes.map((i) => i.name)).not.toContain('sourceId');
    expect(db.items.schema.indexes.map((i) => i.name)).not.toContain('language');
    expect(await db.storyPrints.count()).toBe(0);
    const groups = await db.printGroups.toArray();
    expect(groups.flatMap((group) => group.keys).sort()).toEqual([report.key, weather.key]);
    expect(groups.flatMap((group) => group.prints).find((print) => print.key === report.key)).toMatchObject({ storyId: report.key, publishedAt: report.publishedAt });
    // A reprint arriving now joins the report's story, found through the moved print.
    await expectReprintJoins(db, title, report.key);
    db.close();
    await db.delete();
  });
});
