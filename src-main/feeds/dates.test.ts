import { describe, expect, it } from 'vitest';
import { parseDate, parseHumanDate } from './dates';
import { parseFeedTextSync } from './parse';
import { fixtureText } from './testing/fixtures';

const NOW = new Date('2026-03-01T10:00:00Z');

describe('parseDate', () => {
  it.each([
    ['Thu, 26 Feb 2026 17:45:00 +0500', '2026-02-26T12:45:00.000Z'],
    ['Thu, 26 Feb 2026 18:45:00 +0600', '2026-02-26T12:45:00.000Z'],
    ['Thu, 26 Feb 2026 12:45:00 GMT', '2026-02-26T12:45:00.000Z'],
    ['Thu, 26 Feb 2026 17:45 +0500', '2026-02-26T12:45:00.000Z'],
    ['26 Feb 2026 17:45:00 +0500', '2026-02-26T12:45:00.000Z'],
    ['Fri, 26 Feb 2026 17:45:00 +0500', '2026-02-26T12:45:00.000Z'],
    ['Thu, 26 Feb 26 17:45:00 +0500', '2026-02-26T12:45:00.000Z'],
    ['Thu, 26 Feb 2026 17:45:00 ALMT', '2026-02-26T12:45:00.000Z'],
    ['Thu, 26 Feb 2026 07:45:00 EST', '2026-02-26T12:45:00.000Z'],
    ['Thu, 26 Feb 2026 17:45:00', '2026-02-26T12:45:00.000Z'],
    ['Thursday, 26 February 2026 17:45:00 +05:00', '2026-02-26T12:45:00.000Z'],
    ['2026-02-26T17:45:00+05:00', '2026-02-26T12:45:00.000Z'],
    ['2026-02-26T12:45:00Z', '2026-02-26T12:45:00.000Z'],
    ['2026-02-26T12:45:00.123Z', '2026-02-26T12:45:00.000Z'],
    ['2026-02-26 17:45:00', '2026-02-26T12:45:00.000Z'],
    ['2026-02-26', '2026-02-25T19:00:00.000Z'],
    ['26 февраля 2026, 17:45', '2026-02-26T12:45:00.000Z'],
    ['26 февраля 2026 года', '2026-02-25T19:00:00.000Z'],
    ['13:51, 15 августа 2025', '2025-08-15T08:51:00.000Z'],
    ['26 ақпан 2026', '2026-02-25T19:00:00.000Z'],
    ['2026 жылғы 26 ақпан, 17:45', '2026-02-26T12:45:00.000Z'],
    ['February 26, 2026', '2026-02-25T19:00:00.000Z'],
    ['26.02.2026 17:45', '2026-02-26T12:45:00.000Z'],
    ['26. februar 2026. 17:45', '2026-02-26T12:45:00.000Z'],
  ])('%s -> %s', (input, expected) => {
    expect(parseDate(input, { now: NOW })?.toISOString()).toBe(expected);
  });

  it('uses the source zone when the text names none', () => {
    expect(parseDate('Thu, 26 Feb 2026 13:45:00', { defaultOffsetMinutes: 60 })?.toISOString()).toBe('2026-02-26T12:45:00.000Z');
  });

  it.each(['', 'вчера', 'garbage', '31 Feb 2026 10:00:00 +0000', '2026-13-01'])('gives null for %j', (input) => {
    expect(parseDate(input, { now: NOW })).toBeNull();
  });
});

