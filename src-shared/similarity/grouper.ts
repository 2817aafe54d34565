// Story ids for incoming items: look up candidates through the band-key index, decide, join the
// best match's story or start a new one.
import { sameStory, similarity } from './decide';
import type { Fingerprint } from './fingerprint';

/** An item already grouped, as the candidate lookup returns it. */
export interface GroupedItem {
  id: string;
  /** ISO 8601. */
  publishedAt: string;
  fingerprint: Fingerprint;
  storyId: string;
}

/** Items stored under any of these band keys (e.g. Dexie `where('bands').anyOf(keys)`); duplicates are fine. */
export type CandidateLookup = (bandKeys: readonly string[]) => Iterable<GroupedItem> | Promise<Iterable<GroupedItem>>;

export interface StoryAssignment {
  /** The story the item belongs to: the matched item's story, or the item's own id for a new story. */
  storyId: string;
  /** The most similar candidate that reports the same story, or null. */
  matchedId: string | null;
  similarity: number;
  /**
   * The item was published before every other item of its story the lookup returned: it is the
   * story's first publisher (a late-polled original). Story ids stay stable; who was first is
   * decided by publishedAt, see {@link firstPublisher}.
   */
  firstPublisher: boolean;
}

export interface StoryGrouperOptions {
  /** Items further apart than this are never one story (a yearly event is a new story). Default 72 h. */
  windowHours?: number;
  /** Candidates looked at per item, newest kept: a bound on the cost when a band is crowded. Default 200. */
  maxCandidates?: number;
}

/** The first publisher of a story: the earliest publishedAt, ties broken by id so everyone agrees. */
export function firstPublisher<T extends { id: string; publishedAt: string }>(members: readonly T[]): T | null {
  let best: T | null = null;
  for (const m of members) {
    if (!best) best = m;
    else {
      const d = Date.parse(m.publishedAt) - Date.parse(best.publishedAt);
      if (d < 0 || (d === 0 && m.id < best.id)) best = m;
    }
  }
  return best;
}

export class StoryGrouper {
  private readonly windowMs: number;
  private readonly maxCandidates: number;

  constructor(
    private readonly lookup: CandidateLookup,
    options: StoryGrouperOptions = {},
  ) {
    this.windowMs = (options.windowHours ?? 72) * 3_600_000;
    this.maxCandidates = options.maxCandidates ?? 200;
  }

  /** Decide the story of one item. The caller stores `storyId` with the item (and its fingerprint's bands). */
  async assign(item: { id: string; publishedAt: string; fingerprint: Fingerprint }): Promise<StoryAssignment> {
    const found = this.lookup(item.fingerprint.bands);
    const candidates = isPromise(found) ? await found : found;
    return this.choose(item, candidates);
  }

  /** The same decision without a promise, for a synchronous lookup (an in-memory index, a benchmark). */
  assignSync(item: { id: string; publishedAt: string; fingerprint: Fingerprint }): StoryAssignment {
    const found = this.lookup(item.fingerprint.bands);
    if (isPromise(found)) throw new Error('assignSync needs a synchronous candidate lookup');
    return this.choose(item, found);
  }

  private choose(item: { id: string; publishedAt: string; fingerprint: Fingerprint }, found: Iterable<GroupedItem>): StoryAssignment {
    const at = Date.parse(item.publishedAt);
    const seen = new Set<string>([item.id]);
    const near: GroupedItem[] = [];
    for (const c of found) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const t = Date.parse(c.publishedAt);
      if (Number.isFinite(at) && Number.isFinite(t) && Math.abs(t - at) > this.windowMs) continue;
      near.push(c);
    }
    if (near.length > this.maxCandidates) {
      near.sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
      near.length = this.maxCandidates;
    }
    let best: GroupedItem | null = null;
    let bestScore = 0;
    for (const c of near) {
      if (!sameStory(item.fingerprint, c.fingerprint)) continue;
      const score = similarity(item.fingerprint, c.fingerprint);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best) return { storyId: item.id, matchedId: null, similarity: 0, firstPublisher: true };
    const storyId = best.storyId;
    const members = near.filter((c) => c.storyId === storyId);
    const first = firstPublisher([...members, { id: item.id, publishedAt: item.publishedAt }]);
    return { storyId, matchedId: best.id, similarity: bestScore, firstPublisher: first?.id === item.id };
  }
}

function isPromise<T>(x: T | Promise<T>): x is Promise<T> {
  return typeof (x as { then?: unknown }).then === 'function';
}
