// The search index as it lies in the `postings` table (layout 2). Items are indexed in chunks of
// up to CHUNK_MAX documents; a chunk numbers its documents 0..n-1 (its row lists their item keys)
// and stores its terms, sorted, in a few large block rows: each block holds a run of terms and,
// per term, the sorted document numbers as one Uint16Array. A few dozen rows per chunk instead of
// one row per term, and numbers instead of repeated key strings, is what makes writing and
// reading the index cheap. Every row kind has its own reserved `term` value, so the table's
// `term` index finds the chunk rows; blocks are read by their ids, listed in their chunk's row.
import type { Table } from 'dexie';
import type { PressWatchDb } from '../db/schema';

export const LAYOUT = 2;
/** meta key of { layout, version }: version grows with every change of the index. */
export const INDEX_META_KEY = 'searchIndex';
export const CHUNK_ROW = '\u0001chunk';
export const BLOCK_ROW = '\u0001block';
export const DEAD_ROW = '\u0001dead';
/** Documents per chunk: local numbers fit in 16 bits, and a query reads one block per chunk and term. */
export const CHUNK_MAX = 16_384;
/** A block closes after this many document numbers or terms. */
const BLOCK_DOCS = 16_384;
const BLOCK_TERMS = 512;

export interface ChunkRow {
  id?: number;
  term: typeof CHUNK_ROW;
  /** Item keys by local document number. */
  keys: string[];
  blockIds: number[];
  /** First term of each block, for a binary search. */
  blockFirst: string[];
}

export interface BlockRow {
  id?: number;
  term: typeof BLOCK_ROW;
  terms: string[];
  /** docs.subarray(offsets[i], offsets[i + 1]) are the documents of terms[i]. */
  offsets: Uint32Array;
  docs: Uint16Array;
  /**
   * Beside `docs`, for word-pair terms: the pair's position in each document (NO_POSITION for
   * other terms, a pair there more than once, or one whose place is not known). Only in blocks
   * holding pairs, and absent from blocks written before positions were kept.
   */
  positions?: Uint16Array;
}

/** A pair's position that says nothing: the phrase is checked against the item itself. */
export const NO_POSITION = 0xffff;

/** Documents of a chunk superseded by a later indexing of the same item (an edit). */
export interface DeadRow {
  id?: number;
  term: typeof DEAD_ROW;
  chunk: number;
  locals: number[];
}

export type IndexRow = ChunkRow | BlockRow | DeadRow;

export interface IndexMeta {
  layout: number;
  version: number;
  /** Random, set when the index is started: cached blocks are told apart by it across databases. */
  instance: string;
}

export const indexTable = (db: PressWatchDb): Table<IndexRow, number> => db.postings as unknown as Table<IndexRow, number>;

export async function readIndexMeta(db: PressWatchDb): Promise<IndexMeta | null> {
  const value = (await db.meta.get(INDEX_META_KEY))?.value as IndexMeta | undefined;
  return value && typeof value.version === 'number' && typeof value.instance === 'string' && value.layout === LAYOUT ? value : null;
}

/** Splits a chunk's sorted term → documents lists into block rows. */
export function encodeBlocks(terms: string[], postingsOf: (term: string) => { docs: ArrayLike<number>; positions?: ArrayLike<number> }): BlockRow[] {
  const blocks: BlockRow[] = [];
  let start = 0;
  while (start < terms.length) {
    let end = start;
    let docCount = 0;
    let withPositions = false;
    while (end < terms.length && end - start < BLOCK_TERMS && (end === start || docCount + postingsOf(terms[end]!).docs.length <= BLOCK_DOCS)) {
      const postings = postingsOf(terms[end]!);
      docCount += postings.docs.length;
      if (postings.positions) withPositions = true;
      end++;
    }
    const offsets = new Uint32Array(end - start + 1);
    const docs = new Uint16Array(docCount);
    const positions = withPositions ? new Uint16Array(docCount).fill(NO_POSITION) : undefined;
    let at = 0;
    for (let i = start; i < end; i++) {
      const postings = postingsOf(terms[i]!);
      const list = postings.docs;
      offsets[i - start] = at;
      if (positions && postings.positions) positions.set(postings.positions, at);
      for (let j = 0; j < list.length; j++) docs[at++] = list[j]!;
    }
    offsets[end - start] = at;
    blocks.push(positions ? { term: BLOCK_ROW, terms: terms.slice(start, end), offsets, docs, positions } : { term: BLOCK_ROW, terms: terms.slice(start, end), offsets, docs });
    start = end;
  }
  return blocks;
}

/** Index of the block of a sorted `firsts` list that would hold `term` (-1: before the first). */
export function blockFor(firsts: readonly string[], term: string): number {
  let lo = 0;
  let hi = firsts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (firsts[mid]! <= term) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Position of `term` in a sorted list, or of the first term after it. */
export function lowerBound(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
