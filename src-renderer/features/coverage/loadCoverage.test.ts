import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src-shared/model';
import { addTag } from '../../db/itemTags';
import { itemsOfSource, openDatabase, type Clipping, type PressWatchDb, type StoredItem } from '../../db/schema';
import { storeBatch } from '../../db/storeBatch';
import { indexPending } from '../../search/indexer';
import { CoverageQueryError, loadCoverage, loadTopStories, newestDay } from './loadCoverage';

const ASTANA = 'Asia/Almaty';
let seq = 0;
function item(title: string, publishedAt: string, language = 'ru'): FeedItem {
  const id = `i${++seq}`;
  return { id, guid: id, url: null, title, summary: '', contentHtml: '', text: title, author: null, publishedAt, categories: [], imageUrl: null, enclosures: [], language };
}
const feed = { title: 'x', url: 'https://x/', siteUrl: null, format: 'rss' as const, language: 'ru' };
const source = (id: string, name: string) => ({ id, name, url: `https://${id}/`, kind: 'feed' as const, language: 'ru', group: '', intervalMinutes: 15, enabled: true, browserUserAgent: false, addedAt: '' });

describe('loadCoverage over stored items', () => {
  let db: PressWatchDb;
  beforeEach(async () => {
    db = openDatabase(`coverage-${Math.random()}`);
    await db.sources.bulkPut([source('zakon', 'Zakon.kz'), source('n1', 'N1')]);
    await storeBatch(db, {
      batchId: 'b1',
      sourceId: 'zakon',
      fetchedAt: '2026-02-27T00:00:00Z',
      feed,
      items: [
        item('Токаев и Вучич провели брифинг', '2026-02-26T12:45:00Z'),
        item('Вучичу вручили орден', '2026-02-26T19:30:00Z'), // the 27th in Astana
        item('Погода в Астане', '2026-02-26T08:00:00Z'),
        item('Вучич прилетел в Астану', '2026-02-25T10:00:00Z'),
        item('Вучич и давний визит', '2026-01-10T10:00:00Z'), // outside the range
      ],
    });
    await storeBatch(db, { batchId: 'b2', sourceId: 'n1', fetchedAt: '2026-02-27T00:00:00Z', feed, items: [item('Vučić u zvaničnoj poseti Kazahstanu', '2026-02-26T11:00:00Z', 'sr')] });
    await indexPending(db);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  const range = { from: '2026-02-25', to: '2026-02-27', timeZone: ASTANA };
  const perDay = (f: Awaited<ReturnType<typeof loadCoverage>>) => f.series.rows.map((r) => [r.bucket.day, r.counts]);

  it('counts a search per day and outlet in the reader’s zone, with outlet names and shares', async () => {
    const f = await loadCoverage(db, { kind: 'search', query: 'Вучич' }, range);
    expect(f.unit).toBe('day');
    expect(perDay(f)).toEqual([
      ['2026-02-25', { zakon: 1 }],
      ['2026-02-26', { zakon: 1, n1: 1 }],
      ['2026-02-27', { zakon: 1 }],
    ]);
    expect(f.shares).toEqual([
      { sourceId: 'zakon', count: 3, percent: 75 },
      { sourceId: 'n1', count: 1, percent: 25 },
    ]);
    expect(f.outletNames).toEqual({ zakon: 'Zakon.kz', n1: 'N1' });
    expect(f.keys).toHaveLength(4);
  });

  it('counts everything stored, a tag and a topic; hourly for a short range', async () => {
    expect((await loadCoverage(db, { kind: 'all' }, range)).series.total).toBe(5);
    const zakonItems = (await itemsOfSource(db, 'zakon').toArray()).filter((i) => i.title.startsWith('Вучич'));
    await db.tags.put({ id: 't1', name: 'Визит', color: '#000' });
    await addTag(db, zakonItems.map((i) => i.key), 't1');
    expect((await loadCoverage(db, { kind: 'tag', tagId: 't1' }, range)).series.total).toBe(2);
    await db.topics.put({ id: 'p1', name: 'Сербия', query: 'орден OR погода', tagId: null, from: null, to: null, alert: false, createdAt: '' });
    expect((await loadCoverage(db, { kind: 'topic', topicId: 'p1' }, range)).series.total).toBe(2);
    const hourly = await loadCoverage(db, { kind: 'search', query: 'Вучич' }, { ...range, from: '2026-02-26', to: '2026-02-26' });
    expect(hourly.unit).toBe('hour');
    expect(hourly.series.rows.filter((r) => r.total > 0).map((r) => [r.bucket.hour, r.counts])).toEqual([
      [16, { n1: 1 }],
      [17, { zakon: 1 }],
    ]);
  });

  it('puts an item published exactly at the reader’s midnight on the new day, as the pure bucketing does', async () => {
    await storeBatch(db, {
      batchId: 'b3',
      sourceId: 'n1',
      fetchedAt: '2026-02-27T00:00:00Z',
      feed,
      items: [item('Ponoć', '2026-02-26T19:00:00Z', 'sr'), item('Pre ponoći', '2026-02-26T18:59:59.999Z', 'sr'), item('Kraj', '2026-02-27T18:59:59Z', 'sr'), item('Posle', '2026-02-27T19:00:00.000Z', 'sr')],
    });
    const f = await loadCoverage(db, { kind: 'all' }, range);
    expect(perDay(f).map(([day, counts]) => [day, (counts as Record<string, number>).n1 ?? 0])).toEqual([
      ['2026-02-25', 0],
      ['2026-02-26', 2], // Vučić at 11:00Z and "Pre ponoći"
      ['2026-02-27', 2], // "Ponoć" and "Kraj"; "Posle" is the 28th
    ]);
  });

  it('reports a malformed query instead of counting nothing', async () => {
    await expect(loadCoverage(db, { kind: 'search', query: '(Вучич OR' }, range)).rejects.toBeInstanceOf(CoverageQueryError);
  });

  it('takes a collection from its clippings, tones included, and reads stories defensively', async () => {
    const items = await db.items.orderBy('publishedAt').toArray();
    const clip = (i: StoredItem, tone: Clipping['tone'], n: number): Clipping => ({ id: `c${n}`, itemKey: i.key, clippedAt: '', item: i, note: '', tone, tagIds: [], collectionIds: ['col'], images: {} });
    const briefing = items.find((i) => i.title.startsWith('Токаев'))!;
    const n1 = items.find((i) => i.sourceId === 'n1')!;
    await db.clippings.bulkPut([clip({ ...briefing, storyId: 'visit' } as StoredItem, 'positive', 1), clip({ ...n1, storyId: 'visit' } as StoredItem, 'negative', 2), clip(items[0]!, 'neutral', 3)]);
    // The item behind a clipping may be gone: the clipping still counts.
    await db.items.delete(n1.key);
    const f = await loadCoverage(db, { kind: 'collection', collectionId: 'col' }, range);
    expect(perDay(f)).toEqual([
      ['2026-02-25', {}],
      ['2026-02-26', { zakon: 1, n1: 1 }],
      ['2026-02-27', {}],
    ]);
    expect(f.tone.counts).toEqual({ positive: 1, neutral: 0, negative: 1 });
    const stories = await loadTopStories(db, f);
    expect(stories.map((s) => [s.id, s.items, s.outlets])).toEqual([['visit', 2, ['n1', 'zakon']]]);

    // Tones of clippings among searched items; a stored item with a storyId groups with others.
    const searched = await loadCoverage(db, { kind: 'search', query: 'Вучич' }, range);
    expect(searched.tone.counts).toEqual({ positive: 1, neutral: 0, negative: 0 });
    await db.items.update(briefing.key, { storyId: 'visit' } as Partial<StoredItem>);
    const orden = items.find((i) => i.title.startsWith('Вучичу'))!;
    await db.items.update(orden.key, { storyId: 'visit' } as Partial<StoredItem>);
    const top = await loadTopStories(db, searched, 2);
    expect(top[0]).toMatchObject({ id: 'visit', items: 2, title: 'Токаев и Вучич провели брифинг' });
    expect(top).toHaveLength(2);
  });

  it('finds the newest day in scope to open on', async () => {
    expect(await newestDay(db, { kind: 'search', query: 'брифинг' }, ASTANA)).toBe('2026-02-26');
    expect(await newestDay(db, { kind: 'all' }, ASTANA)).toBe('2026-02-27');
    expect(await newestDay(db, { kind: 'search', query: 'нетакогослова' }, ASTANA)).toBeNull();
  });
});

describe('top stories where the schema indexes storyId', () => {
  it('groups by the index and reads only the leading stories’ items', async () => {
    // The schema as it will be once stories are stored: the same items table plus a storyId index.
    const name = `coverage-stories-${Math.random()}`;
    const db = openDatabase(name);
    db.version(3).stores({ items: 'key, sourceId, publishedAt, [sourceId+publishedAt], fetchedAt, read, starred, clipped, *tagIds, language, storyId' });
    await db.sources.bulkPut([source('zakon', 'Zakon.kz'), source('n1', 'N1'), source('b92', 'B92')]);
    const at = (h: number) => `2026-02-26T${String(h).padStart(2, '0')}:00:00Z`;
    await storeBatch(db, { batchId: 'z', sourceId: 'zakon', fetchedAt: at(20), feed, items: [item('Брифинг Токаева и Вучича', at(12)), item('Погода', at(6)), item('Курс тенге', at(7))] });
    await storeBatch(db, { batchId: 'n', sourceId: 'n1', fetchedAt: at(20), feed, items: [item('Vučić i Tokajev', at(11)), item('Beograd', at(8))] });
    await storeBatch(db, { batchId: 'b', sourceId: 'b92', fetchedAt: at(20), feed, items: [item('Vučić u Astani', at(13))] });
    const byTitle = new Map((await db.items.toArray()).map((i) => [i.title, i.key]));
    for (const title of ['Брифинг Токаева и Вучича', 'Vučić i Tokajev', 'Vučić u Astani']) await db.items.update(byTitle.get(title)!, { storyId: 'visit' } as Partial<StoredItem>);
    const f = await loadCoverage(db, { kind: 'all' }, { from: '2026-02-26', to: '2026-02-26', timeZone: ASTANA });
    const reads: string[][] = [];
    const bulkGet = db.items.bulkGet.bind(db.items);
    db.items.bulkGet = ((keys: string[]) => (reads.push(keys), bulkGet(keys))) as typeof db.items.bulkGet;
    const top = await loadTopStories(db, f, 2);
    expect(top.map((s) => [s.id === 'visit' ? 'visit' : s.title, s.items, s.outlets.length])).toEqual([
      ['visit', 3, 3],
      ['Погода', 1, 1], // the earliest of the single items
    ]);
    expect(top[0]!.title).toBe('Vučić i Tokajev');
    expect(reads.flat()).toHaveLength(4);
    db.close();
    await db.delete();
  });
});
