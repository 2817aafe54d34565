// The search index as the renderer reads it: the chunk directory (item keys, block ids) held in
// memory while the index does not change, blocks cached by id (a block is never rewritten: a
// chunk that grows gets new blocks), and term look-ups as bitsets over document numbers.
// Document number = chunk ordinal × CHUNK_MAX + the chunk's local number.
import type { PressWatchDb } from '../db/schema';
import { Bitset } from './bitset';
import { BLOCK_ROW, CHUNK_MAX, CHUNK_ROW, DEAD_ROW, NO_POSITION, blockFor, indexTable, lowerBound, readIndexMeta, type BlockRow, type ChunkRow, type DeadRow } from './indexLayout';

export interface ChunkInfo {
  id: number;
  /** Document number of the chunk's local 0. */
  base: number;
  keys: string[];
  blockIds: number[];
  blockFirst: string[];
  dead: Set<number>;
}

/** Decoded blocks kept between queries, bounded by their document numbers (2 bytes each). */
const BLOCK_CACHE_DOCS = 8_000_000;
const blockCache = new Map<string, BlockRow>();
let blockCacheDocs = 0;

function cacheBlock(id: string, block: BlockRow): void {
  blockCache.set(id, block);
  blockCacheDocs += block.docs.length;
  for (const [oldId, old] of blockCache) {
    if (blockCacheDocs <= BLOCK_CACHE_DOCS) break;
    blockCache.delete(oldId);
    blockCacheDocs -= old.docs.length;
  }
}

const TERM_CACHE_SIZE = 256;
const POSITION_CACHE_SIZE = 32;

export class IndexState {
  readonly size: number;
  /** Set when a block this directory names is gone: answers from it may miss documents. */
  stale = false;
  private liveDocs: Bitset | null = null;
  private docsByKey: Map<string, number> | null = null;
  /** Term and prefix look-ups of this version of the index (invalidated with it). */
  private readonly lookups = new Map<string, Bitset>();
  /** Word-pair positions of this version of the index. */
  private readonly positionLookups = new Map<string, Map<number, number>>();

  constructor(
    /** The index's instance (see IndexMeta): block ids are unique within it. */
    readonly instance: string,
    readonly version: number,
    readonly chunks: ChunkInfo[],
  ) {
    this.size = chunks.length * CHUNK_MAX;
  }

  empty(): Bitset {
    return new Bitset(this.size);
  }

  /** Every indexed document that is the current version of its item. */
  live(): Bitset {
    if (!this.liveDocs) {
      const live = this.empty();
      for (const chunk of this.chunks) for (let local = 0; local < chunk.keys.length; local++) if (!chunk.dead.has(local)) live.add(chunk.base + local);
      this.liveDocs = live;
    }
    return this.liveDocs;
  }

  /** Live document number of each indexed item key. */
  docOfKey(): Map<string, number> {
    if (!this.docsByKey) {
      const map = new Map<string, number>();
      for (const chunk of this.chunks) chunk.keys.forEach((key, local) => chunk.dead.has(local) || map.set(key, chunk.base + local));
      this.docsByKey = map;
    }
    return this.docsByKey;
  }

  keyOf(doc: number): string | undefined {
    return this.chunks[Math.floor(doc / CHUNK_MAX)]?.keys[doc % CHUNK_MAX];
  }

  keysOf(docs: Bitset): Set<string> {
    const keys = new Set<string>();
    docs.forEach((doc) => {
      const key = this.keyOf(doc);
      if (key !== undefined) keys.add(key);
    });
    return keys;
  }

  /** Documents having any of `terms`. */
  async docsWithAny(db: PressWatchDb, terms: readonly string[]): Promise<Bitset> {
    const id = '=' + [...terms].sort().join('\u0000');
    return this.cached(id, async () => {
      const out = this.empty();
      const blocks = await this.blocks(db, (chunk) => terms.map((term) => blockFor(chunk.blockFirst, term)));
      for (const { chunk, block } of blocks) {
        for (const term of terms) {
          const i = lowerBound(block.terms, term);
          if (block.terms[i] === term) this.addDocs(out, chunk, block, i);
        }
      }
      return out;
    });
  }

