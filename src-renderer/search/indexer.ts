// Moves stored items into the search index (see indexLayout.ts): pending items are taken up to
// a chunk's room at a time, analysed once, and appended to the last chunk until it is full, so the
// index stays a few large rows per 16k items however small the polls' batches are. An item
// indexed again (its text was edited) has its earlier document marked dead, so its old words no
// longer find it. An item is searchable before this runs too (the search reads pending items).
import type { PressWatchDb, StoredItem } from '../db/schema';
import { BLOCK_ROW, CHUNK_MAX, CHUNK_ROW, DEAD_ROW, INDEX_META_KEY, LAYOUT, encodeBlocks, indexTable, readIndexMeta, type BlockRow, type ChunkRow, type IndexMeta } from './indexLayout';
import { IndexState, loadIndexState, publishIndexState, type ChunkInfo } from './indexState';
import { isPairTerm } from './itemTerms';
import { ChunkBuilder, type TermPostings } from './chunkBuilder';
import { hasPending, peekPending, queueForIndex, takePeeked } from './pendingQueue';

/**
 * Items taken per step: up to a chunk's room, so a chunk is encoded and written once or twice
 * rather than at every few thousand items (a step rewrites its chunk's blocks whole). A step's
 * reading and analysis hold no writing transaction, so its size does not make the list wait.
 */
export const INDEX_BATCH = CHUNK_MAX;

/** The last chunk's terms, kept decoded between steps of one run. */
interface TailTerms {
  chunkId: number;
  size: number;
  terms: Map<string, TermPostings>;
}

/** Analysis time between two turns given to the UI: about a frame. */
const SLICE_MS = 12;

/**
 * A turn of the event loop. Through a message rather than a timer: timers are throttled in a
 * hidden window, where the indexer keeps working.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Indexes every pending item; returns how many. Each step reads its keys and items and analyses
 * them outside any writing transaction (the list and the reader keep reading, the UI keeps its
 * frames), then writes in one short transaction, which takes the keys off the queue. A step whose
 * index or keys another run changed meanwhile is done again; so two runs at once are safe.
 */
