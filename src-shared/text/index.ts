/**
 * PressWatch text analyser: ONE analyser for indexing items and for reading queries, so a word
 * typed in the search box and the same word in an item always produce keys that meet.
 *
 * Pipeline for each word (tokenize → foldForm → wordInfo):
 * 1. Words are runs of letters/digits (soft hyphens, joiners, inner apostrophes kept); hyphens
 *    split words, so Касым-Жомарт is two consecutive words. Offsets are UTF-16 indices into the
 *    original text, ready for highlighting.
 * 2. Folded form: NFKC, lower case, ё → е, stress marks and soft hyphens dropped, ’ → '. Latin
 *    look-alike letters inside a Cyrillic word (and vice versa) are repaired by majority.
 * 3. Keys, each `<namespace>:<body>` so namespaces never collide:
 *    e:  exact folded form                       (=word; matching only, never indexed)
 *    f:  fold: Cyrillic russified (Қ→К, Ә→А, ћ→ч, ђ→дж, ј→й …), Latin ASCII-folded (č→c, đ→dj)
 *        (word*; indexed only when the stem is not a ≥3-letter prefix of the fold — see planQuery)
 *    c:  Russian Snowball stems of the russified word, plus repairs for names (Астана/Астане,
 *        Токаев/Токаева), Kazakh case/possessive/plural suffixes peeled off for Kazakh-looking
 *        words or Kazakh texts (Ақордада, Тоқаевтың → акорд, токаев), and Serbian Latin read as
 *        Cyrillic (Vučićem → вучич)
 *    l:  English Snowball stem of an ASCII-folded Latin word (Vučić = Vucic, Kazakhstan's)
 *    k:  cross-script skeleton of a capitalised Cyrillic word (Токаев → tokaev)
 *    m:  cross-script skeleton of a capitalised Latin word (Tokayev, Toqaev → tokaev)
 *    A query word finds a document word when the document word carries any of its query keys:
 *    Cyrillic query words look at c: and m:, Latin ones at l:, m:, k: (and c: for Serbian Latin).
 *    So Cyrillic words only ever meet Cyrillic words through precise stems (был ≠ бил), and the
 *    lossy skeleton is used only between scripts and between spellings of capitalised names.
 * 4. Word analyses are memoised in a bounded cache (≤ 100k forms).
 *
 * Exported API:
 *   tokenize(text)                     → Token[] {start, end, position, form, script, capitalised}
 *   termsOf(token, options?)           → all keys of one document word (e:, f:, stems, cross)
 *   queryKeysOf(word)                  → keys that find a word typed in a query
 *   indexTerms(textOrFields, options?) → deduplicated keys for the Dexie multi-entry index
 *   forEachWord(text, language, visit) → each word's analysis, for the renderer's indexer
 *   analyzeField(text, options?)       → key → positions map + folds, for matching and phrases
 *   analyzeDocument(fields, options?)  → AnalyzedDocument = the query module's MatchableDocument
 *   foldForm(word), wordInfo(form), wordInfoFor(language)(form), normalizeLanguage(code), skeleton(word), kazakhVariants(word)
 * `options.language` (default: the item's language) turns on Kazakh suffix stripping for every
 * Cyrillic word of a 'kk' text and Serbian Latin reading of every Latin word of an 'sr'/'hr'/'bs'
 * text; without it those apply only to words with Kazakh or Serbian letters.
 */
export {
  tokenize,
  termsOf,
  queryKeysOf,
  indexTerms,
  indexTermsWithForms,
  analyzeField,
  forEachWord,
  analyzeDocument,
  foldForm,
  wordInfo,
  wordInfoFor,
  normalizeLanguage,
  clearAnalyzerCache,
  KEY,
  type Token,
  type Script,
  type AnalyzeOptions,
  type WordInfo,
  type IndexableText,
  type AnalyzedField,
  type DocumentFields,
  type AnalyzedDocument,
} from './analyzer';
export { skeleton, kazakhVariants, russify, asciiFold, serbianLatinToCyrillic } from './fold';
export { russianStems, englishStem } from './stem';
export { BoundedCache } from './cache';
