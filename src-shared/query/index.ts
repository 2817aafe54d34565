/**
 * PressWatch query language: parse what a press officer types, decide whether an item matches,
 * highlight the matches, and plan index reads for a fast search.
 *
 *   const parsed = parseQuery('(Вучич OR Vučić) title:Астана -теннис');
 *   if (!parsed.ok) showError(parsed.error);               // { code, message, start, end, params? }
 *   const doc = analyzeDocument({ title, summary, text, sourceName, tags, language });
 *   matchDocument(parsed.query, doc);                        // boolean
 *   highlightRanges(parsed.query, title, { field: 'title' }); // [{ start, end }] in UTF-16 offsets
 *   planQuery(parsed.query);                                 // index look-ups for candidates
 *
 * Syntax: see QUERY_SYNTAX_HELP (help.ts). Error codes: QueryErrorCode (ast.ts).
 * Precedence: NOT/- binds tightest, then OR (also |), then AND (spaces or the keyword AND).
 * Words are read by the same analyser as items (src-shared/text), so inflections, scripts,
 * Kazakh letters and Serbian spellings meet exactly as they do when indexing.
 */
export type { Query, QueryNode, WordMatcher, TextField, QueryField, Span, QueryError, QueryErrorCode, ParseResult } from './ast';
export { parseQuery, describeQuery, FIELD_NAMES, MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from './parse';
export { matchDocument, highlightRanges, usesField, type MatchableDocument, type HighlightOptions } from './match';
export { planQuery, runPlan, type QueryPlan, type IndexLookup, type PlanOptions } from './plan';
export { QUERY_SYNTAX_HELP, type QuerySyntaxEntry } from './help';
export { analyzeDocument, type DocumentFields } from '../text/analyzer';
