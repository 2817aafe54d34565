// Turning a query into index look-ups for candidate items, before matchDocument verifies them.
import { KEY } from '../text/analyzer';
import type { Query, QueryNode, WordMatcher } from './ast';

/**
 * One read of the multi-entry index built from `indexTerms`: items having `key`, or having any
 * key that starts with `prefix` (Dexie: `where('terms').equals(key)` / `.startsWith(prefix)`).
 */
export type IndexLookup = { op: 'eq'; key: string } | { op: 'prefix'; prefix: string };

/**
 * Which items can match. Contract: the set a plan describes always CONTAINS every item that
 * `matchDocument` accepts (it may contain more), provided the index holds `indexTerms` of each
 * item's title, summary and text. So: fetch candidates, then verify each with matchDocument.
 * - scan:      no narrowing possible (only metadata fields such as lang:, source:, tag:,
 *              or only negations in a branch); read every item (or narrow by your own metadata
 *              indexes) and verify.
 * - lookup:    the union of the items found by the look-ups (all spellings/stems of one word).
 * - intersect: items in every child plan. Children are ordered cheapest/rarest first, so a
 *              good strategy is to fetch the first child and verify the rest with matchDocument.
 * - union:     items in any child plan.
 */
export type QueryPlan =
  | { kind: 'scan'; reason: 'metadata' | 'negation' }
  | { kind: 'lookup'; lookups: IndexLookup[] }
  | { kind: 'intersect'; plans: QueryPlan[] }
  | { kind: 'union'; plans: QueryPlan[] };

export interface PlanOptions {
  /**
   * Estimated number of items a look-up finds (e.g. cached counts from the index). Without it,
   * longer keys are assumed rarer and prefix look-ups commoner than exact ones.
   */
  estimate?: (lookup: IndexLookup) => number;
}

function wordLookups(word: WordMatcher): IndexLookup[] {
  switch (word.mode) {
    case 'stem':
      return word.keys.map((key) => ({ op: 'eq', key }));
    case 'exact':
      // Same form ⇒ same primary stem, which every occurrence has in the index.
      return [{ op: 'eq', key: word.planKey }];
    case 'prefix': {
      // A word w starting with p is in the index as 'f:'+fold(w) (then in the f: range), or its
      // primary stem s is a prefix of fold(w) with |s| ≥ 3 (see WordInfo.foldIndexed): either s
      // starts with p (stem range) or s is p's first |s| letters (exact look-ups below).
      const ns = word.script === 'cyrillic' ? KEY.cyrillicStem : KEY.latinStem;
      const out: IndexLookup[] = [
        { op: 'prefix', prefix: ns + word.fold },
        { op: 'prefix', prefix: KEY.fold + word.fold },
      ];
      const letters = [...word.fold];
      for (let j = 3; j < letters.length; j++) out.push({ op: 'eq', key: ns + letters.slice(0, j).join('') });
      return out;
    }
  }
}

function defaultEstimate(lookup: IndexLookup): number {
  if (lookup.op === 'prefix') return 5000 / Math.max(1, lookup.prefix.length - 2);
  return 1000 / Math.max(1, lookup.key.length - 2);
}

function cost(plan: QueryPlan, estimate: (l: IndexLookup) => number): number {
  switch (plan.kind) {
    case 'scan':
      return Number.POSITIVE_INFINITY;
    case 'lookup':
      return plan.lookups.reduce((sum, l) => sum + estimate(l), 0);
    case 'intersect':
      return Math.min(...plan.plans.map((p) => cost(p, estimate)));
    case 'union':
      return plan.plans.reduce((sum, p) => sum + cost(p, estimate), 0);
  }
}

function dedupeLookups(lookups: IndexLookup[]): IndexLookup[] {
  const seen = new Set<string>();
  return lookups.filter((l) => {
    const id = l.op === 'eq' ? 'e' + l.key : 'p' + l.prefix;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function planNode(node: QueryNode, estimate: (l: IndexLookup) => number): QueryPlan {
  switch (node.kind) {
    case 'lang':
      return { kind: 'scan', reason: 'metadata' };
    case 'not':
      return { kind: 'scan', reason: 'negation' };
    case 'text': {
      if (node.field === 'source' || node.field === 'tag') return { kind: 'scan', reason: 'metadata' };
      const plans: QueryPlan[] = node.words.map((w) => ({ kind: 'lookup', lookups: dedupeLookups(wordLookups(w)) }));
      if (plans.length === 1) return plans[0] as QueryPlan;
      return { kind: 'intersect', plans: plans.sort((a, b) => cost(a, estimate) - cost(b, estimate)) };
    }
    case 'and': {
      const plans = node.children.map((c) => planNode(c, estimate)).filter((p) => p.kind !== 'scan');
      if (plans.length === 0) {
        const reasons = node.children.map((c) => planNode(c, estimate));
        return reasons.find((p) => p.kind === 'scan' && p.reason === 'metadata') ?? { kind: 'scan', reason: 'negation' };
      }
      const flat = plans.flatMap((p) => (p.kind === 'intersect' ? p.plans : [p]));
      if (flat.length === 1) return flat[0] as QueryPlan;
      return { kind: 'intersect', plans: flat.sort((a, b) => cost(a, estimate) - cost(b, estimate)) };
    }
    case 'or': {
      const plans = node.children.map((c) => planNode(c, estimate));
      const scan = plans.find((p) => p.kind === 'scan');
      if (scan) return scan;
      if (plans.every((p) => p.kind === 'lookup')) {
        return { kind: 'lookup', lookups: dedupeLookups(plans.flatMap((p) => (p.kind === 'lookup' ? p.lookups : []))) };
      }
      return { kind: 'union', plans: plans.flatMap((p) => (p.kind === 'union' ? p.plans : [p])) };
    }
  }
}

/** Plan the index reads that find a superset of the items matching the query (see {@link QueryPlan}). */
export function planQuery(query: Query, options?: PlanOptions): QueryPlan {
  return planNode(query.root, options?.estimate ?? defaultEstimate);
}

/**
 * Execute a plan with your own index access: `lookup` returns the ids one look-up finds, `all`
 * every id. Intersections start from their first (rarest) child and stop early when empty.
 * Returns candidate ids, still to be verified with matchDocument.
 */
export async function runPlan<Id>(
  plan: QueryPlan,
  lookup: (lookup: IndexLookup) => Promise<Iterable<Id>> | Iterable<Id>,
  all: () => Promise<Iterable<Id>> | Iterable<Id>,
): Promise<Set<Id>> {
  switch (plan.kind) {
    case 'scan':
      return new Set(await all());
    case 'lookup': {
      const out = new Set<Id>();
      for (const l of plan.lookups) for (const id of await lookup(l)) out.add(id);
      return out;
    }
    case 'union': {
      const out = new Set<Id>();
      for (const p of plan.plans) for (const id of await runPlan(p, lookup, all)) out.add(id);
      return out;
    }
    case 'intersect': {
      let acc: Set<Id> | null = null;
      for (const p of plan.plans) {
        const next: Set<Id> = await runPlan(p, lookup, all);
        if (acc === null) {
          acc = next;
        } else {
          const kept = new Set<Id>();
          for (const id of acc) if (next.has(id)) kept.add(id);
          acc = kept;
        }
        if (acc.size === 0) break;
      }
      return acc ?? new Set();
    }
  }
}
