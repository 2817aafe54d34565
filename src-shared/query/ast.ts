// The parsed form of a query. Plain data (no Maps, no functions) so it can cross IPC or be
// stored with a topic; the analyser keys inside are computed once, when the query is parsed.
import type { Script } from '../text/analyzer';

/** Fields that restrict where words are looked for; no field = title, summary and text. */
export type TextField = 'title' | 'source' | 'tag';
/** Every field the syntax knows, including the language filter. */
export type QueryField = TextField | 'lang';

export interface Span {
  /** UTF-16 offsets into the query string. */
  start: number;
  end: number;
}

/** How one query word meets one document word. */
export type WordMatcher =
  /** Any inflection, script or spelling of the word: the document word has one of `keys`. */
  | { mode: 'stem'; text: string; keys: string[] }
  /** `=word`: only this form (case and ё folded); `key` is its 'e:' key, `planKey` its primary stem key. */
  | { mode: 'exact'; text: string; key: string; planKey: string }
  /** `word*`: document words whose fold starts with `fold` (same script only). */
  | { mode: 'prefix'; text: string; fold: string; script: Script };

export type QueryNode =
  /** One word (phrase: false) or consecutive words (phrase: true), in a field or the content. */
  | { kind: 'text'; field: TextField | null; words: WordMatcher[]; phrase: boolean; span: Span }
  /** `lang:xx`: the item's language (primary subtag, normalised). */
  | { kind: 'lang'; language: string; span: Span }
  | { kind: 'and'; children: QueryNode[]; span: Span }
  | { kind: 'or'; children: QueryNode[]; span: Span }
  | { kind: 'not'; child: QueryNode; span: Span };

export interface Query {
  /** The text the user typed. */
  source: string;
  root: QueryNode;
}

/**
 * Stable error codes, for the UI to translate (params fill the placeholders):
 * - EMPTY_QUERY            nothing to search for
 * - UNCLOSED_QUOTE         a quote is opened and never closed
 * - EMPTY_PHRASE           "" with no words inside
 * - UNCLOSED_PAREN         ( without its )
 * - UNMATCHED_PAREN        ) without its (
 * - EMPTY_GROUP            () with nothing inside
 * - DANGLING_OPERATOR      OR / AND (params.operator) missing a term on one side
 * - DANGLING_NOT           NOT or - with nothing after it
 * - EMPTY_FIELD            field: followed by nothing (params.field)
 * - UNKNOWN_FIELD          name: that is not a field (params.field, params.known)
 * - NESTED_FIELD           a field inside another field's parentheses
 * - BAD_WILDCARD           * anywhere but at the end of a word, or with =
 * - PREFIX_TOO_SHORT       word* with fewer than 2 letters
 * - EMPTY_TERM             = or * with no word
 * - INVALID_LANGUAGE       lang: value is not a language code (params.value)
 * - ONLY_NEGATIONS         the query only excludes things
 * - NEGATION_IN_OR         an OR branch is only an exclusion, so it would match almost everything
 * - TOO_COMPLEX            longer than 2000 characters, more than 64 words or 20 nested levels
 */
export type QueryErrorCode =
  | 'EMPTY_QUERY'
  | 'UNCLOSED_QUOTE'
  | 'EMPTY_PHRASE'
  | 'UNCLOSED_PAREN'
  | 'UNMATCHED_PAREN'
  | 'EMPTY_GROUP'
  | 'DANGLING_OPERATOR'
  | 'DANGLING_NOT'
  | 'EMPTY_FIELD'
  | 'UNKNOWN_FIELD'
  | 'NESTED_FIELD'
  | 'BAD_WILDCARD'
  | 'PREFIX_TOO_SHORT'
  | 'EMPTY_TERM'
  | 'INVALID_LANGUAGE'
  | 'ONLY_NEGATIONS'
  | 'NEGATION_IN_OR'
  | 'TOO_COMPLEX';

export interface QueryError {
  code: QueryErrorCode;
  /** English words for a person, naming the problem and what to do. */
  message: string;
  /** The part of the query at fault (UTF-16 offsets; end > start unless the query is empty). */
  start: number;
  end: number;
  /** Values named in the message, for translations. */
  params?: Record<string, string>;
}

export type ParseResult = { ok: true; query: Query } | { ok: false; error: QueryError };