export async function indexPending(db: PressWatchDb, batch = INDEX_BATCH, chunkSize = CHUNK_MAX): Promise<number> {
  if (chunkSize > CHUNK_MAX) throw new RangeError(`A chunk holds at most ${CHUNK_MAX} items`);
  let total = 0;
  let state: IndexState | null = null;
  let docOfKey: Map<string, { chunk: number; local: number }> | null = null;
  let tail: TailTerms | null = null;
  for (;;) {
    // Nothing waiting: no writing transaction at all. One would hold the items while it loads the
    // index's directory, and the app runs this as it opens, when the first rows are being read.
    const written = await readIndexMeta(db);
    if (written && !(await hasPending(db))) return total;
    const meta = written ?? (await db.transaction('rw', [db.items, db.postings, db.pendingIndex, db.meta], async () => (await readIndexMeta(db)) ?? startLayout(db)));
    if (!state || state.version !== meta.version) {
      state = (await loadIndexState(db))!;
      docOfKey = null;
      tail = null;
    }
    const current: IndexState = state;
    const last = current.chunks[current.chunks.length - 1];
    const room = last ? Math.max(0, chunkSize - last.keys.length) : 0;
    const peek = await peekPending(db, room > 0 ? Math.min(room, batch) : batch);
    if (peek.keys.length === 0) return total;
    const items = (await db.items.bulkGet(peek.keys)).filter((item): item is StoredItem => item !== undefined);

    if (!docOfKey) {
      docOfKey = new Map();
      for (const chunk of current.chunks) chunk.keys.forEach((key, local) => chunk.dead.has(local) || docOfKey!.set(key, { chunk: chunk.id, local }));
    }
    const knownDocs = docOfKey;
    const appendTo = room > 0 ? last! : null;
    const stored: Map<string, TermPostings> | undefined = appendTo ? (tail && tail.chunkId === appendTo.id && tail.size === appendTo.keys.length ? tail.terms : await decodeChunk(db, appendTo)) : undefined;
    const builder: ChunkBuilder = new ChunkBuilder(appendTo ? [...appendTo.keys] : [], stored);
    const dead = new Map<number, number[]>();
    let sliceStart = performance.now();
    for (const item of items) {
      const earlier = knownDocs.get(item.key);
      if (earlier) dead.set(earlier.chunk, [...(dead.get(earlier.chunk) ?? []), earlier.local]);
      builder.add(item);
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    const chunkKeys: string[] = builder.keys;
    const terms = builder.terms();
    const sorted = [...terms.keys()].sort();
    const blocks = encodeBlocks(sorted, (term) => terms.get(term)!);

    const step = await db.transaction('rw', [db.postings, db.pendingIndex, db.meta], async () => {
      // Another run wrote the index, or took some of these keys, since they were read: again.
      const now = await readIndexMeta(db);
      if (!now || now.version !== meta.version || now.instance !== meta.instance) return null;
      if (!(await takePeeked(db, peek))) return null;
      const table = indexTable(db);
      const blockIds = (await table.bulkAdd(blocks, { allKeys: true })) as number[];
      const chunkRow: ChunkRow = { term: CHUNK_ROW, keys: chunkKeys, blockIds, blockFirst: blocks.map((b) => b.terms[0]!) };
      let chunkId: number;
      if (appendTo) {
        chunkId = appendTo.id;
        await table.put({ ...chunkRow, id: chunkId });
        await table.bulkDelete(appendTo.blockIds);
      } else {
        chunkId = await table.add(chunkRow);
      }
      if (dead.size > 0) await table.bulkAdd([...dead].map(([chunk, locals]) => ({ term: DEAD_ROW, chunk, locals })));
      const version = meta.version + 1;
      await db.meta.put({ key: INDEX_META_KEY, value: { ...meta, version } satisfies IndexMeta });
      return { chunkId, blockIds, blockFirst: chunkRow.blockFirst, version };
    });
    if (step === null) {
      state = null;
      continue;
    }
    // The directory after this step, built from fresh objects: readers may hold the old one.
    const chunks: ChunkInfo[] = current.chunks.map((chunk) => {
      const marked = dead.get(chunk.id);
      return marked ? { ...chunk, dead: new Set([...chunk.dead, ...marked]) } : chunk;
    });
    const previous = appendTo ? chunks[chunks.length - 1]! : null;
    const info: ChunkInfo = { id: step.chunkId, base: previous ? previous.base : chunks.length * CHUNK_MAX, keys: chunkKeys, blockIds: step.blockIds, blockFirst: step.blockFirst, dead: new Set(previous?.dead ?? []) };
    if (previous) chunks[chunks.length - 1] = info;
    else chunks.push(info);
    const firstNew = appendTo ? appendTo.keys.length : 0;
    for (let local = firstNew; local < chunkKeys.length; local++) knownDocs.set(chunkKeys[local]!, { chunk: step.chunkId, local });
    total += peek.keys.length;
    state = new IndexState(meta.instance, step.version, chunks);
    tail = { chunkId: step.chunkId, size: chunkKeys.length, terms };
    publishIndexState(db, state);
  }
}

/** A chunk's terms and documents (and pair positions, where kept) as the indexer extends them. */
async function decodeChunk(db: PressWatchDb, chunk: ChunkInfo): Promise<Map<string, TermPostings>> {
  const terms = new Map<string, TermPostings>();
  for (const row of await indexTable(db).bulkGet(chunk.blockIds)) {
    if (!row || row.term !== BLOCK_ROW) continue;
    const block = row as BlockRow;
    block.terms.forEach((term, i) => {
      const from = block.offsets[i]!;
      const to = block.offsets[i + 1]!;
      const docs = Array.from(block.docs.subarray(from, to));
      terms.set(term, isPairTerm(term) && block.positions ? { docs, positions: Array.from(block.positions.subarray(from, to)) } : { docs });
    });
  }
  return terms;
}

/**
 * First run on a database indexed in the earlier layout (one row per term per chunk, written by
 * the version 2 upgrade or an earlier release): its rows are dropped and every item is queued
 * again. Until the indexer has caught up, search reads the queued items directly.
 */
async function startLayout(db: PressWatchDb): Promise<IndexMeta> {
  if ((await db.postings.count()) > 0) {
    await db.postings.clear();
    const keys = (await db.items.toCollection().primaryKeys()) as string[];
    await queueForIndex(db, keys);
  }
  const meta: IndexMeta = { layout: LAYOUT, version: 0, instance: Date.now().toString(36) + Math.random().toString(36).slice(2) };
  await db.meta.put({ key: INDEX_META_KEY, value: meta });
  return meta;
}

/** Runs indexPending soon after the last call, one run at a time. */
export function createIndexScheduler(db: PressWatchDb, onError: (error: unknown) => void, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<unknown> = Promise.resolve();
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = running.then(() => indexPending(db)).catch(onError);
    }, delayMs);
  };
}
