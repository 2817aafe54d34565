// Search over the stored items: the query language's parts the index answers exactly (plain
// words, =word, word*, title: words, AND, OR, NOT of them, tag:, source:, lang:) are bitset
// operations over the index's documents (search/indexState.ts) and never touch the items; only
// the rest (phrases, i.e. word order, and non-stem words inside title:) is verified item by item
// with the same matcher topics use. Items not indexed yet are checked one by one.
import { matchDocument, parseQuery, usesField, type Query, type QueryError, type QueryNode, type WordMatcher } from '../../src-shared/query';
import { analyzeDocument, analyzeField, KEY } from '../../src-shared/text';
import { keysWithAnyTag, tagsOf } from '../db/itemTags';
import { TITLE_TERM_PREFIX, type PressWatchDb, type StoredItem } from '../db/schema';
import { Bitset } from './bitset';
import { currentIndexState, forgetIndexState, phraseChecksOf, rememberPhraseChecks, type IndexState } from './indexState';
import { NO_POSITION } from './indexLayout';
import { languageTerm, pairTerm, sourceTerm } from './itemTerms';
import { containsPhrase } from './phraseRun';
import { pendingKeys } from './pendingQueue';

export type SearchOutcome = { ok: true; keys: Set<string> } | { ok: false; error: QueryError };

interface Partial {
  /** Never mutated: look-ups hand out cached sets, so every combination makes a new one. */
  docs: Bitset;
  /** True when `docs` is exactly the node's matches; false when it is a superset to verify. */
  exact: boolean;
}

function intersectAll(sets: Bitset[]): Bitset {
  const out = sets[0]!.clone();
  for (let i = 1; i < sets.length; i++) out.and(sets[i]!);
  return out;
}

function unionAll(sets: Bitset[]): Bitset {
  const out = sets[0]!.clone();
  for (let i = 1; i < sets.length; i++) out.or(sets[i]!);
  return out;
}

export class SearchEngine {
  constructor(private readonly db: PressWatchDb) {}

  async search(text: string): Promise<SearchOutcome> {
    const parsed = parseQuery(text);
    if (!parsed.ok) return parsed;
    return { ok: true, keys: await this.run(parsed.query) };
  }

  async run(query: Query): Promise<Set<string>> {
    const first = await this.runOnce(query);
    if (first.state?.stale !== true) return first.keys;
    // The indexer rewrote a chunk while this query read it: once more on the current index.
    forgetIndexState(this.db, first.state);
    return (await this.runOnce(query)).keys;
  }

  private async runOnce(query: Query): Promise<{ keys: Set<string>; state: IndexState | null }> {
    const [pending, state] = await Promise.all([pendingKeys(this.db), currentIndexState(this.db)]);
    let indexed: Set<string>;
    if (!state) {
      // The index is not built in its current layout yet (the indexer is on it): read everything.
      const all = (await this.db.items.toCollection().primaryKeys()) as string[];
      indexed = await this.verify(query, all.filter((key) => !pending.has(key)));
    } else {
      const result = await this.evaluate(state, query.root);
      const keys = state.keysOf(result.docs.clone().and(state.live()));
      // A pending item's indexed document may be an earlier version of it: pending items are
      // answered from their current text below.
      for (const key of pending) keys.delete(key);
      indexed = result.exact ? keys : await this.verify(query, [...keys]);
    }
    if (pending.size > 0) for (const key of await this.verify(query, [...pending])) indexed.add(key);
    return { keys: indexed, state };
  }

  private async evaluate(state: IndexState, node: QueryNode): Promise<Partial> {
    switch (node.kind) {
      case 'text':
        return this.evaluateText(state, node);
      case 'lang':
        return { docs: await state.docsWithAny(this.db, [languageTerm(node.language)]), exact: true };
      case 'and': {
        const positives: Partial[] = [];
        const negatives: Partial[] = [];
        for (const child of node.children) {
          if (child.kind === 'not') negatives.push(await this.evaluate(state, child.child));
          else positives.push(await this.evaluate(state, child));
        }
        const docs = positives.length > 0 ? intersectAll(positives.map((p) => p.docs)) : state.live().clone();
        let exact = positives.every((p) => p.exact);
        for (const negative of negatives) {
          // An inexact exclusion could remove true matches: leave it to verification.
          if (negative.exact) docs.andNot(negative.docs);
          else exact = false;
        }
        return { docs, exact };
      }
      case 'or': {
        const parts = await Promise.all(node.children.map((child) => this.evaluate(state, child)));
        return { docs: unionAll(parts.map((p) => p.docs)), exact: parts.every((p) => p.exact) };
      }
      case 'not': {
        const inner = await this.evaluate(state, node.child);
        if (!inner.exact) return { docs: state.live(), exact: false };
        return { docs: state.live().clone().andNot(inner.docs), exact: true };
      }
    }
  }

