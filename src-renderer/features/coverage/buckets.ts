// Time buckets of a coverage range in the reader's time zone: a day is the reader's midnight to
// midnight, not UTC's, so an item published at 19:30Z on the 26th counts on the 27th in Astana.
// Bounds are ISO strings in UTC, the form items store `publishedAt` in, so a bucket is one range
// read on the publishedAt index.

export type BucketUnit = 'day' | 'hour';

export interface Bucket {
  /** Inclusive, ISO 8601 UTC. */
  start: string;
  /** Exclusive, ISO 8601 UTC. */
  end: string;
  /** The reader's calendar day, YYYY-MM-DD. */
  day: string;
  /** The reader's hour of the day (0–23) for hourly buckets, else null. */
  hour: number | null;
}

/** Ranges of up to this many days are shown hour by hour. */
export const HOURLY_UP_TO_DAYS = 2;

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The reader's wall clock at an instant, as numbers. */
export function wallClock(instant: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { year: +parts.year!, month: +parts.month!, day: +parts.day!, hour: +parts.hour! % 24, minute: +parts.minute!, second: +parts.second! };
}

function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant the reader's day `date` (YYYY-MM-DD) begins. */
export function startOfDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetAt(guess, timeZone);
  // Across a clock change the offset at local midnight differs from the one at UTC midnight.
  const second = guess - offsetAt(first, timeZone);
  return second;
}

/** The reader's calendar day of an instant, YYYY-MM-DD. */
export function dayOf(instant: number, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Calendar arithmetic on YYYY-MM-DD, independent of any zone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function unitFor(from: string, to: string): BucketUnit {
  return daysBetween(from, to) <= HOURLY_UP_TO_DAYS ? 'hour' : 'day';
}

/** The buckets of the inclusive day range `from`..`to`, by day or (for short ranges) by hour. */
export function bucketsFor(from: string, to: string, timeZone: string, unit: BucketUnit = unitFor(from, to)): Bucket[] {
  if (to < from) return [];
  const out: Bucket[] = [];
  if (unit === 'day') {
    for (let day = from; day <= to; day = addDays(day, 1)) {
      out.push({ start: new Date(startOfDay(day, timeZone)).toISOString(), end: new Date(startOfDay(addDays(day, 1), timeZone)).toISOString(), day, hour: null });
    }
    return out;
  }
  const end = startOfDay(addDays(to, 1), timeZone);
  // Hour by hour from the first midnight: a day with a clock change simply has 23 or 25 of them.
  for (let t = startOfDay(from, timeZone); t < end; t += HOUR) {
    out.push({ start: new Date(t).toISOString(), end: new Date(Math.min(t + HOUR, end)).toISOString(), day: dayOf(t, timeZone), hour: wallClock(t, timeZone).hour });
  }
  return out;
}

/** The bucket an instant falls in, or -1 outside the range. Bucket bounds compare as instants. */
export function bucketIndex(publishedAt: string, buckets: readonly Bucket[]): number {
  const t = Date.parse(publishedAt);
  if (Number.isNaN(t) || buckets.length === 0) return -1;
  let lo = 0;
  let hi = buckets.length - 1;
  if (t < Date.parse(buckets[0]!.start) || t >= Date.parse(buckets[hi]!.end)) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (Date.parse(buckets[mid]!.start) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
