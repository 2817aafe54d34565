// Collects the documents of one index chunk. Documents are noted per distinct word analysis, not
// per key: a word carries five or six keys, and an item repeats its words, so noting "this word is
// in document n" once and expanding words into keys when the chunk is written is several times
// fewer map operations than adding every key of every word occurrence.
import { forEachWord, KEY, normalizeLanguage, type WordInfo } from '../../src-shared/text';
import { TITLE_TERM_PREFIX } from '../db/schema';
import { languageTerm, pairTerm, sourceTerm, type IndexedFields } from './itemTerms';

interface WordDocs {
  keys: readonly string[];
  docs: number[];
}

// Keys per word analysis, built once: [content lower-case, content capitalised, title lower-case,
// title capitalised, pair side lower-case, pair side capitalised].
const keysByWord = new WeakMap<WordInfo, Array<readonly string[] | undefined>>();
function wordKeys(info: WordInfo, variant: number): readonly string[] {
  let all = keysByWord.get(info);
  if (!all) keysByWord.set(info, (all = []));
  let keys = all[variant];
  if (!keys) {
    const base = variant & 1 ? info.indexKeysCapitalised : info.indexKeys;
    if (variant >= 4) keys = base.filter((k) => !k.startsWith(KEY.fold)); // the keys a query word in stem mode can meet
    else keys = variant & 2 ? base.map((k) => TITLE_TERM_PREFIX + k) : [...base, ...info.formKeys];
    all[variant] = keys;
  }
  return keys;
}

/** The keys a word carries on either side of a pair key (what a phrase's query word in stem mode meets). */
export const pairSideKeys = (info: WordInfo, capitalised: boolean): readonly string[] => wordKeys(info, capitalised ? 5 : 4);

export class ChunkBuilder {
  private readonly words = new Map<number, WordDocs>();
  /** Consecutive word pairs, by the two words' slots. */
  private readonly pairs = new Map<number, WordDocs>();
  /** Terms noted directly: source, language, and the terms of the chunk as it was stored. */
  private readonly direct = new Map<string, number[][]>();

  constructor(
    readonly keys: string[] = [],
    stored?: Map<string, number[]>,
  ) {
    if (stored) for (const [term, docs] of stored) this.direct.set(term, [docs]);
  }

  /** Adds an item as the next document; returns its local number. */
  add(item: IndexedFields & { key: string }): number {
    const local = this.keys.length;
    this.keys.push(item.key);
    const note = (info: WordInfo, variant: number) => {
      const slot = info.id * 4 + variant;
      const entry = this.words.get(slot);
      if (entry === undefined) this.words.set(slot, { keys: wordKeys(info, variant), docs: [local] });
      else if (entry.docs[entry.docs.length - 1] !== local) entry.docs.push(local);
    };
    const field = (text: string, title: boolean) => {
      let previous: WordInfo | null = null;
      let previousCapitalised = false;
      forEachWord(text, item.language, (info, capitalised) => {
        note(info, capitalised ? 1 : 0);
        if (title) note(info, capitalised ? 3 : 2);
        if (previous) this.notePair(previous, previousCapitalised, info, capitalised, local);
        previous = info;
        previousCapitalised = capitalised;
      });
    };
    field(item.title, true);
    if (item.summary && item.text.startsWith(item.summary)) {
      // A summary that is the start of the text (the usual lead) has the text's words, except
      // that its last one may be cut short: only that word and its pair are new.
      const from = Math.max(0, item.summary.length - 80);
      const words: Array<[WordInfo, boolean]> = [];
      forEachWord(item.summary, item.language, (info, capitalised) => void words.push([info, capitalised]), from);
      if (from > 0) words.shift(); // may be the end of a word cut by `from`
      if (words.length >= 2) {
        const [before, last] = words.slice(-2) as [[WordInfo, boolean], [WordInfo, boolean]];
        note(last[0], last[1] ? 1 : 0);
        this.notePair(before[0], before[1], last[0], last[1], local);
      } else {
        field(item.summary, false);
      }
    } else {
      field(item.summary, false);
    }
    field(item.text, false);
    this.noteTerm(sourceTerm(item.sourceId), local);
    const language = normalizeLanguage(item.language);
    if (language) this.noteTerm(languageTerm(language), local);
    return local;
  }

  private notePair(first: WordInfo, firstCapitalised: boolean, second: WordInfo, secondCapitalised: boolean, local: number): void {
    const slot = (first.id * 2 + (firstCapitalised ? 1 : 0)) * 2 ** 26 + second.id * 2 + (secondCapitalised ? 1 : 0);
    const entry = this.pairs.get(slot);
    if (entry !== undefined) {
      if (entry.docs[entry.docs.length - 1] !== local) entry.docs.push(local);
      return;
    }
    const keys: string[] = [];
    for (const a of wordKeys(first, firstCapitalised ? 5 : 4)) for (const b of wordKeys(second, secondCapitalised ? 5 : 4)) keys.push(pairTerm(a, b));
    this.pairs.set(slot, { keys, docs: [local] });
  }

  private noteTerm(term: string, local: number): void {
    const lists = this.direct.get(term);
    if (lists === undefined) this.direct.set(term, [[local]]);
    else lists.push([local]);
  }

  /** Every term with its documents, ascending and without repeats. */
  terms(): Map<string, number[]> {
    const lists = new Map<string, number[][]>();
    for (const [term, docs] of this.direct) lists.set(term, [...docs]);
    for (const { keys, docs } of [...this.words.values(), ...this.pairs.values()]) {
      for (const key of keys) {
        const found = lists.get(key);
        if (found === undefined) lists.set(key, [docs]);
        else found.push(docs);
      }
    }
    const out = new Map<string, number[]>();
    for (const [term, parts] of lists) out.set(term, parts.length === 1 ? parts[0]! : mergeSorted(parts));
    return out;
  }
}

/** Union of ascending lists, ascending and without repeats. */
function mergeSorted(parts: number[][]): number[] {
  let total = 0;
  for (const part of parts) total += part.length;
  const all = new Uint32Array(total);
  let at = 0;
  for (const part of parts) for (const n of part) all[at++] = n;
  all.sort();
  const out: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) out.push(all[i]!);
  return out;
}