  private async evaluateText(state: IndexState, node: Extract<QueryNode, { kind: 'text' }>): Promise<Partial> {
    if (node.field === 'tag' || node.field === 'source') return this.evaluateMetadata(state, node);
    // Each word is answered exactly by the index: stems, =exact forms ('e:' keys) and prefixes
    // ('f:' folds) are all indexed, and title words have their own keys. Only phrases (word
    // order) and non-stem words inside title: need the items themselves.
    const stems = node.words.every((word) => word.mode === 'stem');
    if (node.phrase && node.words.length > 1 && stems) return this.evaluatePhrase(state, node);
    const titleKeys = node.field === 'title' && stems;
    const exact = (!node.phrase || node.words.length === 1) && (node.field === null || titleKeys);
    const perWord = await Promise.all(node.words.map((word) => this.lookupWord(state, word, titleKeys ? TITLE_TERM_PREFIX : '')));
    return { docs: perWord.length === 1 ? perWord[0]! : intersectAll(perWord), exact };
  }

  /**
   * A phrase of plain words, through the word-pair keys: exactly for two words anywhere in the
   * item; for longer phrases, exactly where each pair stands once in the item (its position is
   * in the index: the pairs must follow one another word by word). The rest (a pair there more
   * than once, items indexed before positions were kept, and title: phrases, since pairs do not
   * say which field) is checked against the items.
   */
  private async evaluatePhrase(state: IndexState, node: Extract<QueryNode, { kind: 'text' }>): Promise<Partial> {
    const words = node.words as Array<Extract<WordMatcher, { mode: 'stem' }>>;
    const pairKeys = words.slice(1).map((second, i) => words[i]!.keys.flatMap((a) => second.keys.map((b) => pairTerm(a, b))));
    const perPair = await Promise.all(pairKeys.map((keys) => state.docsWithAny(this.db, keys)));
    const candidates = perPair.length === 1 ? perPair[0]! : intersectAll(perPair);
    if (words.length === 2 && node.field === null) return { docs: candidates, exact: true };
    // Once per version of the index: a press officer refining a query repeats its phrase.
    const id = `"${node.field ?? ''}:${words.map((w) => w.keys.join('|')).join(' ')}`;
    const docs = await state.memo(id, async () => {
      const { settled, unsettled } = node.field === null ? await this.phraseByPositions(state, pairKeys, candidates) : { settled: state.empty(), unsettled: candidates };
      return settled.or(await this.phraseByItems(state, node, words, id, unsettled));
    });
    return { docs, exact: true };
  }

  /** Candidates whose pairs all stand once in them: those where they follow one another have the phrase. */
  private async phraseByPositions(state: IndexState, pairKeys: string[][], candidates: Bitset): Promise<{ settled: Bitset; unsettled: Bitset }> {
    const positions = await Promise.all(pairKeys.map((keys) => state.pairPositions(this.db, keys)));
    const settled = state.empty();
    const unsettled = state.empty();
    candidates.forEach((doc) => {
      const first = positions[0]!.get(doc) ?? NO_POSITION;
      let known = first !== NO_POSITION;
      let run = true;
      for (let k = 1; k < positions.length && known; k++) {
        const at = positions[k]!.get(doc) ?? NO_POSITION;
        if (at === NO_POSITION) known = false;
        else if (at !== first + k) run = false;
      }
      if (!known) unsettled.add(doc);
      else if (run) settled.add(doc);
    });
    return { settled, unsettled };
  }

  /**
   * Candidates checked against their items, each once (phraseChecksOf): a phrase search left on
   * screen while polls arrive reads only the new ones.
   */
  private async phraseByItems(state: IndexState, node: Extract<QueryNode, { kind: 'text' }>, words: ReadonlyArray<{ keys: readonly string[] }>, id: string, candidates: Bitset): Promise<Bitset> {
    const earlier = phraseChecksOf(state, id);
    const unchecked = candidates.clone();
    if (earlier) unchecked.andNot(earlier.checked);
    const docList: number[] = [];
    unchecked.forEach((doc) => void docList.push(doc));
    const keys = docList.map((doc) => state.keyOf(doc)!);
    const matched = await this.verifyPhrase(node, words, keys);
    const checks = { checked: state.empty().or(unchecked), matches: state.empty() };
    if (earlier) {
      checks.checked.or(earlier.checked);
      checks.matches.or(earlier.matches);
    }
    docList.forEach((doc, i) => matched.has(keys[i]!) && checks.matches.add(doc));
    rememberPhraseChecks(state, id, checks);
    return checks.matches.clone().and(candidates);
  }

