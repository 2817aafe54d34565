// Collects the documents of one index chunk. Documents are noted per distinct word analysis, not
// per key: a word carries five or six keys, and an item repeats its words, so noting "this word is
// in document n" once and expanding words into keys when the chunk is written is several times
// fewer map operations than adding every key of every word occurrence.
import { forEachWord, KEY, normalizeLanguage, type WordInfo } from '../../src-shared/text';
import { TITLE_TERM_PREFIX } from '../db/schema';
import { NO_POSITION } from './indexLayout';
import { isPairTerm, languageTerm, pairTerm, sourceTerm, type IndexedFields } from './itemTerms';

interface WordDocs {
  keys: readonly string[];
  docs: number[];
}

/** A pair's documents, each with the pair's word position in it (NO_POSITION: more than once). */
interface PairDocs extends WordDocs {
  positions: number[];
}

/**
 * A term's documents, ascending; for a word pair, the position of its first word in each of them
 * (words counted through the title, summary and text; NO_POSITION when the pair is there more
 * than once, or where it is is not known), so a longer phrase is settled by the index.
 */
export interface TermPostings {
  docs: number[];
  positions?: number[];
}

/** Words between fields in the position count: a run of words never spans two fields. */
const FIELD_GAP = 2;

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
  private readonly pairs = new Map<number, PairDocs>();
  /** Terms noted directly: source, language, and the terms of the chunk as it was stored. */
  private readonly direct = new Map<string, TermPostings[]>();

  constructor(
    readonly keys: string[] = [],
    stored?: Map<string, TermPostings>,
  ) {
    if (stored) for (const [term, postings] of stored) this.direct.set(term, [postings]);
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
    let position = 0;
    const field = (text: string, title: boolean) => {
      let previous: WordInfo | null = null;
      let previousCapitalised = false;
      forEachWord(text, item.language, (info, capitalised) => {
        note(info, capitalised ? 1 : 0);
        if (title) note(info, capitalised ? 3 : 2);
        if (previous) this.notePair(previous, previousCapitalised, info, capitalised, local, position - 1);
        previous = info;
        previousCapitalised = capitalised;
        position++;
      });
      position += FIELD_GAP;
    };
    field(item.title, true);
    if (item.summary && item.text.startsWith(item.summary)) {
      // A summary that is the start of the text (the usual lead) has the text's words, except
      // that its last one may be cut short: only that word and its pair are new (where the pair
      // stands is not counted: a phrase through it is checked against the item).
      const from = Math.max(0, item.summary.length - 80);
      const words: Array<[WordInfo, boolean]> = [];
      forEachWord(item.summary, item.language, (info, capitalised) => void words.push([info, capitalised]), from);
      if (from > 0) words.shift(); // may be the end of a word cut by `from`
      if (words.length >= 2) {
        const [before, last] = words.slice(-2) as [[WordInfo, boolean], [WordInfo, boolean]];
        note(last[0], last[1] ? 1 : 0);
        this.notePair(before[0], before[1], last[0], last[1], local, NO_POSITION);
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

  private notePair(first: WordInfo, firstCapitalised: boolean, second: WordInfo, secondCapitalised: boolean, local: number, position: number): void {
    const slot = (first.id * 2 + (firstCapitalised ? 1 : 0)) * 2 ** 26 + second.id * 2 + (secondCapitalised ? 1 : 0);
    const at = position < NO_POSITION ? position : NO_POSITION;
    const entry = this.pairs.get(slot);
    if (entry !== undefined) {
      const last = entry.docs.length - 1;
      if (entry.docs[last] !== local) {
        entry.docs.push(local);
        entry.positions.push(at);
      } else {
        entry.positions[last] = NO_POSITION; // the pair again in the same document
      }
      return;
    }
    const keys: string[] = [];
    for (const a of wordKeys(first, firstCapitalised ? 5 : 4)) for (const b of wordKeys(second, secondCapitalised ? 5 : 4)) keys.push(pairTerm(a, b));
    this.pairs.set(slot, { keys, docs: [local], positions: [at] });
  }

  private noteTerm(term: string, local: number): void {
    const lists = this.direct.get(term);
    if (lists === undefined) this.direct.set(term, [{ docs: [local] }]);
    else lists.push({ docs: [local] });
  }

  /** Every term with its documents, ascending and without repeats (and a pair's positions). */
  terms(): Map<string, TermPostings> {
    const lists = new Map<string, TermPostings[]>();
    for (const [term, parts] of this.direct) lists.set(term, [...parts]);
    for (const entry of [...this.words.values(), ...this.pairs.values()]) {
      for (const key of entry.keys) {
        const found = lists.get(key);
        if (found === undefined) lists.set(key, [entry]);
        else found.push(entry);
      }
    }
    const out = new Map<string, TermPostings>();
    for (const [term, parts] of lists) {
      if (isPairTerm(term)) out.set(term, mergePairs(parts));
      else out.set(term, { docs: parts.length === 1 ? parts[0]!.docs : mergeSorted(parts.map((part) => part.docs)) });
    }
    return out;
  }
}

/**
 * Union of a pair term's lists (several word forms, or the stored chunk and the new documents),
 * with each document's position: NO_POSITION where the lists disagree (the pair more than once)
 * or a list does not say (a chunk stored before positions were kept).
 */
function mergePairs(parts: TermPostings[]): TermPostings {
  if (parts.length === 1) {
    const [only] = parts as [TermPostings];
    return { docs: only.docs, positions: only.positions ?? only.docs.map(() => NO_POSITION) };
  }
  // Usually the lists follow one another (the stored chunk, then the documents added to it).
  const ordered = [...parts].sort((a, b) => (a.docs[0] ?? 0) - (b.docs[0] ?? 0));
  if (ordered.every((part, i) => i === 0 || part.docs.length === 0 || (part.docs[0]! > (ordered[i - 1]!.docs.at(-1) ?? -1)))) {
    const docs: number[] = [];
    const positions: number[] = [];
    for (const part of ordered) {
      for (const doc of part.docs) docs.push(doc);
      for (let i = 0; i < part.docs.length; i++) positions.push(part.positions?.[i] ?? NO_POSITION);
    }
    return { docs, positions };
  }
  const positionOf = new Map<number, number>();
  for (const { docs, positions } of parts) {
    docs.forEach((doc, i) => {
      const at = positions?.[i] ?? NO_POSITION;
      const seen = positionOf.get(doc);
      positionOf.set(doc, seen === undefined || seen === at ? at : NO_POSITION);
    });
  }
  const docs = [...positionOf.keys()].sort((a, b) => a - b);
  return { docs, positions: docs.map((doc) => positionOf.get(doc)!) };
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
