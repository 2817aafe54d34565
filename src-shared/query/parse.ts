// The query language: a hand-written lexer and recursive-descent parser that never throws and
// reports the first problem with its position. Grammar (OR binds tighter than AND, as in web
// search engines: `Вучич Астана OR Astana` = Вучич AND (Астана OR Astana)):
//   query   := and
//   and     := or ( [AND] or )*
//   or      := unary ( (OR | '|') unary )*
//   unary   := (NOT | '-') unary | primary
//   primary := '(' and ')' | FIELD ':' (word | quoted | '(' and ')') | quoted | word
import { foldForm, normalizeLanguage, tokenize, wordInfo, KEY } from '../text/analyzer';
import type { ParseResult, Query, QueryErrorCode, QueryField, QueryNode, Span, TextField, WordMatcher } from './ast';

export const MAX_QUERY_LENGTH = 2000;
export const MAX_QUERY_WORDS = 64;
const MAX_DEPTH = 20;

/** Field names accepted before a colon (case-insensitive), with Russian and Kazakh aliases. */
export const FIELD_NAMES: Readonly<Record<string, QueryField>> = {
  title: 'title', 'заголовок': 'title', 'тақырып': 'title',
  source: 'source', site: 'source', 'источник': 'source', 'дереккөз': 'source',
  tag: 'tag', 'тег': 'tag', 'метка': 'tag',
  lang: 'lang', language: 'lang', 'язык': 'lang', 'тіл': 'lang',
};
/** Words that look like `name:` but are addresses, searched as text. */
const URL_SCHEMES = new Set(['http', 'https', 'ftp', 'mailto', 'www']);

type LexToken =
  | { type: 'word'; text: string; start: number; end: number }
  | { type: 'quoted'; text: string; start: number; end: number; closed: boolean }
  | { type: 'lparen' | 'rparen' | 'or' | 'and' | 'not' | 'neg'; start: number; end: number };

