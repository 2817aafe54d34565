// Links as a reader and a deduplicator need them: absolute, http(s) only, and without the
// tracking parameters that make one article look like several.

/** Resolves a link against a base; anything that is not http(s) (javascript:, data:, mailto:) is no link. */
export function absoluteUrl(link: string | null | undefined, base: string | null | undefined): string | null {
  return httpUrl(link, base)?.href ?? null;
}

/** absoluteUrl, then canonicalUrl, parsing the address once (normalising does both for every item). */
export function canonicalAbsoluteUrl(link: string | null | undefined, base: string | null | undefined): string | null {
  const url = httpUrl(link, base);
  return url ? canonical(url, url.href) : null;
}

const ABSOLUTE_HTTP = /^https?:\/\//i;

function httpUrl(link: string | null | undefined, base: string | null | undefined): URL | null {
  const trimmed = link?.trim();
  if (!trimmed) return null;
  try {
    // Most links are absolute already: no base to parse for them.
    const url = base && !ABSOLUTE_HTTP.test(trimmed) ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'yclid', 'ysclid', 'msclkid', 'igshid', 'mc_cid', 'mc_eid',
  '_openstat', 'twclid', 'ttclid', 'li_fat_id', 'oly_anon_id', 'oly_enc_id', '_hsenc', '_hsmi', 'spm',
]);

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/**
 * One spelling per article: lower-case host, no default port, no fragment, no tracking
 * parameters. Scheme and "www." are kept, since some sites serve different things there.
 */
export function canonicalUrl(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  return canonical(url, link);
}

function canonical(url: URL, link: string): string {
  // Each setter re-writes the whole address: only touched when there is something to drop.
  if (url.hash || link.includes('#')) url.hash = '';
  if (url.search) {
    const all = [...url.searchParams];
    const kept = all.filter(([name]) => !isTrackingParam(name));
    if (kept.length !== all.length) {
      url.search = '';
      for (const [name, value] of kept) url.searchParams.append(name, value);
    }
  }
  return url.href;
}
