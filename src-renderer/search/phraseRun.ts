// Checks a phrase against an item's own text: consecutive words of one field, each carrying one
// of its query word's keys. These are the very keys the index pairs adjacent words by
// (chunkBuilder.ts), so a phrase of two words means the same whether the index answers it or
// this check does; longer phrases, which the pairs only narrow down, are settled here. It walks
// the field with the indexer's tokenizer (each distinct word analysed once) instead of
// analysing the whole item again, which made a cold three-word phrase cost about half a second.
import { forEachWord, type WordInfo } from '../../src-shared/text';
import { pairSideKeys } from './chunkBuilder';

/** One entry per query word: the keys a document word must carry one of. */
export type PhraseWords = ReadonlyArray<ReadonlySet<string>>;

/** True when `text` has the phrase as a run of consecutive words. */
export function containsPhrase(text: string, language: string | null, phrase: PhraseWords): boolean {
  const n = phrase.length;
  if (n === 0 || !text) return false;
  // matched[k]: the words just read match the phrase's first k words (matched[0] always holds).
  let matched = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  matched[0] = 1;
  next[0] = 1;
  let found = false;
  const matchesOf = new Map<WordInfo, number[]>();
  forEachWord(text, language, (info, capitalised) => {
    if (found) return;
    const slot = capitalised ? 1 : 0;
    let cached = matchesOf.get(info);
    if (!cached) matchesOf.set(info, (cached = []));
    let hits = cached[slot];
    if (hits === undefined) {
      // Bit k: this word can stand for the phrase's word k.
      const keys = pairSideKeys(info, capitalised);
      hits = 0;
      phrase.forEach((wanted, k) => {
        if (keys.some((key) => wanted.has(key))) hits! |= 1 << k;
      });
      cached[slot] = hits;
    }
    for (let k = n - 1; k >= 0; k--) next[k + 1] = matched[k]! && hits & (1 << k) ? 1 : 0;
    if (next[n]) found = true;
    [matched, next] = [next, matched];
  });
  return found;
}