describe('parseHumanDate', () => {
  it('reads today and yesterday in the source zone', () => {
    // 10:00 UTC on 1 March is 15:00 in Astana.
    expect(parseHumanDate('сегодня, 13:51', { now: NOW })?.toISOString()).toBe('2026-03-01T08:51:00.000Z');
    expect(parseHumanDate('вчера, 23:10', { now: NOW })?.toISOString()).toBe('2026-02-28T18:10:00.000Z');
    expect(parseHumanDate('бүгін 09:00', { now: NOW })?.toISOString()).toBe('2026-03-01T04:00:00.000Z');
    expect(parseHumanDate('Yesterday 10:00', { now: NOW })?.toISOString()).toBe('2026-02-28T05:00:00.000Z');
  });

  it('uses the local day, not the UTC day, for "today"', () => {
    // 20:30 UTC on 28 Feb is already 1 March in Astana.
    expect(parseHumanDate('сегодня, 01:15', { now: new Date('2026-02-28T20:30:00Z') })?.toISOString()).toBe('2026-02-28T20:15:00.000Z');
  });

  it('puts a day without a year in the most recent year', () => {
    expect(parseHumanDate('15 августа, 13:51', { now: NOW })?.toISOString()).toBe('2025-08-15T08:51:00.000Z');
    expect(parseHumanDate('28 февраля 10:00', { now: NOW })?.toISOString()).toBe('2026-02-28T05:00:00.000Z');
  });

  it('refuses relative words without a time', () => {
    expect(parseHumanDate('вчера', { now: NOW })).toBeNull();
  });
});

describe('dates/dates-edgecases.xml against dates/expected.json', () => {
  const expected = JSON.parse(fixtureText('dates/expected.json')) as Record<string, string>;
  const fetchedAt = new Date('2026-02-27T08:00:00Z');
  const feed = parseFeedTextSync(fixtureText('dates/dates-edgecases.xml'), 'https://example.invalid/feed', fetchedAt);
  const byTitle = new Map(feed.items.map((item) => [item.title, item]));

  it('has an item for every case in expected.json and nothing else', () => {
    expect([...byTitle.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  // Every case's documented outcome, spelled out; the cases with prose in expected.json
  // (ALMT, no zone, Russian) resolve to 12:45Z because +05:00 is the chosen reading.
  const outcomes: Record<string, { at: string; flag?: 'missing' | 'clamped' }> = {
    'rfc822-plus0500': { at: '2026-02-26T12:45:00.000Z' },
    'rfc822-plus0600-pre2024-almaty': { at: '2026-02-26T12:45:00.000Z' },
    'rfc822-gmt': { at: '2026-02-26T12:45:00.000Z' },
    'rfc822-no-seconds': { at: '2026-02-26T12:45:00.000Z' },
    'rfc822-no-dayname': { at: '2026-02-26T12:45:00.000Z' },
    'rfc822-wrong-dayname': { at: '2026-02-26T12:45:00.000Z' },
    'rfc822-2digit-year': { at: '2026-02-26T12:45:00.000Z' },
    'rfc822-named-tz-ALMT': { at: '2026-02-26T12:45:00.000Z' },
    'rfc822-no-tz': { at: '2026-02-26T12:45:00.000Z' },
    'iso8601-in-pubDate': { at: '2026-02-26T12:45:00.000Z' },
    'russian-localized': { at: '2026-02-26T12:45:00.000Z' },
    'dc-date-only': { at: '2026-02-26T12:45:00.000Z' },
    'empty-pubDate': { at: fetchedAt.toISOString(), flag: 'missing' },
    'future-date': { at: fetchedAt.toISOString(), flag: 'clamped' },
    garbage: { at: fetchedAt.toISOString(), flag: 'missing' },
  };

  it.each(Object.keys(expected))('%s', (name) => {
    const item = byTitle.get(name);
    const outcome = outcomes[name];
    expect(outcome, `no outcome written down for ${name}`).toBeDefined();
    expect(item?.publishedAt).toBe(outcome?.at);
    expect(item?.dateFlag).toBe(outcome?.flag);
    // Where expected.json gives a plain timestamp, it must agree with ours.
    const documented = expected[name] ?? '';
    if (/^\d{4}-\d{2}-\d{2}T[\d:]+Z$/.test(documented)) expect(new Date(documented).toISOString()).toBe(item?.publishedAt);
    else if (/-> (\S+Z)$/.test(documented)) expect(new Date(documented.match(/-> (\S+Z)$/)?.[1] ?? '').toISOString()).toBe(item?.publishedAt);
  });
});
