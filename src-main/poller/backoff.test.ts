import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextDelayAfterFailure } from './backoff';

describe('nextDelayAfterFailure', () => {
  const minute = 60_000;
  it('doubles from the interval with each failure, within the jitter band', () => {
    expect(nextDelayAfterFailure(15 * minute, 1, null, () => 0.5)).toBe(30 * minute);
    expect(nextDelayAfterFailure(15 * minute, 2, null, () => 0.5)).toBe(60 * minute);
    expect(nextDelayAfterFailure(15 * minute, 2, null, () => 0)).toBe(48 * minute);
    expect(nextDelayAfterFailure(15 * minute, 2, null, () => 1)).toBe(72 * minute);
  });
  it('honours Retry-After and never waits more than a day', () => {
    expect(nextDelayAfterFailure(15 * minute, 5, 120_000, () => 0.5)).toBe(120_000);
    expect(nextDelayAfterFailure(15 * minute, 30, null, () => 1)).toBe(MAX_BACKOFF_MS);
    expect(nextDelayAfterFailure(15 * minute, 1, 10 * MAX_BACKOFF_MS, () => 1)).toBe(MAX_BACKOFF_MS);
  });
});
