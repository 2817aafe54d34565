// Fingerprints for "same story, other outlet". See index.ts for the contract.
import { extractFeatures, type StoryText } from './features';
import { agreement, combine, hashString, minhash } from './minhash';

/**
 * What is stored with an item to find its story later: small (about 1 KB as JSON) and plain JSON.
 * `bands` goes into a Dexie multi-entry index; two items that may be one story share a band key.
 */
export interface Fingerprint {
  /** Format version: fingerprints of another version are not compared (recompute them). */
  v: typeof FINGERPRINT_VERSION;
  /** MinHash of the word shingles (same-language wording). */
  sig: number[];
  /** How many distinct shingles the item has (for containment: a lead inside a full text). */
  n: number;
  /** Hashes of the item's anchors (names as cross-script skeletons, and numbers), ascending. */
  anchors: number[];
  /** The numbers among the anchors, ascending: two items with different figures are different news. */
  nums: number[];
  /** LSH band keys of both signatures. */
  bands: string[];
}

export const FINGERPRINT_VERSION = 1;

/** Words per shingle: 3 keeps shared phrases ("президент Казахстана Касым-Жомарт") from meaning "same story". */
export const SHINGLE = 3;
export const SIGNATURE_SIZE = 64;
/** Rows per band of the shingle signature: 16 bands of 4 find pairs with Jaccard ≥ ~0.25 almost surely. */
export const SHINGLE_ROWS = 4;
export const MAX_NAMES = 32;
export const MAX_NUMBERS = 16;
const ANCHOR_SIG_SIZE = 12;
/**
 * Shingles of the text's opening that get bands of their own. A lead-only copy (an RSS summary, a
 * reprint of the first paragraphs) shares the opening of a long report but only a few percent of
 * its shingles, too few for the whole-text bands to meet; these bands meet at once.
 */
const LEAD_SHINGLES = 20;
const LEAD_SIG_SIZE = 8;
const LEAD_ROWS = 2;
const ANCHOR_ROWS = 2;
/** Fewer anchors than this say too little for a cross-language match, so they get no bands. */
const MIN_ANCHORS_FOR_BANDS = 5;

/** All shingles of the item, and the first {@link LEAD_SHINGLES} of its text (its lead) in order. */
function shingleHashes(words: readonly string[], textStart: number): { all: Set<number>; lead: number[] } {
  const all = new Set<number>();
  const lead: number[] = [];
  const hashes = words.map(hashString);
  const addRange = (from: number, to: number, isText: boolean) => {
    if (to - from <= 0) return;
    const add = (h: number) => {
      if (isText && lead.length < LEAD_SHINGLES && !all.has(h)) lead.push(h);
      all.add(h);
    };
    if (to - from < SHINGLE) {
      // A text shorter than one shingle is one shingle of all its words.
      let h = 0x1234567;
      for (let i = from; i < to; i++) h = combine(h, hashes[i]!);
      add(h);
      return;
    }
    for (let i = from; i + SHINGLE <= to; i++) {
      let h = hashes[i]!;
      for (let j = 1; j < SHINGLE; j++) h = combine(h, hashes[i + j]!);
      add(h);
    }
  };
  addRange(0, textStart, false);
  addRange(textStart, words.length, true);
  return { all, lead };
}

function bandKeys(prefix: string, sig: readonly number[], rows: number): string[] {
  const keys: string[] = [];
  for (let b = 0; b * rows + rows <= sig.length; b++) {
    let h = b + 1;
    for (let r = 0; r < rows; r++) h = combine(h, sig[b * rows + r]!);
    keys.push(prefix + b.toString(36) + h.toString(36));
  }
  return keys;
}

/** The most frequent keys, hashed and sorted: what a story is about, not a long text's passing mentions. */
function topHashes(counts: ReadonlyMap<string, number>, limit: number): number[] {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  return [...new Set(ranked.map(([k]) => hashString(k)))].sort((a, b) => a - b);
}

const shingleBands = (sig: readonly number[], shingles: number): string[] => (shingles ? bandKeys('s', sig, SHINGLE_ROWS) : []);
const anchorBands = (anchors: readonly number[]): string[] =>
  anchors.length >= MIN_ANCHORS_FOR_BANDS ? bandKeys('a', minhash(anchors, ANCHOR_SIG_SIZE), ANCHOR_ROWS) : [];

/** The fingerprint of an item's title and text, read in its language. Deterministic; never throws. */
export function fingerprint(item: StoryText): Fingerprint {
  const features = extractFeatures(item);
  const { all: shingles, lead } = shingleHashes(features.words, features.textStart);
  const sig = minhash(shingles, SIGNATURE_SIZE);
  const nums = topHashes(features.numbers, MAX_NUMBERS);
  const anchors = [...new Set([...topHashes(features.names, MAX_NAMES), ...nums])].sort((a, b) => a - b);
  const leadBands = lead.length >= 5 ? bandKeys('l', minhash(lead, LEAD_SIG_SIZE), LEAD_ROWS) : [];
  const bands = [...shingleBands(sig, shingles.size), ...leadBands, ...anchorBands(anchors)];
  return { v: FINGERPRINT_VERSION, sig, n: shingles.size, anchors, nums, bands };
}

/**
 * The band keys of a fingerprint stored without them, as far as they can be rebuilt: those of the
 * wording and of the anchors. The lead's bands need the text's opening, which is not stored.
 */
export function rebuildBandKeys(fp: Omit<Fingerprint, 'bands'>): string[] {
  return [...shingleBands(fp.sig, fp.n), ...anchorBands(fp.anchors)];
}

/** The keys to store in (and look up through) the multi-entry index. */
export function bandKeysOf(fp: Fingerprint): string[] {
  return fp.bands;
}

/** How two fingerprints compare; every figure is in [0, 1]. */
export interface Comparison {
  /** Estimated Jaccard similarity of the shingle sets. */
  jaccard: number;
  /** Estimated share of the smaller item's shingles that the other has too (a lead inside a full report). */
  containment: number;
  /** Estimated number of shared shingles. */
  sharedShingles: number;
  /** Jaccard similarity of the anchor sets, and how many anchors they share. */
  anchorJaccard: number;
  sharedAnchors: number;
  /** Share of the smaller anchor set the other has. */
  anchorContainment: number;
  /** Numbers each item has, and how many they share. */
  numbersA: number;
  numbersB: number;
  sharedNumbers: number;
}

function sharedCount(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

export function compare(a: Fingerprint, b: Fingerprint): Comparison {
  const jaccard = a.v === b.v ? agreement(a.sig, b.sig) : 0;
  // |A∩B| = J/(1+J)·(|A|+|B|) follows from J = |A∩B| / (|A|+|B|-|A∩B|).
  const sharedShingles = (jaccard / (1 + jaccard)) * (a.n + b.n);
  const smaller = Math.min(a.n, b.n);
  const containment = smaller ? Math.min(1, sharedShingles / smaller) : 0;
  const sharedAnchors = sharedCount(a.anchors, b.anchors);
  const union = a.anchors.length + b.anchors.length - sharedAnchors;
  const smallerAnchors = Math.min(a.anchors.length, b.anchors.length);
  return {
    jaccard,
    containment,
    sharedShingles,
    anchorJaccard: union ? sharedAnchors / union : 0,
    sharedAnchors,
    anchorContainment: smallerAnchors ? sharedAnchors / smallerAnchors : 0,
    numbersA: a.nums.length,
    numbersB: b.nums.length,
    sharedNumbers: sharedCount(a.nums, b.nums),
  };
}
