// Search over the stored items: the query language's plan narrows candidates through the
// postings (the search index, see db/schema.ts); parts the index answers exactly (plain words, AND, OR, NOT of them,
// tag:, source:, lang:) never touch the items themselves, and only the rest (phrases, =exact,
// prefixes, title:) is verified item by item with the same matcher topics use.
import { matchDocument, parseQuery, type Query, type QueryError, type QueryNode, type WordMatcher } from '../../src-shared/query';
import { analyzeDocument, analyzeField, KEY } from '../../src-shared/text';
import { TITLE_TERM_PREFIX, type PressWatchDb, type StoredItem } from '../db/schema';

export type SearchOutcome = { ok: true; keys: Set<string> } | { ok: false; error: QueryError };

interface Partial {
  keys: Set<string>;
  /** True when `keys` is exactly the node's matches; false when it is a superset to verify. */
  exact: boolean;
}

const intersect = (a: Set<string>, b: Set<string>): Set<string> => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<string>();
  for (const key of small) if (large.has(key)) out.add(key);
  return out;
};

export class SearchEngine {
  private allKeysCache: Set<string> | null = null;
  private pendingKeys = new Set<string>();

  constructor(private readonly db: PressWatchDb) {}

  async search(text: string): Promise<SearchOutcome> {
    const parsed = parseQuery(text);
    if (!parsed.ok) return parsed;
    return { ok: true, keys: await this.run(parsed.query) };
  }

  async run(query: Query): Promise<Set<string>> {
    this.allKeysCache = null;
    // Items not yet indexed are checked one by one; the index answers for all the others.
    this.pendingKeys = new Set((await this.db.pendingIndex.toCollection().primaryKeys()) as string[]);
    const result = await this.evaluate(query.root);
    const indexed = result.exact ? result.keys : await this.verify(query, new Set([...result.keys].filter((key) => !this.pendingKeys.has(key))));
    if (this.pendingKeys.size === 0) return indexed;
    for (const key of await this.verify(query, this.pendingKeys)) indexed.add(key);
    return indexed;
  }

  private async postingKeys(rows: Promise<Array<{ keys: string[] }>>): Promise<Set<string>> {
    const keys = new Set<string>();
    for (const row of await rows) for (const key of row.keys) keys.add(key);
    return keys;
  }

  /** Every indexed item (pending ones are checked separately). */
  private async allKeys(): Promise<Set<string>> {
    if (!this.allKeysCache) {
      const all = (await this.db.items.toCollection().primaryKeys()) as string[];
      this.allKeysCache = new Set(all.filter((key) => !this.pendingKeys.has(key)));
    }
    return this.allKeysCache;
  }

  private async evaluate(node: QueryNode): Promise<Partial> {
    switch (node.kind) {
      case 'text':
        return this.evaluateText(node);
      case 'lang':
        return { keys: new Set((await this.db.items.where('language').startsWithIgnoreCase(node.language).primaryKeys()) as string[]), exact: true };
      case 'and': {
        const positives: Partial[] = [];
        const negatives: Partial[] = [];
        for (const child of node.children) {
          if (child.kind === 'not') negatives.push(await this.evaluate(child.child));
          else positives.push(await this.evaluate(child));
        }
        let keys = positives.length > 0 ? positives.map((p) => p.keys).reduce(intersect) : await this.allKeys();
        let exact = positives.every((p) => p.exact);
        for (const negative of negatives) {
          // An inexact exclusion could remove true matches: leave it to verification.
          if (negative.exact) keys = new Set([...keys].filter((k) => !negative.keys.has(k)));
          else exact = false;
        }
        return { keys, exact };
      }
      case 'or': {
        const parts = await Promise.all(node.children.map((child) => this.evaluate(child)));
        const keys = new Set<string>();
        for (const part of parts) for (const key of part.keys) keys.add(key);
        return { keys, exact: parts.every((p) => p.exact) };
      }
      case 'not': {
        const inner = await this.evaluate(node.child);
        if (!inner.exact) return { keys: await this.allKeys(), exact: false };
        return { keys: new Set([...(await this.allKeys())].filter((k) => !inner.keys.has(k))), exact: true };
      }
    }
  }

