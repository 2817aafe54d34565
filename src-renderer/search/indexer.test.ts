import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src-shared/model';
import { openDatabase, postingsOf, searchTermsOf, type PressWatchDb } from '../db/schema';
import { storeBatch } from '../db/storeBatch';
import { ChunkBuilder } from './chunkBuilder';
import { CHUNK_ROW, DEAD_ROW, indexTable } from './indexLayout';
import { indexPending } from './indexer';
import { clearIndexCaches } from './indexState';
import { SearchEngine } from './runSearch';

const feed = { title: 'x', url: 'https://x/', siteUrl: null, format: 'rss' as const, language: 'ru' };
function item(id: string, title: string, text: string, language = 'ru'): FeedItem {
  return { id, guid: id, url: null, title, summary: '', contentHtml: '', text, author: null, publishedAt: '2026-02-20T10:00:00.000Z', categories: [], imageUrl: null, enclosures: [], language };
}

describe('search index', () => {
  let db: PressWatchDb;
  beforeEach(() => {
    db = openDatabase(`index-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  const found = async (query: string) => {
    const outcome = await new SearchEngine(db).search(query);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return [...outcome.keys].map((key) => key.split('\u0000')[1]).sort();
  };

  it('holds the same word keys as the item analysis, plus source, language and word pairs', () => {
    const fields = { key: 'k', sourceId: 'zakon', title: 'Токаев принял Вучича', summary: 'Президент Сербии в Астане', text: 'Тоқаев Сербия Президентін қабылдады', language: 'kk' };
    const builder = new ChunkBuilder();
    builder.add(fields);
    const terms = [...builder.terms().keys()];
    const words = terms.filter((t) => !t.startsWith('\u0002')).sort();
    expect(words).toEqual([...new Set(searchTermsOf(fields))].sort());
    expect(terms).toContain('\u0002s:zakon');
    expect(terms).toContain('\u0002g:kk');
    expect(terms.some((t) => t.startsWith('\u0002p:c:токаев\u0001'))).toBe(true);
  });

  it('reads a summary that starts the text, even cut inside a word, as the text reads it', () => {
    const text = 'Президент Казахстана Касым-Жомарт Токаев провёл переговоры с Президентом Сербии Александром Вучичем в Акорде, сообщает пресс-служба.';
    for (const cut of [0, 40, 95, 100, 101, text.length]) {
      const fields = { key: 'k', sourceId: 'zakon', title: 'Переговоры', summary: text.slice(0, cut), text, language: 'ru' };
      const cutBuilder = new ChunkBuilder();
      cutBuilder.add(fields);
      // The cut summary read in full, and the text.
      const fullBuilder = new ChunkBuilder();
      fullBuilder.add({ ...fields, text: '' });
      fullBuilder.add({ ...fields, key: 'k2', summary: text, text: '' });
      const expected = new Set(fullBuilder.terms().keys());
      const got = new Set(cutBuilder.terms().keys());
      expect([...got].sort()).toEqual([...expected].sort());
    }
  });

  it('an edited item is no longer found by the words it lost', async () => {
    await storeBatch(db, { batchId: 'a', sourceId: 'zakon', fetchedAt: '2026-02-20T10:00:00Z', feed, items: [item('1', 'Вучич прилетел в Астану', 'Визит президента Сербии')] });
    await indexPending(db);
    expect(await found('Астана')).toEqual(['1']);
    await storeBatch(db, { batchId: 'b', sourceId: 'zakon', fetchedAt: '2026-02-20T11:00:00Z', feed, items: [item('1', 'Вучич прилетел в Алматы', 'Визит президента Сербии')] });
    // Still waiting for the indexer: answered from the item's current text.
    expect(await found('Астана')).toEqual([]);
    expect(await found('Алматы')).toEqual(['1']);
    await indexPending(db);
    expect(await db.pendingIndex.count()).toBe(0);
    expect(await found('Астана')).toEqual([]);
    expect(await found('Алматы')).toEqual(['1']);
    expect(await found('Вучич -Астана')).toEqual(['1']);
    // A fresh reader (no cached directory) agrees.
    clearIndexCaches();
    expect(await found('Астана')).toEqual([]);
    expect(await found('"прилетел в Алматы"')).toEqual(['1']);
  });

  it('small batches fill one chunk instead of adding a chunk each', async () => {
    for (let i = 0; i < 5; i++) {
      await storeBatch(db, { batchId: `b${i}`, sourceId: 'zakon', fetchedAt: '2026-02-20T10:00:00Z', feed, items: [item(`n${i}`, `Новость ${i}`, i % 2 ? 'Токаев провёл переговоры' : 'Погода в Астане')] });
      await indexPending(db);
    }
    const chunks = await indexTable(db).where('term').equals(CHUNK_ROW).toArray();
    expect(chunks).toHaveLength(1);
    expect(await found('Токаев')).toEqual(['n1', 'n3']);
    expect(await found('Астана')).toEqual(['n0', 'n2', 'n4']);
  });

  it('a chunk that is full starts another, and search reads both', async () => {
    const items = Array.from({ length: 7 }, (_, i) => item(`m${i}`, `Сообщение ${i}`, i === 6 ? 'Вучич в Астане' : 'Токаев в Астане'));
    await storeBatch(db, { batchId: 'm', sourceId: 'zakon', fetchedAt: '2026-02-20T10:00:00Z', feed, items });
    await indexPending(db, 3, 4);
    expect((await indexTable(db).where('term').equals(CHUNK_ROW).toArray()).map((c) => c.term === CHUNK_ROW && c.keys.length)).toEqual([4, 3]);
    expect(await found('Астана')).toHaveLength(7);
    expect(await found('Вучич')).toEqual(['m6']);
  });

  it('two runs at once index every item once: a step whose keys the other run took is done again', async () => {
    const items = Array.from({ length: 9 }, (_, i) => item(`r${i}`, `Сообщение ${i}`, i % 3 ? 'Токаев в Астане' : 'Вучич в Белграде'));
    await storeBatch(db, { batchId: 'r', sourceId: 'zakon', fetchedAt: '2026-02-20T10:00:00Z', feed, items });
    const counts = await Promise.all([indexPending(db, 2, 4), indexPending(db, 2, 4)]);
    expect(counts[0]! + counts[1]!).toBe(9);
    const chunks = (await indexTable(db).where('term').equals(CHUNK_ROW).toArray()).flatMap((c) => (c.term === CHUNK_ROW ? [c.keys] : []));
    expect(chunks.flat().sort()).toEqual(items.map((i) => `zakon\u0000${i.id}`).sort());
    expect(await indexTable(db).where('term').equals(DEAD_ROW).count()).toBe(0);
    clearIndexCaches();
    expect(await found('Белград')).toEqual(['r0', 'r3', 'r6']);
    expect(await found('Астана')).toHaveLength(6);
  });

  it('answers two-word phrases exactly and never for words that are apart', async () => {
    await storeBatch(db, {
      batchId: 'p',
      sourceId: 'zakon',
      fetchedAt: '2026-02-20T10:00:00Z',
      feed,
      items: [
        item('1', 'Официальный визит', 'Президент прибыл с официальным визитом в Астану.'),
        item('2', 'Визит', 'Визит был официальным, сообщили в Акорде.'),
        item('3', 'Брифинг', 'Брифинг для представителей СМИ прошёл в Акорде.'),
        item('4', 'Брифинг', 'Для представителей СМИ провели брифинг.'),
        item('5', 'Tokayev', 'Kassym-Jomart Tokayev met Vučić.', 'en'),
      ],
    });
    const phrases = ['"официальным визитом"', '"официального визита"', '"брифинг для представителей"', '"Жомарт Токаев"', '"визит официальный"'];
    const before = await Promise.all(phrases.map(found));
    await indexPending(db);
    const after = await Promise.all(phrases.map(found));
    expect(after).toEqual(before);
    expect(after).toEqual([['1'], ['1'], ['3'], ['5'], []]);
  });

  it('settles longer phrases by where their pairs stand, and by the item where a pair is there twice', async () => {
    const phrases = ['"брифинг для представителей"', '"брифинг для представителей СМИ"', '"для представителей брифинг"'];
    await storeBatch(db, {
      batchId: 'p',
      sourceId: 'zakon',
      fetchedAt: '2026-02-20T10:00:00Z',
      feed,
      items: [
        item('1', 'Брифинг', 'Брифинг для представителей СМИ прошёл в Акорде.'),
        // Each pair twice, the run only in its second half.
        item('2', 'Брифинг', 'Был брифинг для журналистов, потом брифинг для представителей СМИ и для представителей посольств.'),
        // Each pair twice, never the run.
        item('3', 'Брифинг', 'Был брифинг для журналистов, потом брифинг для гостей, и для представителей посольств, и для представителей СМИ.'),
        // Each pair once, apart.
        item('4', 'Брифинг для прессы', 'Для представителей СМИ провели брифинг.'),
        // Across the title and the text.
        item('5', 'Прошёл брифинг для', 'Представителей СМИ пригласили.'),
      ],
    });
    const before = await Promise.all(phrases.map(found));
    await indexPending(db);
    const after = await Promise.all(phrases.map(found));
    expect(after).toEqual(before);
    expect(after).toEqual([['1', '2'], ['1', '2'], []]);
    // Blocks written before positions were kept: every candidate is checked against its item.
    for (const row of await indexTable(db).toArray()) {
      if ('positions' in row) {
        const { positions: _dropped, ...without } = row;
        await indexTable(db).put(without);
      }
    }
    clearIndexCaches();
    expect(await Promise.all(phrases.map(found))).toEqual(after);
  });

  it('rebuilds an index written in the earlier layout', async () => {
    await storeBatch(db, { batchId: 'o', sourceId: 'zakon', fetchedAt: '2026-02-20T10:00:00Z', feed, items: [item('1', 'Вучич', 'Сербия'), item('2', 'Токаев', 'Казахстан')] });
    // What the earlier indexer wrote: one row per term with the item keys.
    const stored = await db.items.toArray();
    await db.postings.bulkAdd(postingsOf(stored.map((s) => ({ key: s.key, terms: searchTermsOf(s) }))));
    await db.pendingIndex.clear();
    await indexPending(db);
    expect(await db.postings.where('term').equals('c:вучич').count()).toBe(0);
    expect(await found('Вучич')).toEqual(['1']);
    expect(await found('Казахстан')).toEqual(['2']);
    expect(await indexTable(db).where('term').equals(DEAD_ROW).count()).toBe(0);
  });
});
