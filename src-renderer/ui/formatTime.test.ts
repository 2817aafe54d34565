import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTimeToday } from './formatTime';

describe('formatDateTime', () => {
  it('spells Kazakh months out in the reader\u2019s time zone', () => {
    expect(formatDateTime('2026-02-26T12:45:00.000Z', 'kk')).toMatch(/^2026 ж\. 26 ақпан, \d\d:45$/);
  });
  it('gives nothing rather than "Invalid Date" for a broken value', () => {
    expect(formatDateTime('not a date', 'ru')).toBe('');
  });
});

describe('formatTimeToday', () => {
  const now = new Date(2026, 1, 26, 9, 0);
  it('gives the clock time for a moment of the reader\u2019s today, the full time otherwise', () => {
    expect(formatTimeToday(new Date(2026, 1, 26, 9, 15).toISOString(), 'ru', now)).toBe('09:15');
    expect(formatTimeToday(new Date(2026, 1, 27, 0, 5).toISOString(), 'kk', now)).toBe('2026 ж. 27 ақпан, 00:05');
  });
});
