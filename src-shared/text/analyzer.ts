// The one analyser: documents are indexed with it and queries are read with it, so a word in a
// query and the same word in an item always produce keys that meet. See index.ts for the contract.
import { BoundedCache } from './cache';
import {
  KAZAKH_LETTERS,
  asciiFold,
  kazakhVariants,
  russify,
  serbianLatinToCyrillic,
  SERBIAN_LATIN_LETTERS,
  skeleton,
} from './fold';
import { englishStem, russianStems } from './stem';

export type Script = 'cyrillic' | 'latin';

/** One word of a text. */
export interface Token {
  /** UTF-16 offsets of the word in the original text: `text.slice(start, end)` is what to highlight. */
  start: number;
  end: number;
  /** 0-based word index in its text; phrases need consecutive positions. */
  position: number;
  /** The folded surface form: NFKC, lower case, ё → е, no stress marks or soft hyphens, ' for ’. */
  form: string;
  script: Script;
  /** Written with a capital: only such words get cross-script keys in documents (names). */
  capitalised: boolean;
}

/** How to read a text: its language switches on the Kazakh suffix stripper or Serbian Latin. */
export interface AnalyzeOptions {
  /** BCP 47 code of the text's language if known (item or source language): 'kk', 'ru', 'sr-Latn'... */
  language?: string | null;
}

/** Key namespaces. A key is `<namespace>:<body>`; see index.ts. */
export const KEY = {
  exact: 'e:',
  fold: 'f:',
  cyrillicStem: 'c:',
  latinStem: 'l:',
  cyrillicCross: 'k:',
  latinCross: 'm:',
} as const;

/** Everything the analyser knows about one folded word form; cached, shared, never mutated. */
export interface WordInfo {
  readonly form: string;
  /** Body of the 'f:' key: russified Cyrillic or ASCII-folded Latin; what prefixes are matched against. */
  readonly fold: string;
  readonly script: Script;
  /** 'c:'/'l:' stem keys; the first is the primary stem, which depends on the form alone. */
  readonly stemKeys: readonly string[];
  /** Skeleton keys (bodies) for cross-script matching; empty for short words. */
  readonly cross: readonly string[];
  /** The 'f:' key must be in the index for prefix search to find this word (see planQuery). */
  readonly foldIndexed: boolean;
  /** Keys of this word in a document when written in lower case / with a capital. */
  readonly docKeys: readonly string[];
  readonly docKeysCapitalised: readonly string[];
  /** The subset of docKeys that goes into the search index (no 'e:', 'f:' only when needed). */
  readonly indexKeys: readonly string[];
  readonly indexKeysCapitalised: readonly string[];
  /** A number no other analysis shares, so that callers can keep per-word tables keyed by a number. */
  readonly id: number;
  /** The 'e:' and 'f:' keys of the word, built once: the renderer's index holds both for every word. */
  readonly formKeys: readonly string[];
  /** Keys that find this word when it is a query word: a document token matches if it has any. */
  readonly queryKeys: readonly string[];
}