  /** Documents having a term that starts with `prefix`. */
  async docsWithPrefix(db: PressWatchDb, prefix: string): Promise<Bitset> {
    return this.cached('^' + prefix, async () => {
      const out = this.empty();
      const blocks = await this.blocks(db, (chunk) => {
        const wanted: number[] = [];
        for (let b = Math.max(0, blockFor(chunk.blockFirst, prefix)); b < chunk.blockFirst.length; b++) {
          const first = chunk.blockFirst[b]!;
          if (first > prefix && !first.startsWith(prefix)) break;
          wanted.push(b);
        }
        return wanted;
      });
      for (const { chunk, block } of blocks) {
        for (let i = lowerBound(block.terms, prefix); i < block.terms.length && block.terms[i]!.startsWith(prefix); i++) this.addDocs(out, chunk, block, i);
      }
      return out;
    });
  }

  /**
   * Documents having any of the word-pair terms `terms`, each with where the pair stands in it
   * (NO_POSITION: more than once, or not known).
   */
  async pairPositions(db: PressWatchDb, terms: readonly string[]): Promise<Map<number, number>> {
    return cachedIn(this.positionLookups, POSITION_CACHE_SIZE, [...terms].sort().join('\u0000'), async () => {
      const out = new Map<number, number>();
      const blocks = await this.blocks(db, (chunk) => terms.map((term) => blockFor(chunk.blockFirst, term)));
      for (const { chunk, block } of blocks) {
        for (const term of terms) {
          const i = lowerBound(block.terms, term);
          if (block.terms[i] !== term) continue;
          for (let j = block.offsets[i]!; j < block.offsets[i + 1]!; j++) {
            const local = block.docs[j]!;
            if (chunk.dead.has(local)) continue;
            const doc = chunk.base + local;
            const at = block.positions?.[j] ?? NO_POSITION;
            const seen = out.get(doc);
            // Two forms of the pair in one document at different places: more than once.
            out.set(doc, seen === undefined || seen === at ? at : NO_POSITION);
          }
        }
      }
      return out;
    });
  }

  private addDocs(out: Bitset, chunk: ChunkInfo, block: BlockRow, i: number): void {
    const end = block.offsets[i + 1]!;
    const { base, dead } = chunk;
    if (dead.size === 0) {
      for (let j = block.offsets[i]!; j < end; j++) out.add(base + block.docs[j]!);
      return;
    }
    for (let j = block.offsets[i]!; j < end; j++) {
      const local = block.docs[j]!;
      if (!dead.has(local)) out.add(base + local);
    }
  }

  /** A set computed once per version of the index (the caller's id says what it is). */
  memo(id: string, compute: () => Promise<Bitset>): Promise<Bitset> {
    return this.cached('#' + id, compute);
  }

  private cached(id: string, compute: () => Promise<Bitset>): Promise<Bitset> {
    return cachedIn(this.lookups, TERM_CACHE_SIZE, id, compute);
  }

  /** The blocks `pick` names in each chunk (negative indexes ignored), read once each. */
  private async blocks(db: PressWatchDb, pick: (chunk: ChunkInfo) => number[]): Promise<Array<{ chunk: ChunkInfo; block: BlockRow }>> {
    const wanted: Array<{ chunk: ChunkInfo; id: number }> = [];
    const seen = new Set<number>();
    for (const chunk of this.chunks) {
      for (const b of pick(chunk)) {
        const id = chunk.blockIds[b];
        if (id === undefined || seen.has(id)) continue;
        seen.add(id);
        wanted.push({ chunk, id });
      }
    }
    const cacheKey = (id: number) => `${this.instance}:${id}`;
    const missing = wanted.filter((w) => !blockCache.has(cacheKey(w.id))).map((w) => w.id);
    if (missing.length > 0) {
      const rows = await indexTable(db).bulkGet(missing);
      rows.forEach((row, i) => {
        if (row && row.term === BLOCK_ROW) cacheBlock(cacheKey(missing[i]!), row);
        else this.stale = true; // the indexer rewrote the chunk since this directory was read
      });
    }
    const out: Array<{ chunk: ChunkInfo; block: BlockRow }> = [];
    for (const { chunk, id } of wanted) {
      const block = blockCache.get(cacheKey(id));
      if (block) out.push({ chunk, block });
    }
    return out;
  }
}

/** `map`'s value for `id`, computed the first time; the oldest entry goes when `size` are held. */
async function cachedIn<T>(map: Map<string, T>, size: number, id: string, compute: () => Promise<T>): Promise<T> {
  let hit = map.get(id);
  if (hit === undefined) {
    hit = await compute();
    if (map.size >= size) map.delete(map.keys().next().value!);
    map.set(id, hit);
  }
  return hit;
}

