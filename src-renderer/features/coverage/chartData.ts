// From figures to what the charts draw: labels, colours and rows. Colours differ in lightness as
// well as hue (Okabe–Ito), so bars stay apart in greyscale print; numbers are written on them too.
import type { Bucket, BucketUnit } from './buckets';
import { TONES, type Series, type Share, type Tone, type ToneBreakdown } from './figures';

export const PALETTE = ['#1f4e79', '#e69f00', '#009e73', '#cc3311', '#56b4e9', '#7a5195', '#999933', '#d46a9f'];
export const OTHER_COLOR = '#8c8c8c';
export const TONE_COLORS: Record<Tone, string> = { positive: '#1b7f3b', neutral: '#9aa4ae', negative: '#b8322a' };
/** More outlets than colours: the smallest are drawn together as "other". */
export const MAX_OUTLETS = PALETTE.length;

/** Black or white, whichever reads better on `background` (#rrggbb). */
export function textColorOn(background: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? '#111111' : '#ffffff';
}

export interface OutletKey {
  /** The data key in chart rows: o0, o1 … (source ids may hold characters recharts reads as paths). */
  dataKey: string;
  sourceIds: string[];
  name: string;
  color: string;
}

export function outletKeys(series: Series, names: Record<string, string>, otherName: string): OutletKey[] {
  const shown = series.outlets.length > MAX_OUTLETS ? series.outlets.slice(0, MAX_OUTLETS - 1) : series.outlets;
  const keys: OutletKey[] = shown.map((id, i) => ({ dataKey: `o${i}`, sourceIds: [id], name: names[id] ?? id, color: PALETTE[i]! }));
  const rest = series.outlets.slice(shown.length);
  if (rest.length) keys.push({ dataKey: `o${shown.length}`, sourceIds: rest, name: otherName, color: OTHER_COLOR });
  return keys;
}

export function bucketLabel(bucket: Bucket, unit: BucketUnit, locale: string): string {
  // Written out rather than through Intl: Chromium's ICU data prints Kazakh dates as "02-26".
  const [, m, d] = bucket.day.split('-') as [string, string, string];
  const day = locale === 'en' ? `${d}/${m}` : `${d}.${m}`;
  if (unit === 'day') return day;
  const hour = `${String(bucket.hour).padStart(2, '0')}:00`;
  return bucket.hour === 0 ? `${day} ${hour}` : hour;
}

export type VolumeRow = { label: string; total: number } & Record<string, number | string>;

export function volumeRows(series: Series, keys: readonly OutletKey[], unit: BucketUnit, locale: string): VolumeRow[] {
  return series.rows.map((row) => {
    const out: VolumeRow = { label: bucketLabel(row.bucket, unit, locale), total: row.total };
    for (const key of keys) out[key.dataKey] = key.sourceIds.reduce((sum, id) => sum + (row.counts[id] ?? 0), 0);
    return out;
  });
}

export interface ShareRow {
  name: string;
  count: number;
  percent: number;
  color: string;
  /** Written next to the bar: the number and the share. */
  label: string;
}

export function shareRows(shares: readonly Share[], keys: readonly OutletKey[]): ShareRow[] {
  return keys.map((key) => {
    const mine = shares.filter((s) => key.sourceIds.includes(s.sourceId));
    const count = mine.reduce((sum, s) => sum + s.count, 0);
    const percent = mine.reduce((sum, s) => sum + s.percent, 0);
    return { name: key.name, count, percent, color: key.color, label: `${count} · ${percent}%` };
  });
}

export function toneRows(tone: ToneBreakdown, names: Record<Tone, string>): ShareRow[] {
  return TONES.map((t) => ({ name: names[t], count: tone.counts[t], percent: tone.percents[t], color: TONE_COLORS[t], label: `${tone.counts[t]} · ${tone.percents[t]}%` }));
}