// A word starts with a letter or digit and goes on through letters, marks, digits, soft hyphens
// and joiners, and apostrophes between letters (Kazakhstan's, O'Brien). Hyphens split words:
// Касым-Жомарт is two consecutive words, which is what a query for either half wants.
const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}\u00AD\u200C\u200D]|['’ʼ](?=[\p{L}\p{N}]))*/gu;
const NEEDS_CLEANING = /[^\u0020-\u007e\u0400-\u04ff]/;
const INVISIBLE = /[\u00AD\u200C\u200D]/g;
const APOSTROPHES = /[’ʼ]/g;
const MARKS = /\p{M}/gu;
const CYRILLIC = /[\u0400-\u04ff]/;
const CYRILLIC_G = /[\u0400-\u04ff]/g;
const LATIN_G = /[a-z\u00c0-\u024f]/g;

const LATIN_HOMOGLYPHS: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', i: 'і', m: 'м', t: 'т' };
const CYRILLIC_HOMOGLYPHS: Record<string, string> = { 'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'х': 'x', 'у': 'y', 'к': 'k', 'і': 'i', 'м': 'm', 'т': 't' };

/** Lower-case, NFKC, ё → е, without invisible characters; stress marks dropped from Cyrillic. */
export function foldForm(word: string): string {
  let w = word.toLowerCase();
  if (NEEDS_CLEANING.test(w)) {
    w = w.normalize('NFKC').toLowerCase().replace(INVISIBLE, '').replace(APOSTROPHES, "'");
    if (CYRILLIC.test(w)) w = w.normalize('NFC').replace(MARKS, '');
  }
  return w.includes('ё') ? w.replace(/ё/g, 'е') : w;
}

/** Decide the script of a mixed word by majority and repair look-alike letters typed in the other script. */
function scriptOf(form: string): { script: Script; form: string } {
  if (!CYRILLIC.test(form)) return { script: 'latin', form };
  const latin = form.match(LATIN_G)?.length ?? 0;
  if (latin === 0) return { script: 'cyrillic', form };
  const cyrillic = form.match(CYRILLIC_G)?.length ?? 0;
  if (cyrillic >= latin) return { script: 'cyrillic', form: form.replace(LATIN_G, (ch) => LATIN_HOMOGLYPHS[ch] ?? ch) };
  return { script: 'latin', form: form.replace(CYRILLIC_G, (ch) => CYRILLIC_HOMOGLYPHS[ch] ?? ch) };
}

// Russified spellings the letter rules do not reach; the alias is an extra variant.
const CYRILLIC_ALIASES: ReadonlyArray<readonly [string, string]> = [['казакстан', 'казахстан']];

type Mode = '' | 'kk' | 'sr';

function modeOf(language: string | null | undefined): Mode {
  const lang = normalizeLanguage(language);
  if (lang === 'kk') return 'kk';
  if (lang === 'sr' || lang === 'hr' || lang === 'bs' || lang === 'sh' || lang === 'cnr') return 'sr';
  return '';
}

const LANGUAGE_ALIASES: Record<string, string> = {
  kz: 'kk', kaz: 'kk', rus: 'ru', eng: 'en', srp: 'sr', hrv: 'hr', bos: 'bs', ukr: 'uk', tur: 'tr', deu: 'de', ger: 'de',
};

/** 'ru-RU' → 'ru', 'sr-Latn' → 'sr', 'KZ'/'kaz' → 'kk'; null for nothing usable. */
export function normalizeLanguage(code: string | null | undefined): string | null {
  if (!code) return null;
  const primary = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(primary)) return null;
  return LANGUAGE_ALIASES[primary] ?? primary;
}

function unique(keys: string[]): string[] {
  return keys.length < 2 ? keys : [...new Set(keys)];
}

let lastWordId = 0;

function computeWordInfo(rawForm: string, mode: Mode): WordInfo {
  const { script, form } = scriptOf(rawForm);
  let fold: string;
  const stems: string[] = [];
  const cross: string[] = [];
  if (script === 'cyrillic') {
    fold = russify(form);
    const bases = [fold];
    if (mode === 'kk' || KAZAKH_LETTERS.test(form)) for (const v of kazakhVariants(form)) bases.push(russify(v));
    for (const [from, to] of CYRILLIC_ALIASES) {
      for (const b of [...bases]) if (b.startsWith(from)) bases.push(to + b.slice(from.length));
    }
    for (const b of bases) {
      for (const s of russianStems(b)) stems.push(KEY.cyrillicStem + s);
      const x = skeleton(b);
      if (x) cross.push(x);
    }
  } else {
    const latin = form.includes("'") ? form.replace(/'/g, '') : form;
    fold = asciiFold(latin);
    const english = form.includes("'") ? asciiFold(form) : fold;
    stems.push(KEY.latinStem + englishStem(english).replace(/'/g, ''));
    const x = skeleton(form);
    if (x) cross.push(x);
    if (mode === 'sr' || SERBIAN_LATIN_LETTERS.test(form)) {
      // Serbian Latin declines like Russian and writes й as j: read it as Cyrillic too
      // (Vučićem → вучичем → вучич; Tokajevim → токаевим → tokaev).
      const cyr = serbianLatinToCyrillic(latin);
      if (cyr.length >= 2) for (const s of russianStems(cyr)) stems.push(KEY.cyrillicStem + s);
      const cx = skeleton(cyr);
      if (cx) cross.push(cx);
    }
  }
  const stemKeys = unique(stems);
  const crossKeys = unique(cross);
  const primary = (stemKeys[0] ?? '').slice(2);
  const foldIndexed = primary.length < 3 || !fold.startsWith(primary);
  const foldKey = KEY.fold + fold;
  const docKeys = unique([KEY.exact + form, foldKey, ...stemKeys]);
  const docCross = crossKeys.map((x) => (script === 'cyrillic' ? KEY.cyrillicCross : KEY.latinCross) + x);
  const indexKeys = foldIndexed ? unique([foldKey, ...stemKeys]) : stemKeys;
  const queryCross = crossKeys.flatMap((x) => (script === 'cyrillic' ? [KEY.latinCross + x] : [KEY.latinCross + x, KEY.cyrillicCross + x]));
  return {
    form,
    fold,
    script,
    stemKeys,
    cross: crossKeys,
    foldIndexed,
    docKeys,
    docKeysCapitalised: docCross.length ? [...docKeys, ...docCross] : docKeys,
    indexKeys,
    indexKeysCapitalised: docCross.length ? [...indexKeys, ...docCross] : indexKeys,
    id: ++lastWordId,
    formKeys: [KEY.exact + form, foldKey],
    queryKeys: unique([...stemKeys, ...queryCross]),
  };
}

const wordCache = new BoundedCache<WordInfo>(50_000);

/** The analysis of one folded word form (see {@link foldForm}), memoised in a bounded cache. */
export function wordInfo(form: string, options?: AnalyzeOptions): WordInfo {
  return wordInfoInMode(form, options?.language ? modeOf(options.language) : '');
}

/** {@link wordInfo} for many words of one language: the language is read once, not per word. */
export function wordInfoFor(language: string | null | undefined): (form: string) => WordInfo {
  const mode = language ? modeOf(language) : '';
  return (form) => wordInfoInMode(form, mode);
}

function wordInfoInMode(form: string, mode: Mode): WordInfo {
  const cacheKey = mode ? mode + '\u0000' + form : form;
  let info = wordCache.get(cacheKey);
  if (!info) {
    info = computeWordInfo(form, mode);
    wordCache.set(cacheKey, info);
  }
  return info;
}

/** For tests and benchmarks: forget memoised analyses. */
export function clearAnalyzerCache(): void {
  wordCache.clear();
  rawTokenCache.clear();
  for (const cache of Object.values(rawWordCache)) cache.clear();
}

/**
 * Split a text into words with their offsets and folded forms. Never throws; '' gives [].
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  if (!text) return tokens;
  WORD_RE.lastIndex = 0;
  let position = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const raw = m[0];
    let word = rawTokenCache.get(raw);
    if (word === undefined) {
      const form = foldForm(raw);
      word = form ? { form, script: scriptOf(form).script, capitalised: raw.charAt(0) !== raw.charAt(0).toLowerCase() } : null;
      rawTokenCache.set(raw, word);
    }
    if (word === null) continue;
    tokens.push({ start: m.index, end: m.index + raw.length, position: position++, form: word.form, script: word.script, capitalised: word.capitalised });
  }
  return tokens;
}

// Words as written, folded: grouping tokenizes every arriving item, and most words recur.
const rawTokenCache = new BoundedCache<Pick<Token, 'form' | 'script' | 'capitalised'> | null>(50_000);

/** All keys of one document word: 'e:' exact form, 'f:' fold, stems, and cross-script keys if capitalised. */
export function termsOf(token: Token, options?: AnalyzeOptions): string[] {
  const info = wordInfo(token.form, options);
  return [...(token.capitalised ? info.docKeysCapitalised : info.docKeys)];
}

/** The keys that find documents containing this word when it is typed in a query. */
export function queryKeysOf(word: string): string[] {
  const form = foldForm(word);
  return form ? [...wordInfo(form).queryKeys] : [];
}

/**
 * Calls `visit` for every word of `text` with its analysis, in order: the words {@link tokenize}
 * gives, so consecutive calls are consecutive positions. The indexer's hot path: no Token
 * objects, no key strings built, and the language read once per text instead of once per word.
 * With `from`, reading starts at that offset (the first word may then be the end of a cut one).
 */
export function forEachWord(text: string, language: string | null | undefined, visit: (info: WordInfo, capitalised: boolean) => void, from = 0): void {
  if (!text) return;
  const mode = language ? modeOf(language) : '';
  const seen = rawWordCache[mode];
  WORD_RE.lastIndex = from;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const raw = m[0];
    let word = seen.get(raw);
    if (word === undefined) {
      const form = foldForm(raw);
      const first = raw.charAt(0);
      word = form ? { info: wordInfoInMode(form, mode), capitalised: first !== first.toLowerCase() } : null;
      seen.set(raw, word);
    }
    if (word !== null) visit(word.info, word.capitalised);
  }
}

// Words as written (before folding), per reading mode: one look-up per word on the indexer's path.
type RawWord = { info: WordInfo; capitalised: boolean } | null;
const rawWordCache: Record<Mode, BoundedCache<RawWord>> = { '': new BoundedCache(50_000), kk: new BoundedCache(20_000), sr: new BoundedCache(20_000) };

/** What {@link indexTerms} reads: the searchable text of an item. */
export interface IndexableText {
  title?: string | null;
  summary?: string | null;
  text?: string | null;
  language?: string | null;
}

/**
 * The deduplicated index keys of an item (title, summary and text together), for a Dexie
 * multi-entry index. A plain string is read as one text. Order is unspecified.
 */
export function indexTerms(doc: string | IndexableText, options?: AnalyzeOptions): string[] {
  const keys = new Set<string>();
  if (typeof doc === 'string') {
    addIndexKeys(doc, options, keys);
  } else {
    const opts = options ?? { language: doc.language ?? null };
    if (doc.title) addIndexKeys(doc.title, opts, keys);
    if (doc.summary) addIndexKeys(doc.summary, opts, keys);
    if (doc.text) addIndexKeys(doc.text, opts, keys);
  }
  return [...keys];
}

// The hot path of indexing: no Token objects, one regex pass, memoised key arrays.
function addIndexKeys(text: string, options: AnalyzeOptions | undefined, into: Set<string>, withForms = false): void {
  WORD_RE.lastIndex = 0;
  let lastRaw = '';
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const raw = m[0];
    if (raw === lastRaw) continue;
    lastRaw = raw;
    const form = foldForm(raw);
    if (!form) continue;
    const info = wordInfo(form, options);
    const capitalised = raw.charAt(0) !== raw.charAt(0).toLowerCase();
    for (const key of capitalised ? info.indexKeysCapitalised : info.indexKeys) into.add(key);
    if (withForms) {
      into.add(KEY.exact + info.form);
      into.add(KEY.fold + info.fold);
    }
  }
}

/**
 * indexTerms plus every word's exact form ('e:') and fold ('f:'), so that =word and word* are
 * answered by the index alone, without reading the items (the renderer's search index).
 */
export function indexTermsWithForms(doc: IndexableText, options?: AnalyzeOptions): string[] {
  const keys = new Set<string>();
  const opts = options ?? { language: doc.language ?? null };
  for (const text of [doc.title, doc.summary, doc.text]) if (text) addIndexKeys(text, opts, keys, true);
  return [...keys];
}

/** One analysed field: which positions carry which key, and each position's fold for prefixes. */
export interface AnalyzedField {
  /** Document key → ascending positions of the words that carry it (all namespaces incl. 'e:'). */
  readonly keys: ReadonlyMap<string, readonly number[]>;
  /** 'f:' body of the word at each position. */
  readonly folds: readonly string[];
  readonly tokens: readonly Token[];
}

/** Positions added between the parts of a multi-valued field so phrases never span two tags. */
const PART_GAP = 1000;

/** Analyse a text (or several, e.g. tag names, kept apart) for matching. */
export function analyzeField(text: string | readonly string[] | null | undefined, options?: AnalyzeOptions): AnalyzedField {
  const keys = new Map<string, number[]>();
  const folds: string[] = [];
  const all: Token[] = [];
  const parts = text == null ? [] : typeof text === 'string' ? [text] : text;
  let offset = 0;
  for (const part of parts) {
    for (const t of tokenize(part)) {
      const token = offset ? { ...t, position: t.position + offset } : t;
      all.push(token);
      const info = wordInfo(token.form, options);
      folds[token.position] = info.fold;
      for (const key of token.capitalised ? info.docKeysCapitalised : info.docKeys) {
        const list = keys.get(key);
        if (list === undefined) keys.set(key, [token.position]);
        else if (list[list.length - 1] !== token.position) list.push(token.position);
      }
    }
    offset = (all.length ? (all[all.length - 1]?.position ?? 0) : offset) + PART_GAP;
  }
  return { keys, folds, tokens: all };
}

/** The parts of an item a query can look at. */
export interface DocumentFields {
  title?: string | null;
  summary?: string | null;
  text?: string | null;
  sourceName?: string | null;
  sourceId?: string | null;
  tags?: readonly string[] | null;
  language?: string | null;
}

/** An item analysed for {@link matchDocument}: built by {@link analyzeDocument}; not serialisable. */
export interface AnalyzedDocument {
  readonly title: AnalyzedField;
  readonly summary: AnalyzedField;
  readonly text: AnalyzedField;
  readonly source: AnalyzedField;
  readonly sourceId: string | null;
  readonly tags: AnalyzedField;
  readonly tagNames: readonly string[];
  /** Normalised primary language subtag ('kk', 'ru', 'sr', 'en') or null. */
  readonly language: string | null;
}

/** Analyse an item's fields once; the result can be matched against any number of queries. */
export function analyzeDocument(fields: DocumentFields, options?: AnalyzeOptions): AnalyzedDocument {
  const opts = options ?? { language: fields.language ?? null };
  return {
    title: analyzeField(fields.title, opts),
    summary: analyzeField(fields.summary, opts),
    text: analyzeField(fields.text, opts),
    source: analyzeField(fields.sourceName),
    sourceId: fields.sourceId ?? null,
    tags: analyzeField(fields.tags ?? []),
    tagNames: fields.tags ?? [],
    language: normalizeLanguage(fields.language),
  };
}
