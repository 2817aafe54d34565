import { describe, expect, it } from 'vitest';
import { bucketsFor } from './buckets';
import { bucketLabel, MAX_OUTLETS, OTHER_COLOR, outletKeys, PALETTE, shareRows, textColorOn, toneRows, volumeRows } from './chartData';
import { outletShares, tally, toneBreakdown } from './figures';

describe('chart data', () => {
  const days = bucketsFor('2026-02-25', '2026-02-26', 'Asia/Almaty', 'day');

  it('draws at most as many outlets as colours, the smallest together as “other”', () => {
    const placed = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 - i }, () => ({ bucket: i % 2, sourceId: `s${i}` }))).flat();
    const series = tally(placed, days);
    const keys = outletKeys(series, { s0: 'Zakon.kz' }, 'Другие');
    expect(keys).toHaveLength(MAX_OUTLETS);
    expect(keys[0]).toEqual({ dataKey: 'o0', sourceIds: ['s0'], name: 'Zakon.kz', color: PALETTE[0] });
    expect(keys.at(-1)).toEqual({ dataKey: `o${MAX_OUTLETS - 1}`, sourceIds: ['s7', 's8', 's9'], name: 'Другие', color: OTHER_COLOR });
    const rows = volumeRows(series, keys, 'day', 'ru');
    expect(rows.map((r) => r.label)).toEqual(['25.02', '26.02']);
    // Every item is in exactly one segment: the segments add up to the bar's total.
    for (const row of rows) expect(keys.reduce((sum, k) => sum + Number(row[k.dataKey]), 0)).toBe(row.total);
    const shares = shareRows(outletShares(series), keys);
    expect(shares.at(-1)).toMatchObject({ name: 'Другие', count: 3 + 2 + 1 });
    expect(shares.reduce((sum, s) => sum + s.percent, 0)).toBe(100);
    expect(shares[0]!.label).toBe(`10 · ${shares[0]!.percent}%`);
  });

  it('labels hours and days for the reader, and writes numbers in a colour that reads on the bar', () => {
    const hours = bucketsFor('2026-02-26', '2026-02-26', 'Asia/Almaty');
    expect(bucketLabel(hours[0]!, 'hour', 'kk')).toBe('26.02 00:00');
    expect(bucketLabel(hours[17]!, 'hour', 'ru')).toBe('17:00');
    expect(bucketLabel(days[0]!, 'day', 'en')).toBe('25/02');
    expect(textColorOn('#1f4e79')).toBe('#ffffff');
    expect(textColorOn('#e69f00')).toBe('#111111');
    const tones = toneRows(toneBreakdown(['negative', 'positive', 'positive']), { positive: 'Оң', neutral: 'Бейтарап', negative: 'Теріс' });
    expect(tones.map((t) => [t.name, t.label])).toEqual([
      ['Оң', '2 · 67%'],
      ['Бейтарап', '0 · 0%'],
      ['Теріс', '1 · 33%'],
    ]);
  });
});