const CLOSING_QUOTES: Record<string, string> = { '"': '"”“', '“': '”"', '„': '“”"', '«': '»', '”': '”"' };
const SPACE = /\s/;
const WORD_STOP = /[\s()|"“”„«»]/;

class ParseError extends Error {
  constructor(
    readonly code: QueryErrorCode,
    message: string,
    readonly span: Span,
    readonly params?: Record<string, string>,
  ) {
    super(message);
  }
}

function lex(input: string): LexToken[] {
  const out: LexToken[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (SPACE.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      out.push({ type: ch === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i++;
    } else if (ch === '|') {
      let j = i;
      while (input[j] === '|') j++;
      out.push({ type: 'or', start: i, end: j });
      i = j;
    } else if (ch in CLOSING_QUOTES) {
      const closers = CLOSING_QUOTES[ch] ?? '"';
      let j = i + 1;
      while (j < input.length && !closers.includes(input[j] ?? '')) j++;
      const closed = j < input.length;
      out.push({ type: 'quoted', text: input.slice(i + 1, j), start: i, end: closed ? j + 1 : j, closed });
      i = closed ? j + 1 : j;
    } else if ((ch === '-' || ch === '−') && i + 1 < input.length && !SPACE.test(input[i + 1] ?? ' ') && input[i + 1] !== '-' && input[i + 1] !== ')') {
      out.push({ type: 'neg', start: i, end: i + 1 });
      i++;
    } else {
      let j = i + 1; // at least one character: a stray » or ” is a (punctuation) word
      while (j < input.length && !WORD_STOP.test(input[j] ?? ' ')) j++;
      // A word may end in `field:` right before a quote or parenthesis; WORD_STOP already split there.
      const text = input.slice(i, j);
      const type = text === 'OR' ? 'or' : text === 'AND' || text === '&&' ? 'and' : text === 'NOT' ? 'not' : null;
      out.push(type ? { type, start: i, end: j } : { type: 'word', text, start: i, end: j });
      i = j;
    }
  }
  return out;
}

const FIELD_RE = /^([\p{L}_]+):(.*)$/su;

class Parser {
  private pos = 0;
  private words = 0;

  constructor(
    private readonly input: string,
    private readonly tokens: LexToken[],
  ) {}

  parse(): QueryNode | null {
    const node = this.parseAnd(null, 0);
    const next = this.tokens[this.pos];
    if (next) {
      // parseAnd stops only at ')' when nothing is open.
      throw new ParseError('UNMATCHED_PAREN', 'This “)” closes a parenthesis that was never opened. Remove it or add “(” before it.', span(next));
    }
    return node;
  }

  private peek(): LexToken | undefined {
    return this.tokens[this.pos];
  }

  private parseAnd(field: QueryField | null, depth: number): QueryNode | null {
    if (depth > MAX_DEPTH) throw new ParseError('TOO_COMPLEX', `The query nests parentheses more than ${MAX_DEPTH} levels deep. Simplify it.`, { start: 0, end: this.input.length });
    const children: QueryNode[] = [];
    for (let t = this.peek(); t && t.type !== 'rparen'; t = this.peek()) {
      if (t.type === 'or' || t.type === 'and') {
        const op = t.type === 'or' ? 'OR' : 'AND';
        const before = children.length > 0 && t.type === 'and';
        if (!before) throw dangling(op, t, 'before');
        this.pos++;
        const next = this.peek();
        if (!next || next.type === 'rparen' || next.type === 'or' || next.type === 'and') throw dangling(op, t, 'after');
        continue;
      }
      const child = this.parseOr(field, depth);
      if (child) children.push(child);
    }
    if (children.length === 0) return null;
    if (children.length === 1) return children[0] ?? null;
    return { kind: 'and', children, span: { start: children[0]?.span.start ?? 0, end: children[children.length - 1]?.span.end ?? 0 } };
  }

  private parseOr(field: QueryField | null, depth: number): QueryNode | null {
    const startToken = this.peek();
    const first = this.parseUnary(field, depth);
    const children: QueryNode[] = first ? [first] : [];
    for (let t = this.peek(); t && t.type === 'or'; t = this.peek()) {
      if (children.length === 0) throw dangling('OR', t, 'before');
      this.pos++;
      const next = this.peek();
      if (!next || next.type === 'rparen' || next.type === 'or' || next.type === 'and') throw dangling('OR', t, 'after');
      const right = this.parseUnary(field, depth);
      if (!right) throw dangling('OR', t, 'after');
      children.push(right);
    }
    if (children.length <= 1) return children[0] ?? null;
    return { kind: 'or', children, span: { start: startToken?.start ?? 0, end: children[children.length - 1]?.span.end ?? 0 } };
  }

  private parseUnary(field: QueryField | null, depth: number): QueryNode | null {
    const t = this.peek();
    if (!t) return null;
    if (t.type === 'not' || t.type === 'neg') {
      this.pos++;
      const next = this.peek();
      const what = t.type === 'not' ? '“NOT”' : '“-”';
      if (!next || next.type === 'rparen' || next.type === 'or' || next.type === 'and') {
        throw new ParseError('DANGLING_NOT', `${what} must be followed by what to exclude, e.g. “Сербия NOT теннис” or “Сербия -теннис”.`, span(t));
      }
      const child = this.parseUnary(field, depth + 1);
      if (!child) throw new ParseError('DANGLING_NOT', `${what} must be followed by a word to exclude.`, span(t));
      return { kind: 'not', child, span: { start: t.start, end: child.span.end } };
    }
    return this.parsePrimary(field, depth);
  }

  private parseGroup(field: QueryField | null, depth: number): QueryNode {
    const open = this.peek();
    if (!open) throw new Error('unreachable');
    this.pos++;
    const first = this.peek();
    if (first?.type === 'rparen') {
      throw new ParseError('EMPTY_GROUP', 'These parentheses are empty. Put words inside them or remove them.', { start: open.start, end: first.end });
    }
    const body = this.parseAnd(field, depth + 1);
    const close = this.peek();
    if (!close || close.type !== 'rparen') {
      throw new ParseError('UNCLOSED_PAREN', 'This “(” is never closed. Add “)” where the group ends.', span(open));
    }
    this.pos++;
    if (!body) throw new ParseError('EMPTY_GROUP', 'These parentheses hold nothing to search for.', { start: open.start, end: close.end });
    return { ...body, span: { start: open.start, end: close.end } } as QueryNode;
  }

  private parsePrimary(field: QueryField | null, depth: number): QueryNode | null {
    const t = this.peek();
    if (!t) return null;
    switch (t.type) {
      case 'lparen':
        return this.parseGroup(field, depth);
      case 'quoted':
        this.pos++;
        if (!t.closed) throw new ParseError('UNCLOSED_QUOTE', 'This quotation mark is never closed. Add the closing quote after the phrase.', { start: t.start, end: t.start + 1 });
        return this.term(t.text, field, span(t), true);
      case 'word': {
        this.pos++;
        const m = FIELD_RE.exec(t.text);
        const name = m?.[1]?.toLowerCase();
        if (!m || name === undefined || URL_SCHEMES.has(name)) return this.term(t.text, field, span(t), false);
        const target = FIELD_NAMES[name];
        const nameSpan = { start: t.start, end: t.start + name.length + 1 };
        if (!target) {
          throw new ParseError(
            'UNKNOWN_FIELD',
            `“${m[1]}:” is not a field. Use title:, source:, tag: or lang:, or put the text in quotes to search for it.`,
            nameSpan,
            { field: m[1] ?? name, known: 'title, source, tag, lang' },
          );
        }
        if (field) {
          throw new ParseError('NESTED_FIELD', `“${m[1]}:” cannot be used inside the parentheses of another field. Move it outside.`, nameSpan, { field: m[1] ?? name });
        }
        const value = m[2] ?? '';
        if (value) return this.term(value, target, { start: t.start + name.length + 1, end: t.end }, false, t.start);
        const next = this.peek();
        if (next && next.start === t.end && (next.type === 'quoted' || next.type === 'lparen')) {
          if (next.type === 'lparen') {
            const group = this.parseGroup(target, depth);
            return { ...group, span: { start: t.start, end: group.span.end } } as QueryNode;
          }
          this.pos++;
          if (next.type !== 'quoted') throw new Error('unreachable');
          if (!next.closed) throw new ParseError('UNCLOSED_QUOTE', 'This quotation mark is never closed. Add the closing quote after the phrase.', { start: next.start, end: next.start + 1 });
          return this.term(next.text, target, span(next), true, t.start);
        }
        throw new ParseError('EMPTY_FIELD', `“${m[1]}:” needs something to look for right after the colon, e.g. ${example(target)}.`, nameSpan, { field: m[1] ?? name });
      }
      default:
        return null;
    }
  }

  /** A word or quoted phrase in a field (or the content); null for punctuation-only words. */
  private term(text: string, field: QueryField | null, where: Span, quoted: boolean, fieldStart?: number): QueryNode | null {
    const whole = { start: fieldStart ?? where.start, end: where.end };
    if (field === 'lang') {
      const value = text.trim();
      const language = /^[\p{L}]{2,3}(?:[-_][\p{L}\d]+)*$/u.test(value) ? normalizeLanguage(value) : null;
      if (!language) {
        throw new ParseError('INVALID_LANGUAGE', `“${value}” is not a language code. Use a code such as lang:kk, lang:ru, lang:sr or lang:en.`, where, { value });
      }
      this.count(where);
      return { kind: 'lang', language, span: whole };
    }
    const words: WordMatcher[] = [];
    for (const piece of quoted ? text.split(/\s+/) : [text]) {
      if (!piece) continue;
      const exact = piece.startsWith('=');
      const prefix = piece.endsWith('*');
      const core = piece.slice(exact ? 1 : 0, prefix ? -1 : undefined);
      if (core.includes('*') || (exact && prefix) || core.startsWith('=')) {
        throw new ParseError('BAD_WILDCARD', 'A “*” can only end a word (серб*), and cannot be combined with “=”.', where);
      }
      const tokens = tokenize(core);
      if (tokens.length === 0) {
        if (exact || prefix) throw new ParseError('EMPTY_TERM', `“${piece}” has no letters or digits to search for.`, where);
        continue;
      }
      tokens.forEach((token, index) => {
        const info = wordInfo(token.form);
        const wordText = core.slice(token.start, token.end);
        if (prefix && index === tokens.length - 1) {
          if ([...info.fold].length < 2) {
            throw new ParseError('PREFIX_TOO_SHORT', `“${piece}” is too short for a prefix search: give at least 2 letters before “*”.`, where);
          }
          words.push({ mode: 'prefix', text: wordText, fold: info.fold, script: info.script });
        } else if (exact) {
          words.push({ mode: 'exact', text: wordText, key: KEY.exact + info.form, planKey: info.stemKeys[0] ?? KEY.exact + info.form });
        } else {
          words.push({ mode: 'stem', text: wordText, keys: [...info.queryKeys] });
        }
      });
    }
    if (words.length === 0) {
      if (quoted) throw new ParseError('EMPTY_PHRASE', 'These quotes hold no words to search for.', where);
      if (field) throw new ParseError('EMPTY_FIELD', `The field needs a word with letters or digits after the colon.`, whole, { field });
      return null;
    }
    this.count(where, words.length);
    return { kind: 'text', field: field as TextField | null, words, phrase: words.length > 1, span: whole };
  }

  private count(where: Span, n = 1): void {
    this.words += n;
    if (this.words > MAX_QUERY_WORDS) {
      throw new ParseError('TOO_COMPLEX', `The query has more than ${MAX_QUERY_WORDS} words. Split it into several searches or topics.`, where);
    }
  }
}

function span(t: { start: number; end: number }): Span {
  return { start: t.start, end: t.end };
}

function dangling(op: 'OR' | 'AND', t: LexToken, side: 'before' | 'after'): ParseError {
  const message =
    side === 'before'
      ? `“${op}” needs a search term before it, e.g. “Токаев ${op} Tokayev”.`
      : `“${op}” needs a search term after it, e.g. “Токаев ${op} Tokayev”.`;
  return new ParseError('DANGLING_OPERATOR', message, span(t), { operator: op, side });
}

function example(field: QueryField): string {
  switch (field) {
    case 'title':
      return 'title:Вучич';
    case 'source':
      return 'source:zakon';
    case 'tag':
      return 'tag:визит';
    case 'lang':
      return 'lang:kk';
  }
}

/** True when the node can only match items that contain something (it is not "everything except"). */
function bounded(node: QueryNode): boolean {
  switch (node.kind) {
    case 'text':
    case 'lang':
      return true;
    case 'not':
      return false;
    case 'and':
      return node.children.some(bounded);
    case 'or':
      return node.children.every(bounded);
  }
}

function hasPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'text':
    case 'lang':
      return true;
    case 'not':
      return false;
    case 'and':
    case 'or':
      return node.children.some(hasPositive);
  }
}

function firstUnboundedOr(node: QueryNode): QueryNode | null {
  if (node.kind === 'or' && !bounded(node)) return node;
  if (node.kind === 'and' || node.kind === 'or') {
    for (const c of node.children) {
      const found = firstUnboundedOr(c);
      if (found) return found;
    }
  }
  return null;
}

/** Parse a query typed by a person. Never throws: problems come back as an error with a position. */
export function parseQuery(input: string): ParseResult {
  try {
    if (typeof input !== 'string' || input.trim() === '') {
      return { ok: false, error: { code: 'EMPTY_QUERY', message: 'Type something to search for.', start: 0, end: typeof input === 'string' ? input.length : 0 } };
    }
    if (input.length > MAX_QUERY_LENGTH) {
      return { ok: false, error: { code: 'TOO_COMPLEX', message: `The query is longer than ${MAX_QUERY_LENGTH} characters. Shorten it.`, start: MAX_QUERY_LENGTH, end: input.length } };
    }
    const root = new Parser(input, lex(input)).parse();
    if (!root) {
      return { ok: false, error: { code: 'EMPTY_QUERY', message: 'The query has no letters or digits to search for.', start: 0, end: input.length } };
    }
    if (!bounded(root)) {
      if (!hasPositive(root)) {
        return {
          ok: false,
          error: { code: 'ONLY_NEGATIONS', message: 'The query only says what to exclude. Add at least one word to look for, e.g. “Сербия -теннис”.', start: root.span.start, end: root.span.end },
        };
      }
      const or = firstUnboundedOr(root) ?? root;
      return {
        ok: false,
        error: {
          code: 'NEGATION_IN_OR',
          message: 'One side of this OR only excludes something, so it would match almost every item. Move the exclusion outside the OR, e.g. “(Вучич OR Vucic) -теннис”.',
          start: or.span.start,
          end: or.span.end,
        },
      };
    }
    const query: Query = { source: input, root };
    return { ok: true, query };
  } catch (e) {
    if (e instanceof ParseError) {
      return { ok: false, error: { code: e.code, message: e.message, start: e.span.start, end: e.span.end, ...(e.params ? { params: e.params } : {}) } };
    }
    // A bug must not take the search box down with it.
    return { ok: false, error: { code: 'TOO_COMPLEX', message: 'The query could not be read. Simplify it.', start: 0, end: typeof input === 'string' ? input.length : 0 } };
  }
}

/** A compact, stable rendering of a parsed query, for tests and debugging. */
export function describeQuery(query: Query | QueryNode): string {
  const node = 'root' in query ? query.root : query;
  switch (node.kind) {
    case 'lang':
      return `lang:${node.language}`;
    case 'not':
      return `NOT ${describeQuery(node.child)}`;
    case 'and':
    case 'or':
      return `(${node.children.map(describeQuery).join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
    case 'text': {
      const words = node.words.map((w) => (w.mode === 'exact' ? '=' + foldForm(w.text) : w.mode === 'prefix' ? w.fold + '*' : foldForm(w.text)));
      const body = node.phrase ? `"${words.join(' ')}"` : (words[0] ?? '');
      return node.field ? `${node.field}:${body}` : body;
    }
  }
}
