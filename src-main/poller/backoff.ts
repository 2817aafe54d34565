// When to try a source again after a failure: the server's Retry-After when it gave one,
// otherwise exponential from the source's own interval with jitter, never beyond a day.
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

export function nextDelayAfterFailure(
  intervalMs: number,
  consecutiveFailures: number,
  retryAfterMs: number | null,
  random: () => number,
): number {
  if (retryAfterMs !== null && retryAfterMs > 0) return Math.min(retryAfterMs, MAX_BACKOFF_MS);
  const exponential = intervalMs * 2 ** Math.min(consecutiveFailures, 16);
  // ±20 % jitter so sources that failed together do not all return in the same second.
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.round(Math.min(jittered, MAX_BACKOFF_MS));
}