  private async evaluateText(node: Extract<QueryNode, { kind: 'text' }>): Promise<Partial> {
    if (node.field === 'tag' || node.field === 'source') return this.evaluateMetadata(node);
    // Each word is answered exactly by the index: stems, =exact forms ('e:' keys) and prefixes
    // ('f:' folds) are all indexed, and title words have their own keys. Only phrases (word
    // order) and non-stem words inside title: need the items themselves.
    const titleKeys = node.field === 'title' && node.words.every((word) => word.mode === 'stem');
    const exact = !node.phrase && (node.field === null || titleKeys);
    const perWord = await Promise.all(node.words.map((word) => this.lookupWord(word, titleKeys ? TITLE_TERM_PREFIX : '')));
    return { keys: perWord.reduce(intersect), exact };
  }

  private lookupWord(word: WordMatcher, keyPrefix: string): Promise<Set<string>> {
    switch (word.mode) {
      case 'stem':
        return this.postingKeys(this.db.postings.where('term').anyOf(word.keys.map((key) => keyPrefix + key)).toArray());
      case 'exact':
        return this.postingKeys(this.db.postings.where('term').equals(word.key).toArray());
      case 'prefix':
        return this.postingKeys(this.db.postings.where('term').startsWith(KEY.fold + word.fold).toArray());
    }
  }

  /** tag: and source: are answered from the tags and sources tables, then their item indexes. */
  private async evaluateMetadata(node: Extract<QueryNode, { kind: 'text' }>): Promise<Partial> {
    const probe: Query = { source: '', root: { ...node, field: null } };
    if (node.field === 'tag') {
      const tags = (await this.db.tags.toArray()).filter((tag) => matchDocument(probe, analyzeDocument({ title: tag.name })));
      if (tags.length === 0) return { keys: new Set(), exact: true };
      return { keys: new Set((await this.db.items.where('tagIds').anyOf(tags.map((t) => t.id)).primaryKeys()) as string[]), exact: true };
    }
    const sources = (await this.db.sources.toArray()).filter(
      (source) => matchDocument(probe, analyzeDocument({ title: source.name })) || node.words.some((w) => w.text === source.id),
    );
    if (sources.length === 0) return { keys: new Set(), exact: true };
    return { keys: new Set((await this.db.items.where('sourceId').anyOf(sources.map((s) => s.id)).primaryKeys()) as string[]), exact: true };
  }

  private async verify(query: Query, candidates: Set<string>): Promise<Set<string>> {
    // =word needs its very form somewhere in the item: a plain substring test rules most
    // candidates out before the (costlier) analysis.
    const exactForms = exactFormsOf(query.root);
    const [tags, sources] = await Promise.all([this.db.tags.toArray(), this.db.sources.toArray()]);
    const tagNames = new Map(tags.map((t) => [t.id, t.name]));
    const sourceNames = new Map(sources.map((s) => [s.id, s.name]));
    const matches = new Set<string>();
    const keys = [...candidates];
    for (let i = 0; i < keys.length; i += 500) {
      const items = (await this.db.items.bulkGet(keys.slice(i, i + 500))) as Array<StoredItem | undefined>;
      for (const item of items) {
        if (!item) continue;
        if (exactForms.length > 0) {
          const haystack = foldForSubstring(`${item.title}\n${item.summary}\n${item.text}`);
          if (!exactForms.every((form) => haystack.includes(form))) continue;
        }
        if (matchDocument(query, documentOf(item, sourceNames, tagNames))) matches.add(item.key);
      }
    }
    return matches;
  }
}

/** Forms of =word terms that every match must contain (only from AND chains, never under OR/NOT). */
function exactFormsOf(node: QueryNode): string[] {
  if (node.kind === 'text') return node.words.filter((w) => w.mode === 'exact').map((w) => foldForSubstring(w.text.replace(/^=/, '')));
  if (node.kind === 'and') return node.children.flatMap((child) => (child.kind === 'not' ? [] : exactFormsOf(child)));
  return [];
}

function foldForSubstring(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').replace(/\u00ad|\u0301/g, '');
}

export function documentOf(item: StoredItem, sourceNames: Map<string, string>, tagNames: Map<string, string>) {
  return analyzeDocument({
    title: item.title,
    summary: item.summary,
    text: item.text,
    sourceName: sourceNames.get(item.sourceId) ?? item.feedTitle,
    sourceId: item.sourceId,
    tags: item.tagIds.map((id) => tagNames.get(id) ?? '').filter(Boolean),
    language: item.language,
  });
}

// Re-exported for the highlighter in the UI.
export { analyzeField };
