// Runs in Chromium on the app's own origin: the renderer's real storage and search code over a
// real IndexedDB, driven by bench/desk.ts through window.presswatchBench.
import { Dexie } from 'dexie';
import type { FeedItem, ItemBatch } from '../../src-shared/model';
import { ITEMS_SCHEMA, openDatabase } from '../../src-renderer/db/schema';
import { storeBatches } from '../../src-renderer/db/storeBatch';
import { BatchPipeline } from '../../src-renderer/sync/batchPipeline';
import { assignStories, storyMemoryOf } from '../../src-renderer/db/stories';
import { bucketIndex, bucketsFor } from '../../src-renderer/features/coverage/buckets';
import { tally } from '../../src-renderer/features/coverage/figures';
import { loadCoverage, loadTopStories, type CoverageScope } from '../../src-renderer/features/coverage/loadCoverage';
import { applyTopicToStored } from '../../src-renderer/features/topics/topicActions';
import { indexPending } from '../../src-renderer/search/indexer';
import { clearIndexCaches, clearIndexCachesButDirectory } from '../../src-renderer/search/indexState';
import { SearchEngine } from '../../src-renderer/search/runSearch';

const outlets = [
  ['zakon', 'Zakon.kz', 'ru'],
  ['tengri', 'Tengrinews', 'ru'],
  ['kazinform', 'Kazinform', 'ru'],
  ['akorda-kk', 'Ақорда', 'kk'],
  ['astanatimes', 'The Astana Times', 'en'],
  ['n1', 'N1 Srbija', 'sr'],
] as const;

const kazakh = ['Астанада жаңа балалар кітапханасы ашылды', 'Тоқаев Сербия Президентін Ақордада қабылдады', 'Мемлекет басшысы үкімет отырысын өткізді', 'Алматыда бірнеше көшеде қозғалыс уақытша шектеледі'];
const english = ['Tokayev and Vučić brief the media after talks in Astana', 'Kazakhstan and Serbia sign agreements on trade and logistics', 'Astana hosts a regional IT conference and start-up fair', 'The tenge strengthened against the dollar on Thursday'];
const serbian = ['Vučić u zvaničnoj poseti Kazahstanu', 'Beograd: izmene u javnom prevozu od ponedeljka', 'Srbija i Kazahstan potpisali sporazume o saradnji'];

/** Items number `first` on (each number makes the same item every time), newest first. */
function makeItems(count: number, sentences: string[], first = 0): Array<{ sourceId: string; item: FeedItem }> {
  const start = Date.parse('2026-02-26T12:00:00Z');
  const rows: Array<{ sourceId: string; item: FeedItem }> = [];
  for (let i = first; i < first + count; i++) {
    const [sourceId, , language] = outlets[i % outlets.length]!;
    const pick = (list: string[], k: number) => list[(i * 7 + k) % list.length]!;
    const body =
      language === 'kk' ? [pick(kazakh, 0), pick(kazakh, 1), pick(sentences, 2)].join(' ')
      : language === 'en' ? [pick(english, 0), pick(english, 1)].join(' ')
      : language === 'sr' ? [pick(serbian, 0), pick(serbian, 1)].join(' ')
      : [pick(sentences, 0), pick(sentences, 1), pick(sentences, 2), pick(sentences, 3)].join(' ');
    const title = (language === 'ru' ? pick(sentences, 5) : body).slice(0, 100);
    const id = `b${i}`;
    rows.push({
      sourceId,
      item: { id, guid: id, url: `https://example.kz/${sourceId}/${i}`, title: `${title} №${i}`, summary: body.slice(0, 200), contentHtml: `<p>${body}</p>`, text: body, author: null, publishedAt: new Date(start - i * 45_000).toISOString(), categories: [], imageUrl: null, enclosures: [], language },
    });
  }
  return rows;
}

const BENCH_FEED = { title: 'bench', url: 'https://example.kz/', siteUrl: null, format: 'rss' as const, language: 'ru' };

/** The rows as the poller would send them: one batch per source per 1,000 items. */
function batchesOf(rows: Array<{ sourceId: string; item: FeedItem }>, idPrefix: string): ItemBatch[] {
  const batches: ItemBatch[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const bySource = new Map<string, FeedItem[]>();
    for (const { sourceId, item } of rows.slice(i, i + 1000)) {
      const items = bySource.get(sourceId);
      if (items) items.push(item);
      else bySource.set(sourceId, [item]);
    }
    for (const [sourceId, items] of bySource) batches.push({ batchId: `${idPrefix}${i}-${sourceId}`, sourceId, fetchedAt: new Date().toISOString(), feed: BENCH_FEED, items });
  }
  return batches;
}

