import { describe, expect, it } from 'vitest';
import { isQuotaError } from './storageErrors';

describe('isQuotaError', () => {
  it('recognises a full disk however IndexedDB and Dexie wrap it', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', message: 'Transaction aborted', inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError') })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', message: 'QuotaExceededError: quota exceeded' })).toBe(true);
  });
  it('does not mistake other failures for it', () => {
    expect(isQuotaError(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
