import { describe, expect, it } from 'vitest';
import { formatDateTime } from './formatTime';

describe('formatDateTime', () => {
  it('spells Kazakh months out in the reader\u2019s time zone', () => {
    expect(formatDateTime('2026-02-26T12:45:00.000Z', 'kk')).toMatch(/^2026 ж\. 26 ақпан, \d\d:45$/);
  });
  it('gives nothing rather than "Invalid Date" for a broken value', () => {
    expect(formatDateTime('not a date', 'ru')).toBe('');
  });
});