  private lookupWord(state: IndexState, word: WordMatcher, keyPrefix: string): Promise<Bitset> {
    switch (word.mode) {
      case 'stem':
        return state.docsWithAny(this.db, word.keys.map((key) => keyPrefix + key));
      case 'exact':
        return state.docsWithAny(this.db, [word.key]);
      case 'prefix':
        return state.docsWithPrefix(this.db, KEY.fold + word.fold);
    }
  }

  /** tag: is answered from the tags table and the itemTags rows, source: from the sources table and the index. */
  private async evaluateMetadata(state: IndexState, node: Extract<QueryNode, { kind: 'text' }>): Promise<Partial> {
    const probe: Query = { source: '', root: { ...node, field: null } };
    if (node.field === 'tag') {
      const tags = (await this.db.tags.toArray()).filter((tag) => matchDocument(probe, analyzeDocument({ title: tag.name })));
      const docs = state.empty();
      if (tags.length === 0) return { docs, exact: true };
      const docOfKey = state.docOfKey();
      for (const key of await keysWithAnyTag(this.db, tags.map((t) => t.id))) {
        const doc = docOfKey.get(key);
        if (doc !== undefined) docs.add(doc);
      }
      return { docs, exact: true };
    }
    const sources = (await this.db.sources.toArray()).filter(
      (source) => matchDocument(probe, analyzeDocument({ title: source.name })) || node.words.some((w) => w.text === source.id),
    );
    if (sources.length === 0) return { docs: state.empty(), exact: true };
    return { docs: await state.docsWithAny(this.db, sources.map((s) => sourceTerm(s.id))), exact: true };
  }

  /** The candidates that have the phrase in one field (the title only, for title:). */
  private async verifyPhrase(node: Extract<QueryNode, { kind: 'text' }>, words: ReadonlyArray<{ keys: readonly string[] }>, keys: string[]): Promise<Set<string>> {
    // A phrase longer than the check's bit mask is rare enough to go through the full analysis.
    if (words.length > 30) return this.verify({ source: '', root: node }, keys);
    const phrase = words.map((word) => new Set(word.keys));
    const matches = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      for (const item of await this.db.items.bulkGet(keys.slice(i, i + 500))) {
        if (!item) continue;
        const fields = node.field === 'title' ? [item.title] : [item.title, item.summary, item.text];
        if (fields.some((text) => containsPhrase(text, item.language, phrase))) matches.add(item.key);
      }
    }
    return matches;
  }

  private async verify(query: Query, keys: string[]): Promise<Set<string>> {
    // =word needs its very form somewhere in the item: a plain substring test rules most
    // candidates out before the (costlier) analysis.
    const exactForms = exactFormsOf(query.root);
    // Tags are read only for a query that looks at them: one read per item otherwise wasted.
    const readsTags = usesField(query.root, 'tag');
    const [tags, sources] = await Promise.all([readsTags ? this.db.tags.toArray() : [], this.db.sources.toArray()]);
    const tagNames = new Map(tags.map((t) => [t.id, t.name]));
    const sourceNames = new Map(sources.map((s) => [s.id, s.name]));
    const matches = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const [items, tagsByItem] = await Promise.all([this.db.items.bulkGet(chunk) as Promise<Array<StoredItem | undefined>>, readsTags ? tagsOf(this.db, chunk) : new Map<string, string[]>()]);
      for (const item of items) {
        if (!item) continue;
        if (exactForms.length > 0) {
          const haystack = foldForSubstring(`${item.title}\n${item.summary}\n${item.text}`);
          if (!exactForms.every((form) => haystack.includes(form))) continue;
        }
        if (matchDocument(query, documentOf(item, tagsByItem.get(item.key) ?? [], sourceNames, tagNames))) matches.add(item.key);
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

/** What a query is matched against: the item, with the ids of the tags it carries. */
export function documentOf(item: StoredItem, tagIds: readonly string[], sourceNames: Map<string, string>, tagNames: Map<string, string>) {
  return analyzeDocument({
    title: item.title,
    summary: item.summary,
    text: item.text,
    sourceName: sourceNames.get(item.sourceId) ?? item.feedTitle,
    sourceId: item.sourceId,
    tags: tagIds.map((id) => tagNames.get(id) ?? '').filter(Boolean),
    language: item.language,
  });
}

// Re-exported for the highlighter in the UI.
export { analyzeField };
