import { describe, expect, it } from 'vitest';
import { bucketIndex, bucketsFor, startOfDay, unitFor } from './buckets';
import { outletShares, tally, toneBreakdown, topStories, wholePercents, type StoryRecord } from './figures';

const ASTANA = 'Asia/Almaty'; // UTC+5 all year
const BELGRADE = 'Europe/Belgrade'; // UTC+1, +2 in summer

describe('buckets in the reader’s time zone', () => {
  it('starts each day at the reader’s midnight, not UTC’s', () => {
    const days = bucketsFor('2026-02-25', '2026-02-27', ASTANA);
    expect(days.map((d) => [d.day, d.start, d.end])).toEqual([
      ['2026-02-25', '2026-02-24T19:00:00.000Z', '2026-02-25T19:00:00.000Z'],
      ['2026-02-26', '2026-02-25T19:00:00.000Z', '2026-02-26T19:00:00.000Z'],
      ['2026-02-27', '2026-02-26T19:00:00.000Z', '2026-02-27T19:00:00.000Z'],
    ]);
    // 19:30Z on the 26th is half past midnight on the 27th in Astana; 18:59Z is still the 26th.
    expect(bucketIndex('2026-02-26T19:30:00Z', days)).toBe(2);
    expect(bucketIndex('2026-02-26T18:59:59Z', days)).toBe(1);
    expect(bucketIndex('2026-02-24T18:59:59Z', days)).toBe(-1);
    expect(bucketIndex('2026-02-27T19:00:00Z', days)).toBe(-1);
    expect(bucketIndex('not a date', days)).toBe(-1);
  });

  it('goes hour by hour for two days or less, labelled with the reader’s hours', () => {
    expect(unitFor('2026-02-26', '2026-02-27')).toBe('hour');
    expect(unitFor('2026-02-25', '2026-02-27')).toBe('day');
    const hours = bucketsFor('2026-02-26', '2026-02-26', ASTANA);
    expect(hours).toHaveLength(24);
    expect(hours[0]).toEqual({ start: '2026-02-25T19:00:00.000Z', end: '2026-02-25T20:00:00.000Z', day: '2026-02-26', hour: 0 });
    expect(hours[17]!.hour).toBe(17);
    // The briefing at 12:45Z is at 17:45 in Astana.
    expect(bucketIndex('2026-02-26T12:45:00Z', hours)).toBe(17);
  });

  it('follows clock changes: 23 hours on the day Belgrade moves its clocks forward', () => {
    expect(new Date(startOfDay('2026-03-29', BELGRADE)).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(startOfDay('2026-03-30', BELGRADE)).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    const hours = bucketsFor('2026-03-29', '2026-03-29', BELGRADE);
    expect(hours).toHaveLength(23);
    expect(hours.map((h) => h.hour).slice(0, 4)).toEqual([0, 1, 3, 4]);
    const days = bucketsFor('2026-03-28', '2026-03-30', BELGRADE);
    expect(days[2]!.start).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('figures', () => {
  const days = bucketsFor('2026-02-25', '2026-02-27', ASTANA);

  it('counts items per day per outlet and orders outlets by volume', () => {
    const series = tally(
      [
        { bucket: 0, sourceId: 'zakon' },
        { bucket: 1, sourceId: 'zakon' },
        { bucket: 1, sourceId: 'n1' },
        { bucket: 1, sourceId: 'zakon' },
        { bucket: 2, sourceId: 'b92' },
        { bucket: 7, sourceId: 'nowhere' },
      ],
      days,
    );
    expect(series.outlets).toEqual(['zakon', 'b92', 'n1']);
    expect(series.rows.map((r) => r.counts)).toEqual([{ zakon: 1 }, { zakon: 2, n1: 1 }, { b92: 1 }]);
    expect(series.rows.map((r) => r.total)).toEqual([1, 3, 1]);
    expect(series.total).toBe(5);
    expect(outletShares(series)).toEqual([
      { sourceId: 'zakon', count: 3, percent: 60 },
      { sourceId: 'b92', count: 1, percent: 20 },
      { sourceId: 'n1', count: 1, percent: 20 },
    ]);
  });

  it('rounds shares so that they add up to 100', () => {
    expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercents([2, 1, 1, 1, 1, 1])).toEqual([29, 15, 14, 14, 14, 14]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
    expect(wholePercents([7, 0])).toEqual([100, 0]);
  });

  it('breaks clippings down by tone', () => {
    const tone = toneBreakdown(['positive', 'positive', 'negative', 'neutral', null, 'positive']);
    expect(tone.counts).toEqual({ positive: 3, neutral: 1, negative: 1 });
    expect(tone.percents).toEqual({ positive: 60, neutral: 20, negative: 20 });
    expect(tone.total).toBe(5);
  });

  it('ranks stories by outlets carrying them, grouping by storyId where items have one', () => {
    const r = (key: string, sourceId: string, publishedAt: string, title: string, storyId?: unknown): StoryRecord => ({ key, sourceId, publishedAt, title, storyId });
    const stories = topStories([
      r('zakon\u00001', 'zakon', '2026-02-26T12:45:00Z', 'Токаев и Вучич провели брифинг', 'visit'),
      r('n1\u00001', 'n1', '2026-02-26T11:00:00Z', 'Vučić u zvaničnoj poseti Kazahstanu', 'visit'),
      r('b92\u00001', 'b92', '2026-02-26T13:00:00Z', 'Вучић у Астани', 'visit'),
      r('zakon\u00002', 'zakon', '2026-02-26T14:00:00Z', 'Ещё о брифинге', 'visit'),
      r('zakon\u00003', 'zakon', '2026-02-25T09:00:00Z', 'Погода в Астане'),
      r('zakon\u00004', 'zakon', '2026-02-25T08:00:00Z', 'Курс тенге', ''),
      r('n1\u00005', 'n1', '2026-02-25T10:00:00Z', 'Beograd', 42),
    ]);
    expect(stories[0]).toMatchObject({ id: 'visit', title: 'Vučić u zvaničnoj poseti Kazahstanu', items: 4, outlets: ['b92', 'n1', 'zakon'], firstAt: '2026-02-26T11:00:00Z', lastAt: '2026-02-26T14:00:00Z', firstKey: 'n1\u00001' });
    // Without a (string) storyId every item is a story of its own.
    expect(stories.slice(1).map((s) => [s.id, s.items])).toEqual([
      ['zakon\u00004', 1],
      ['zakon\u00003', 1],
      ['n1\u00005', 1],
    ]);
    expect(topStories([], 5)).toEqual([]);
    expect(topStories(stories.map((s) => r(s.firstKey, 'x', s.firstAt, s.title)), 2)).toHaveLength(2);
  });
});

describe('digest figures', () => {
  it('cover the days the digest spans, by outlet name, with the clippings’ tones', async () => {
    const { digestFigures } = await import('./digestFigures');
    const { SAMPLE_ITEMS } = await import('../../../src-shared/export/testdata');
    const f = digestFigures(SAMPLE_ITEMS, ASTANA)!;
    expect(f.unit).toBe('day');
    expect(f.series.total).toBe(SAMPLE_ITEMS.length);
    expect(f.series.rows[0]!.bucket.day).toBe('2026-02-25');
    expect(f.series.rows.at(-1)!.bucket.day).toBe('2026-02-27');
    expect(f.tone.total).toBe(SAMPLE_ITEMS.filter((i) => i.tone).length);
    expect(f.outletNames[SAMPLE_ITEMS[0]!.outlet]).toBe(SAMPLE_ITEMS[0]!.outlet);
    expect(digestFigures([], ASTANA)).toBeNull();
  });
});
