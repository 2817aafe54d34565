// Retry-After comes as delta-seconds or as an HTTP date (RFC 9110 §10.2.3).

/** Milliseconds to wait, or null when the header is absent or unreadable. Capped at a week. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  const text = value?.trim();
  if (!text) return null;
  const MAX = 7 * 24 * 3600_000;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now.getTime()), MAX);
}
