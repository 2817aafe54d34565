// A full disk shows up as QuotaExceededError, or as an AbortError of the transaction that wraps
// it (Dexie keeps the cause in `inner`). Either way the batch stays unacknowledged in the
// outbox, so nothing is lost; the user is told in words.
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { name, message, inner } = current as { name?: string; message?: string; inner?: unknown };
    if (name === 'QuotaExceededError' || /quota/i.test(message ?? '')) return true;
    current = inner;
  }
  return false;
}
