// Evaluating a parsed query against an analysed item, and finding what to highlight.
import { analyzeField, foldForm, type AnalyzeOptions, type AnalyzedDocument, type AnalyzedField } from '../text/analyzer';
import type { Query, QueryNode, TextField, WordMatcher } from './ast';

/** What {@link matchDocument} reads: an item analysed once with `analyzeDocument`. */
export type MatchableDocument = AnalyzedDocument;

const EMPTY: readonly number[] = [];

/** Positions in the field where the word matches (ascending, may repeat across keys). */
function positionsOf(field: AnalyzedField, word: WordMatcher): readonly number[] {
  switch (word.mode) {
    case 'exact':
      return field.keys.get(word.key) ?? EMPTY;
    case 'stem': {
      let found: number[] | null = null;
      let single: readonly number[] = EMPTY;
      for (const key of word.keys) {
        const list = field.keys.get(key);
        if (!list) continue;
        if (single === EMPTY) single = list;
        else (found ??= [...single]).push(...list);
      }
      return found ? [...new Set(found)].sort((a, b) => a - b) : single;
    }
    case 'prefix': {
      const out: number[] = [];
      field.folds.forEach((fold, position) => {
        if (fold !== undefined && fold.startsWith(word.fold)) out.push(position);
      });
      return out;
    }
  }
}

function wordOccurs(field: AnalyzedField, word: WordMatcher): boolean {
  if (word.mode === 'stem') return word.keys.some((k) => field.keys.has(k));
  if (word.mode === 'exact') return field.keys.has(word.key);
  return field.folds.some((f) => f !== undefined && f.startsWith(word.fold));
}

/** Start positions where the words occur consecutively. */
function phraseStarts(field: AnalyzedField, words: readonly WordMatcher[]): number[] {
  const first = words[0];
  if (!first) return [];
  let starts = [...positionsOf(field, first)];
  for (let i = 1; i < words.length && starts.length; i++) {
    const word = words[i];
    if (!word) break;
    const at = new Set(positionsOf(field, word));
    starts = starts.filter((p) => at.has(p + i));
  }
  return starts;
}

function textMatches(field: AnalyzedField, words: readonly WordMatcher[], phrase: boolean): boolean {
  if (!phrase) {
    const word = words[0];
    return word !== undefined && wordOccurs(field, word);
  }
  return phraseStarts(field, words).length > 0;
}

function evaluate(node: QueryNode, doc: MatchableDocument): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => evaluate(c, doc));
    case 'or':
      return node.children.some((c) => evaluate(c, doc));
    case 'not':
      return !evaluate(node.child, doc);
    case 'lang':
      return doc.language === node.language;
    case 'text':
      switch (node.field) {
        case null:
          return textMatches(doc.title, node.words, node.phrase) || textMatches(doc.summary, node.words, node.phrase) || textMatches(doc.text, node.words, node.phrase);
        case 'title':
          return textMatches(doc.title, node.words, node.phrase);
        case 'source':
          return textMatches(doc.source, node.words, node.phrase) || (doc.sourceId !== null && !node.phrase && foldForm(doc.sourceId) === foldForm(node.words[0]?.text ?? ''));
        case 'tag':
          return textMatches(doc.tags, node.words, node.phrase);
      }
  }
}

/** Does the item satisfy the query? Pure; cost grows with the query, not with the item's length. */
export function matchDocument(query: Query, doc: MatchableDocument): boolean {
  return evaluate(query.root, doc);
}

export interface HighlightOptions extends AnalyzeOptions {
  /**
   * Which part of the item the text is: 'title' also highlights title: terms; 'summary'/'text'
   * (the default) only unfielded ones. Terms under NOT are never highlighted.
   */
  field?: 'title' | 'summary' | 'text';
}

function collectPositive(node: QueryNode, into: Extract<QueryNode, { kind: 'text' }>[], field: 'title' | 'summary' | 'text'): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const c of node.children) collectPositive(c, into, field);
      return;
    case 'not':
    case 'lang':
      return;
    case 'text':
      if (node.field === null || (node.field === 'title' && field === 'title')) into.push(node);
  }
}

/**
 * Ranges of `text` (UTF-16 offsets, sorted, non-overlapping, adjacent ranges merged) that match
 * the query's positive terms: whole words, and whole phrases from first to last word.
 */
export function highlightRanges(query: Query, text: string, options?: HighlightOptions): Array<{ start: number; end: number }> {
  const terms: Extract<QueryNode, { kind: 'text' }>[] = [];
  collectPositive(query.root, terms, options?.field ?? 'text');
  if (terms.length === 0 || !text) return [];
  const field = analyzeField(text, options);
  const ranges: Array<{ start: number; end: number }> = [];
  const byPosition = new Map(field.tokens.map((t) => [t.position, t]));
  for (const term of terms) {
    for (const p of phraseStarts(field, term.words)) {
      const first = byPosition.get(p);
      const last = byPosition.get(p + term.words.length - 1);
      if (first && last) ranges.push({ start: first.start, end: last.end });
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Does any part of the query, negated or not, look in this field? (A `tag:` query depends on the items' tags.) */
export function usesField(node: QueryNode, field: TextField): boolean {
  switch (node.kind) {
    case 'text':
      return node.field === field;
    case 'lang':
      return false;
    case 'not':
      return usesField(node.child, field);
    default:
      return node.children.some((child) => usesField(child, field));
  }
}