async function seedSources(): Promise<void> {
  const db = openDatabase();
  await db.sources.bulkPut(outlets.map(([id, name, language]) => ({ id, name, url: `https://example.kz/${id}/rss`, kind: 'feed' as const, language, group: 'Bench', intervalMinutes: 60, enabled: false, browserUserAgent: false, addedAt: '' })));
  await db.meta.put({ key: 'defaultSourcesSeeded', value: true });
  db.close();
}

const bench = {
  /**
   * Bare bulkPut of the same rows into a table with only the primary key; with `withItemIndexes`,
   * into one with the app's item indexes (what those alone cost, with no story or search work).
   */
  async bareInsert(count: number, sentences: string[], withItemIndexes = false): Promise<number> {
    const rows = makeItems(count, sentences).map(({ sourceId, item }) => ({ ...item, sourceId, key: `${sourceId}\u0000${item.id}`, fetchedAt: item.publishedAt, read: 0, starred: 0, clipped: 0, storyId: item.id }));
    const db = new Dexie('bench-bare');
    db.version(1).stores({ items: withItemIndexes ? ITEMS_SCHEMA : 'key' });
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += 1000) await db.table('items').bulkPut(rows.slice(i, i + 1000));
    const ms = performance.now() - t0;
    db.close();
    await Dexie.delete('bench-bare');
    return ms;
  },
  /**
   * The app's own ingest: one batch per source per 1,000 items, all handed to the renderer's
   * pipeline at once as the outbox hands over a backlog (dedupe, topics, stories; batches stored
   * a group per transaction, the next group prepared meanwhile), then the indexer.
   */
  async appInsert(count: number, sentences: string[]): Promise<{ storeMs: number; indexMs: number }> {
    await seedSources();
    const db = openDatabase();
    const batches = batchesOf(makeItems(count, sentences), 'b');
    const pipeline = new BatchPipeline((group, prepared, whileWriting) => storeBatches(db, group, [], { prepared, whileWriting }));
    const t0 = performance.now();
    await Promise.all(batches.map((batch) => pipeline.add(batch)));
    const storeMs = performance.now() - t0;
    const t1 = performance.now();
    await indexPending(db);
    const indexMs = performance.now() - t1;
    db.close();
    return { storeMs, indexMs };
  },
  /**
   * Story grouping as storeBatch does it (fingerprint, candidates from the memory's band index,
   * decision, the prints and story rows written), alone in a database of its own, batch by batch
   * as appInsert stores them; then the memory's rebuild from the stored prints, as after a restart.
   */
  async groupStored(count: number, sentences: string[]): Promise<{ ms: number; memoryLoadMs: number; stories: number; retold: number }> {
    const db = openDatabase('bench-stories');
    const groups = batchesOf(makeItems(count, sentences), 'b').map(({ sourceId, items }) => items.map((item) => ({ ...item, key: `${sourceId}\u0000${item.id}`, sourceId })));
    // The items are there beforehand, untimed: a story's row starts from its stored first item
    // when a second one joins.
    for (const items of groups) await db.items.bulkPut(items.map((item) => ({ ...item, feedTitle: 'bench', fetchedAt: item.publishedAt, read: 0, starred: 0, clipped: 0 })));
    const storyIds = new Set<string>();
    const t0 = performance.now();
    for (const items of groups) {
      const assigned = await db.transaction('rw', [db.stories, db.printGroups, db.items], async () => assignStories(db, await storyMemoryOf(db), items, '2026-02-27T00:00:00Z'));
      for (const id of assigned.values()) storyIds.add(id);
    }
    const ms = performance.now() - t0;
    // Stories of one item have no row: they are counted from the ids assigned.
    const [stories, retold] = [storyIds.size, await db.stories.where('size').above(1).count()];
    db.close();
    const reopened = openDatabase('bench-stories');
    const t1 = performance.now();
    await reopened.transaction('r', [reopened.stories, reopened.printGroups], () => storyMemoryOf(reopened));
    const memoryLoadMs = performance.now() - t1;
    reopened.close();
    await Dexie.delete('bench-stories');
    return { ms, memoryLoadMs, stories, retold };
  },
  /**
   * Each query cold (no directory, block or look-up in memory), then as the first search after
   * the search box was entered (the app reads the directory ahead then: only blocks and
   * look-ups are missing), then `warmRounds` times warm, as a press officer refining it.
   */
  async searchLatencies(queries: string[], warmRounds: number): Promise<Array<{ query: string; coldMs: number; enteredMs: number; warmMs: number[]; hits: number }>> {
    const db = openDatabase();
    // Open before timing, as the app's database is: otherwise the first query carries the opening.
    await db.open();
    const engine = new SearchEngine(db);
    const timed = async (query: string): Promise<{ ms: number; hits: number }> => {
      const t0 = performance.now();
      const outcome = await engine.search(query);
      const ms = performance.now() - t0;
      if (!outcome.ok) throw new Error(`${query}: ${outcome.error.message}`);
      return { ms, hits: outcome.keys.size };
    };
    // Before each cold run the heap is collected (untimed): the caches just dropped are the
    // bench's garbage, which the app, reading its directory once per version of the index, does not make.
    const collect = () => (globalThis as { gc?: () => void }).gc?.();
    const out = [];
    for (const query of queries) {
      clearIndexCaches();
      collect();
      const cold = await timed(query);
      clearIndexCachesButDirectory(db);
      collect();
      const entered = await timed(query);
      const warmMs: number[] = [];
      for (let r = 0; r < warmRounds; r++) warmMs.push((await timed(query)).ms);
      out.push({ query, coldMs: cold.ms, enteredMs: entered.ms, warmMs, hits: cold.hits });
    }
    db.close();
    return out;
  },
  /**
   * A phrase search left on screen while a poll arrives: searched with every cache emptied, then
   * `arriving` new items are stored and indexed (a new version of the index), then searched again.
   */
  async phraseAfterPoll(query: string, sentences: string[], stored: number, arriving: number): Promise<{ coldMs: number; afterPollMs: number; hits: number }> {
    const db = openDatabase();
    await db.open();
    const engine = new SearchEngine(db);
    clearIndexCaches();
    let t0 = performance.now();
    await engine.search(query);
    const coldMs = performance.now() - t0;
    await storeBatches(db, batchesOf(makeItems(arriving, sentences, stored), 'poll-'));
    await indexPending(db);
    t0 = performance.now();
    const outcome = await engine.search(query);
    const afterPollMs = performance.now() - t0;
    db.close();
    return { coldMs, afterPollMs, hits: outcome.ok ? outcome.keys.size : -1 };
  },
  /** Re-applies a topic to every stored item while a timer measures how long the page stalls. */
  async reapplyTopic(query: string): Promise<{ ms: number; matched: number; maxStallMs: number }> {
    const db = openDatabase();
    const tag = { id: 'bench-tag', name: 'Bench topic', color: '#000' };
    await db.tags.put(tag);
    let last = performance.now();
    let maxStallMs = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      maxStallMs = Math.max(maxStallMs, now - last - 16);
      last = now;
    }, 16);
    const t0 = performance.now();
    const result = await applyTopicToStored(db, { id: 'bench', name: 'Bench', query, tagId: tag.id, from: null, to: null, alert: false, createdAt: '' }, () => undefined);
    const ms = performance.now() - t0;
    clearInterval(timer);
    db.close();
    return { ms, matched: result.matched, maxStallMs };
  },
  /**
   * The coverage view's figures over the newest `days` days: as the view reads them (key-only
   * index reads per bucket) and, for comparison, by loading every item of the range.
   */
  async coverage(days: number, rounds: number): Promise<Array<{ scope: string; items: number; ms: number[]; topStoriesMs: number; loadAllMs: number[] }>> {
    const db = openDatabase();
    const timeZone = 'Asia/Almaty';
    const newest = (await db.items.orderBy('publishedAt').last())!.publishedAt;
    const to = newest.slice(0, 10);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
    const scopes: Array<[string, CoverageScope]> = [
      ['all', { kind: 'all' }],
      ['search Вучич', { kind: 'search', query: 'Вучич' }],
    ];
    const out = [];
    for (const [name, scope] of scopes) {
      const ms: number[] = [];
      const loadAllMs: number[] = [];
      let figures = await loadCoverage(db, scope, { from, to, timeZone });
      for (let r = 0; r < rounds; r++) {
        const t0 = performance.now();
        figures = await loadCoverage(db, scope, { from, to, timeZone });
        ms.push(performance.now() - t0);
      }
      const t1 = performance.now();
      await loadTopStories(db, figures);
      const topStoriesMs = performance.now() - t1;
      if (scope.kind === 'all') {
        // The plain way: every item of the range read whole, then counted.
        const buckets = bucketsFor(from, to, timeZone);
        for (let r = 0; r < rounds; r++) {
          const t0 = performance.now();
          const items = await db.items.where('publishedAt').between(buckets[0]!.start, buckets.at(-1)!.end, true, false).toArray();
          tally(items.map((item) => ({ bucket: bucketIndex(item.publishedAt, buckets), sourceId: item.sourceId })), buckets);
          loadAllMs.push(performance.now() - t0);
        }
      }
      out.push({ scope: name, items: figures.series.total, ms, topStoriesMs, loadAllMs });
    }
    db.close();
    return out;
  },
};

(window as unknown as { presswatchBench: typeof bench }).presswatchBench = bench;
document.getElementById('status')!.textContent = 'ready';
