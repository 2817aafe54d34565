// 32-bit hashing and MinHash. Everything is integer arithmetic on Math.imul so that a fingerprint
// computed in the renderer and one computed in Node are bit-for-bit the same.

/** FNV-1a over UTF-16 code units, then a murmur finaliser so close strings land far apart. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Murmur3's finaliser: a cheap, well-mixed permutation of 32-bit integers. */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combine two hashes (order matters): used to hash a shingle from its words' hashes. */
export function combine(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}

const SEEDS_CACHE = new Map<number, Uint32Array>();

function seeds(count: number): Uint32Array {
  let s = SEEDS_CACHE.get(count);
  if (!s) {
    s = new Uint32Array(count);
    let x = 0x2545f491;
    for (let i = 0; i < count; i++) {
      x = fmix32(x + 0x6d2b79f5);
      s[i] = x;
    }
    SEEDS_CACHE.set(count, s);
  }
  return s;
}

/**
 * MinHash signature of a set of 32-bit element hashes: for each of `size` hash functions
 * (element XOR seed, re-mixed), the smallest value. Two signatures agree in a position with
 * probability equal to the Jaccard similarity of the sets. An empty set gives all 0xffffffff.
 */
export function minhash(elements: Iterable<number>, size: number): number[] {
  const seed = seeds(size);
  const mins = new Uint32Array(size).fill(0xffffffff);
  for (const e of elements) {
    for (let i = 0; i < size; i++) {
      const v = fmix32(e ^ seed[i]!);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  return Array.from(mins);
}

/** Share of positions where two signatures agree (the Jaccard estimate); 0 when either set was empty. */
export function agreement(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  let empty = true;
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) same++;
    if (a[i] !== 0xffffffff || b[i] !== 0xffffffff) empty = false;
  }
  return empty ? 0 : same / n;
}
