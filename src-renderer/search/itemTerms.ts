// Keys of the renderer's search index beyond the analyser's word keys: the item's source and
// language (so source: and lang: are answered by the index), and word pairs (so phrases are).
// Their namespace starts with a control character the analyser never produces.

/** Key of the items of one source. */
export const sourceTerm = (sourceId: string): string => '\u0002s:' + sourceId;
/** Key of the items in one language, normalised as lang: reads it ('kk', 'ru', 'sr'...). */
export const languageTerm = (language: string): string => '\u0002g:' + language;
/**
 * Key of two consecutive words of one field: `a` is a stem or cross-script key of the first word,
 * `b` one of the second. A document word meets a query word exactly when it carries one of the
 * query word's keys, so a two-word phrase is found exactly by the pairs of the query words' keys.
 */
const PAIR_PREFIX = '\u0002p:';
export const pairTerm = (a: string, b: string): string => PAIR_PREFIX + a + '\u0001' + b;
export const isPairTerm = (term: string): boolean => term.startsWith(PAIR_PREFIX);

export interface IndexedFields {
  title: string;
  summary: string;
  text: string;
  language: string | null;
  sourceId: string;
}
