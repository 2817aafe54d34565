// The coverage figures, from plain records: items per bucket per outlet, each outlet's share, the
// tone of the clippings and the top stories. No database here; loadCoverage.ts feeds these.
import type { Bucket } from './buckets';

export type Tone = 'positive' | 'neutral' | 'negative';
export const TONES: readonly Tone[] = ['positive', 'neutral', 'negative'];

/** One item placed in a bucket: all the per-day and per-outlet figures need. */
export interface Placed {
  bucket: number;
  sourceId: string;
}

export interface SeriesRow {
  bucket: Bucket;
  /** sourceId -> items in this bucket. */
  counts: Record<string, number>;
  total: number;
}

export interface Series {
  /** Outlets with at least one item, most items first (ties by id, so the order is stable). */
  outlets: string[];
  rows: SeriesRow[];
  total: number;
}

export function tally(placed: Iterable<Placed>, buckets: readonly Bucket[]): Series {
  const rows: SeriesRow[] = buckets.map((bucket) => ({ bucket, counts: {}, total: 0 }));
  const perOutlet = new Map<string, number>();
  let total = 0;
  for (const { bucket, sourceId } of placed) {
    const row = rows[bucket];
    if (!row) continue;
    row.counts[sourceId] = (row.counts[sourceId] ?? 0) + 1;
    row.total++;
    total++;
    perOutlet.set(sourceId, (perOutlet.get(sourceId) ?? 0) + 1);
  }
  const outlets = [...perOutlet].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  return { outlets, rows, total };
}

export interface Share {
  sourceId: string;
  count: number;
  /** Whole per cent; the shares of one chart add up to exactly 100 (largest remainder). */
  percent: number;
}

/** Whole percentages that add up to 100, as a reader expects of a share chart. */
export function wholePercents(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - floors[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    floors[i]!++;
  }
  return floors;
}

export function outletShares(series: Series): Share[] {
  const counts = series.outlets.map((id) => series.rows.reduce((sum, row) => sum + (row.counts[id] ?? 0), 0));
  const percents = wholePercents(counts);
  return series.outlets.map((sourceId, i) => ({ sourceId, count: counts[i]!, percent: percents[i]! }));
}

export interface ToneBreakdown {
  counts: Record<Tone, number>;
  percents: Record<Tone, number>;
  total: number;
}

export function toneBreakdown(tones: Iterable<Tone | null | undefined>): ToneBreakdown {
  const counts: Record<Tone, number> = { positive: 0, neutral: 0, negative: 0 };
  for (const tone of tones) if (tone && tone in counts) counts[tone]++;
  const p = wholePercents(TONES.map((t) => counts[t]));
  return { counts, percents: { positive: p[0]!, neutral: p[1]!, negative: p[2]! }, total: counts.positive + counts.neutral + counts.negative };
}

/** What top stories need of an item. `storyId` is optional: items without one are their own story. */
export interface StoryRecord {
  key: string;
  sourceId: string;
  publishedAt: string;
  title: string;
  storyId?: unknown;
}

export interface Story {
  id: string;
  /** The headline of the story's first item. */
  title: string;
  items: number;
  outlets: string[];
  firstAt: string;
  lastAt: string;
  /** The first item, to open it. */
  firstKey: string;
}

/** The story an item belongs to: its storyId when the item carries a usable one, else the item itself. */
export function storyOf(record: StoryRecord): string {
  return typeof record.storyId === 'string' && record.storyId !== '' ? record.storyId : record.key;
}

/** Stories most widely carried first: by outlets, then items, then the earliest. */
export function topStories(records: Iterable<StoryRecord>, limit = 10): Story[] {
  const stories = new Map<string, Story & { outletSet: Set<string> }>();
  for (const r of records) {
    const id = storyOf(r);
    const s = stories.get(id);
    if (!s) {
      stories.set(id, { id, title: r.title, items: 1, outlets: [], outletSet: new Set([r.sourceId]), firstAt: r.publishedAt, lastAt: r.publishedAt, firstKey: r.key });
      continue;
    }
    s.items++;
    s.outletSet.add(r.sourceId);
    if (r.publishedAt < s.firstAt) Object.assign(s, { firstAt: r.publishedAt, title: r.title, firstKey: r.key });
    if (r.publishedAt > s.lastAt) s.lastAt = r.publishedAt;
  }
  return [...stories.values()]
    .map(({ outletSet, ...s }) => ({ ...s, outlets: [...outletSet].sort() }))
    .sort((a, b) => b.outlets.length - a.outlets.length || b.items - a.items || a.firstAt.localeCompare(b.firstAt) || a.id.localeCompare(b.id))
    .slice(0, limit);
}
