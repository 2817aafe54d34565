// The coverage of a digest: figures from the report's own items (already read for the report),
// over the days they span, so the charts describe exactly what the digest contains.
import type { ReportItem } from '../../../src-shared/export';
import { bucketIndex, bucketsFor, dayOf } from './buckets';
import { outletShares, tally, toneBreakdown, type Placed } from './figures';
import type { CoverageFigures } from './loadCoverage';

export function digestFigures(items: readonly ReportItem[], timeZone: string): CoverageFigures | null {
  const times = items.map((item) => Date.parse(item.publishedAt)).filter((t) => !Number.isNaN(t));
  if (times.length === 0) return null;
  const from = dayOf(Math.min(...times), timeZone);
  const to = dayOf(Math.max(...times), timeZone);
  const buckets = bucketsFor(from, to, timeZone);
  // Report items carry the outlet's name, not its id: the name stands for the outlet.
  const placed: Placed[] = [];
  for (const item of items) {
    const bucket = bucketIndex(item.publishedAt, buckets);
    if (bucket >= 0) placed.push({ bucket, sourceId: item.outlet });
  }
  const series = tally(placed, buckets);
  return {
    buckets,
    unit: buckets[0]?.hour === null ? 'day' : 'hour',
    series,
    shares: outletShares(series),
    tone: toneBreakdown(items.map((item) => item.tone)),
    keys: [],
    outletNames: Object.fromEntries(series.outlets.map((name) => [name, name])),
  };
}