/** Reads the chunk directory from the database (null: the index is not in this layout yet). */
export async function loadIndexState(db: PressWatchDb): Promise<IndexState | null> {
  const meta = await readIndexMeta(db);
  if (!meta) return null;
  const rows = await indexTable(db).where('term').anyOf([CHUNK_ROW, DEAD_ROW]).toArray();
  const chunkRows = rows.filter((row): row is ChunkRow & { id: number } => row.term === CHUNK_ROW).sort((a, b) => a.id - b.id);
  const chunks: ChunkInfo[] = chunkRows.map((row, ordinal) => ({ id: row.id, base: ordinal * CHUNK_MAX, keys: row.keys, blockIds: row.blockIds, blockFirst: row.blockFirst, dead: new Set() }));
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  for (const row of rows) {
    if (row.term !== DEAD_ROW) continue;
    const chunk = byId.get((row as DeadRow).chunk);
    if (chunk) for (const local of (row as DeadRow).locals) chunk.dead.add(local);
  }
  return new IndexState(meta.instance, meta.version, chunks);
}

let states = new WeakMap<PressWatchDb, IndexState>();

/** A directory being read, by database: the version it is of. */
const loading = new WeakMap<PressWatchDb, { version: number; state: Promise<IndexState | null> }>();

/** The index as it is now: the cached directory while the index's version has not moved. */
export async function currentIndexState(db: PressWatchDb): Promise<IndexState | null> {
  const meta = await readIndexMeta(db);
  if (!meta) return null;
  const cached = states.get(db);
  if (cached && cached.version === meta.version) return cached;
  // One read at a time per version: a search typed while the directory is being read ahead
  // (the search box was just entered) waits for that read instead of making a second one.
  const inFlight = loading.get(db);
  if (inFlight && inFlight.version === meta.version) return inFlight.state;
  const state = loadIndexState(db).then((loaded) => {
    if (loaded) states.set(db, loaded);
    return loaded;
  });
  loading.set(db, { version: meta.version, state });
  try {
    return await state;
  } finally {
    if (loading.get(db)?.state === state) loading.delete(db);
  }
}

/** Drops a directory found stale, so that the next reader loads the current one. */
export function forgetIndexState(db: PressWatchDb, state: IndexState): void {
  if (states.get(db) === state) states.delete(db);
}

/** Hands the indexer's freshly written directory to the readers, sparing them a reload. */
export function publishIndexState(db: PressWatchDb, state: IndexState): void {
  states.set(db, state);
}

/** What checking a phrase against the items found: the documents checked, and those that have the phrase. */
export interface PhraseChecks {
  checked: Bitset;
  matches: Bitset;
}

// Phrase checks outlive the version of the index they were made on: a document never changes its
// words (an edited item is indexed again as a new document, and its old one is marked dead), so a
// phrase search that stays on screen while polls arrive checks only the new documents.
const phraseChecks = new Map<string, PhraseChecks>();
const PHRASE_CHECKS = 32;

/** The checks made for phrase `id` on any version of this index (null: none yet). */
export function phraseChecksOf(state: IndexState, id: string): PhraseChecks | null {
  return phraseChecks.get(`${state.instance}\u0000${id}`) ?? null;
}

export function rememberPhraseChecks(state: IndexState, id: string, checks: PhraseChecks): void {
  const key = `${state.instance}\u0000${id}`;
  phraseChecks.delete(key);
  if (phraseChecks.size >= PHRASE_CHECKS) phraseChecks.delete(phraseChecks.keys().next().value!);
  phraseChecks.set(key, checks);
}

/**
 * Forgets every block, look-up and phrase check, but keeps `db`'s directory: the state of a
 * search box just entered, which reads the directory ahead (for measurements).
 */
export function clearIndexCachesButDirectory(db: PressWatchDb): void {
  const state = states.get(db);
  clearIndexCaches();
  if (state) states.set(db, new IndexState(state.instance, state.version, state.chunks));
}

/** Forgets every cached directory, block, look-up and phrase check (for cold measurements and tests). */
export function clearIndexCaches(): void {
  states = new WeakMap();
  blockCache.clear();
  blockCacheDocs = 0;
  phraseChecks.clear();
}
