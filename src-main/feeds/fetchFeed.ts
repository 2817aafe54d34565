// One polite fetch of a source, from URL to normalised items.
//
// Public API (other code calls these):
//   fetchFeed(url, options, deps): Promise<FetchFeedResult>
//     - feeds (RSS/RDF/Atom/JSON Feed): conditional GET, redirects, limits, decode, parse;
//     - options.htmlList: the URL is an HTML news list, read with that declarative spec
//       (see htmlList.ts and the presets in presets.ts) instead of as a feed;
//     - an HTML page without options.htmlList: the first <link rel="alternate"> feed it names is
//       fetched instead, and the result says so in `discoveredFrom`.
//   FeedFetchError: every failure, in words a press officer can act on, with httpStatus and
//     retryAfterMs (from Retry-After on 429/503) for the poller's backoff.
//   fetchResource(url, options, deps): Promise<FetchedResource>: an article page or an image,
//     with the same User-Agent, redirects, timeouts and size cap, refused early by Content-Type.
//   USER_AGENT / BROWSER_USER_AGENT, defaultFeedDeps (node:http transport, real clock).
//
// Limits (all overridable through options, so tests can use small values): connect 10 s,
// no progress 15 s, whole request 30 s, 15 MiB of body after decompression, 5 redirects;
// 2,000 items per feed (newest kept) and 1 Mi characters of text or markup per item (caps.ts).
import type { FetchedFeed } from '../../src-shared/model';
import { capItems, type ItemCaps } from './caps';
import { decodeBytes } from './decode';
import { ConnectTimeoutError, nodeFetch, type FeedFetchInit } from './httpTransport';
import { IncompleteChainError } from './issuers';
// HTML pages are read with cheerio, which costs about 30 MB the moment it is loaded: only a
// source that is an HTML list, or a feed address that answers with a page, loads it.
import type { HtmlListSpec } from './htmlList';
import type { NormalisedItem } from './normalise';
import { FeedParseError, parseFeedTextSync } from './parse';
import { parseRetryAfter } from './retryAfter';

/** Kept equal to package.json's version by a test. */
export const PRESSWATCH_VERSION = '0.1.0';
export const USER_AGENT = `PressWatch/${PRESSWATCH_VERSION} (+media monitoring; feed reader)`;
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

export const DEFAULT_LIMITS = {
  connectTimeoutMs: 10_000,
  progressTimeoutMs: 15_000,
  totalTimeoutMs: 30_000,
  maxBodyBytes: 15 * 1024 * 1024,
  maxRedirects: 5,
} as const;

export interface FetchFeedOptions {
  etag?: string | null;
  lastModified?: string | null;
  browserUserAgent?: boolean;
  connectTimeoutMs?: number;
  /** Longest silence allowed, waiting for headers or between body chunks. */
  progressTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** Counted after decompression, so a gzip bomb stops here too. */
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Read the URL as an HTML news list with this spec instead of as a feed. */
  htmlList?: HtmlListSpec;
  /** Follow <link rel="alternate"> when a feed URL answers with an HTML page. Default true. */
  discover?: boolean;
  /** Zone for dates that name none (minutes east of UTC); default UTC+5 (Kazakhstan). */
  defaultOffsetMinutes?: number;
  /** Items per feed and characters per item (2,000 and 1 Mi by default, see caps.ts). */
  caps?: ItemCaps;
}

/** The transport: any fetch()-like function; redirects come back unfollowed ('manual'). */
export type FeedFetch = (url: string, init: FeedFetchInit) => Promise<Response>;

export interface FeedDeps {
  fetch: FeedFetch;
  now: () => Date;
}

export const defaultFeedDeps: FeedDeps = { fetch: nodeFetch, now: () => new Date() };

/** What fetchFeed adds to FetchedFeed: items carry dateFlag, and repairs are listed. */
export interface FetchedFeedDetails extends FetchedFeed {
  items: NormalisedItem[];
  warnings: string[];
}

interface ResultCommon {
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
  /** Set when every redirect on the way was permanent (301/308): the source has moved here. */
  permanentRedirectUrl?: string | null;
}

export type FetchFeedResult =
  | (ResultCommon & {
      status: 'ok';
      result: FetchedFeedDetails;
      /** The HTML page the feed was discovered on, when the URL was a page, not a feed. */
      discoveredFrom?: string | null;
      charset?: string;
    })
  | (ResultCommon & { status: 'not-modified' });

export type FeedFailureKind = 'http' | 'timeout' | 'too-large' | 'network' | 'redirect' | 'not-feed' | 'malformed';

/** A failure told in words a press officer can act on. */
export class FeedFetchError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null = null,
    readonly retryAfterMs: number | null = null,
    readonly kind: FeedFailureKind = 'network',
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

class Deadline {
  readonly controller = new AbortController();
  private progressTimer: NodeJS.Timeout | null = null;
  private readonly totalTimer: NodeJS.Timeout;
  reason: 'progress' | 'total' | null = null;

  constructor(
    private readonly progressMs: number,
    totalMs: number,
  ) {
    this.totalTimer = setTimeout(() => this.fire('total'), totalMs);
    this.progress();
  }

  progress(): void {
    // Called for every chunk of a body: restarting the one timer costs less than a new one each time.
    if (this.progressTimer) this.progressTimer.refresh();
    else this.progressTimer = setTimeout(() => this.fire('progress'), this.progressMs);
  }

  private fire(reason: 'progress' | 'total'): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller.abort(new Error(`timeout: ${reason}`));
  }

  dispose(): void {
    clearTimeout(this.totalTimer);
    if (this.progressTimer) clearTimeout(this.progressTimer);
  }
}

interface Limits {
  connectTimeoutMs: number;
  progressTimeoutMs: number;
  totalTimeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
}

function limitsOf(options: Pick<FetchFeedOptions, keyof Limits>): Limits {
  return {
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_LIMITS.connectTimeoutMs,
    progressTimeoutMs: options.progressTimeoutMs ?? DEFAULT_LIMITS.progressTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? DEFAULT_LIMITS.totalTimeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes,
    maxRedirects: options.maxRedirects ?? DEFAULT_LIMITS.maxRedirects,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

export async function fetchFeed(url: string, options: FetchFeedOptions = {}, deps: FeedDeps = defaultFeedDeps): Promise<FetchFeedResult> {
  const limits = limitsOf(options);
  const deadline = new Deadline(limits.progressTimeoutMs, limits.totalTimeoutMs);
  try {
    return await fetchWithin(url, options, deps, limits, deadline, true);
  } finally {
    deadline.dispose();
  }
}

interface RawResponse {
  finalUrl: string;
  response: Response;
  permanentRedirectUrl: string | null;
}

async function fetchWithin(url: string, options: FetchFeedOptions, deps: FeedDeps, limits: Limits, deadline: Deadline, mayDiscover: boolean): Promise<FetchFeedResult> {
  const { finalUrl, response, permanentRedirectUrl } = await requestFollowingRedirects(url, options, deps, limits, deadline);
  const host = hostOf(finalUrl);
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  const common = { finalUrl, permanentRedirectUrl };
  if (response.status === 304) {
    await response.body?.cancel().catch(() => {});
    return { status: 'not-modified', ...common, etag: etag ?? options.etag ?? null, lastModified: lastModified ?? options.lastModified ?? null };
  }
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel().catch(() => {});
    const retryAfterMs = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after'), deps.now()) : null;
    const wait = retryAfterMs !== null ? `; it asks to retry in ${seconds(retryAfterMs)}` : '';
    throw new FeedFetchError(`HTTP ${response.status} from ${host}${wait}`, response.status, retryAfterMs, 'http');
  }
  const bytes = await readCapped(response, host, limits, deadline);
  const decoded = decodeBytes(bytes, response.headers.get('content-type'));
  const now = deps.now();
  const parseOptions = { ...(options.defaultOffsetMinutes !== undefined ? { defaultOffsetMinutes: options.defaultOffsetMinutes } : {}), ...(options.caps ? { caps: options.caps } : {}) };
  if (options.htmlList) {
    const { mergeHtmlListPages, parseHtmlList } = await import('./htmlList');
    const pages = [parseHtmlList(decoded.text, finalUrl, options.htmlList, now)];
    const maxPages = Math.max(1, options.htmlList.pagination?.maxPages ?? 1);
    for (let next = pages[0]?.nextPageUrl ?? null; next && pages.length < maxPages; next = pages[pages.length - 1]?.nextPageUrl ?? null) {
      const page = await requestFollowingRedirects(next, { ...options, etag: null, lastModified: null }, deps, limits, deadline);
      // A missing further page ends the list; it does not fail the poll.
      if (page.response.status < 200 || page.response.status > 299) {
        await page.response.body?.cancel().catch(() => {});
        break;
      }
      const pageText = decodeBytes(await readCapped(page.response, host, limits, deadline), page.response.headers.get('content-type')).text;
      pages.push(parseHtmlList(pageText, page.finalUrl, options.htmlList, now));
    }
    const list = mergeHtmlListPages(pages);
    if (list.items.length === 0) throw new FeedFetchError(`Not a feed: found no news items on ${host} with the configured selectors`, null, null, 'not-feed');
    const warnings = [...(decoded.warnings ?? []), ...list.warnings];
    return { status: 'ok', ...common, etag, lastModified, charset: decoded.charset, result: { ...list, items: capItems(list.items, warnings, options.caps), warnings } };
  }
  try {
    const parsed = parseFeedTextSync(decoded.text, finalUrl, now, parseOptions);
    parsed.warnings.unshift(...(decoded.warnings ?? []));
    return { status: 'ok', ...common, etag, lastModified, charset: decoded.charset, result: parsed };
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    if (error.kind === 'html' && mayDiscover && options.discover !== false) {
      const { discoverFeeds } = await import('./discover');
      const feeds = discoverFeeds(decoded.text, finalUrl).filter((feed) => feed.url !== finalUrl);
      const first = feeds[0];
      if (!first) throw new FeedFetchError(`Not a feed: ${host} sent an HTML page that names no feed`, null, null, 'not-feed');
      deadline.progress();
      // Validators belong to the page URL, not to the feed it points at.
      const viaPage = await fetchWithin(first.url, { ...options, etag: null, lastModified: null }, deps, limits, deadline, false);
      return viaPage.status === 'ok' ? { ...viaPage, discoveredFrom: finalUrl, permanentRedirectUrl } : viaPage;
    }
    const where = error.kind === 'malformed' || error.kind === 'unsafe' ? ` (from ${host})` : '';
    throw new FeedFetchError(error.message.replace(/^Not a feed: the server/, `Not a feed: ${host}`) + where, null, null, error.kind === 'malformed' || error.kind === 'unsafe' ? 'malformed' : 'not-feed');
  }
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

async function requestFollowingRedirects(url: string, options: FetchFeedOptions & { accept?: string }, deps: FeedDeps, limits: Limits, deadline: Deadline): Promise<RawResponse> {
  const headers: Record<string, string> = {
    'user-agent': options.browserUserAgent ? BROWSER_USER_AGENT : USER_AGENT,
    accept: options.accept ?? FEED_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const visited = new Set<string>([url]);
  let current = url;
  let allPermanent = true;
  let permanentRedirectUrl: string | null = null;
  for (let hops = 0; ; hops++) {
    const response = await send(current, headers, deps, limits, deadline);
    const location = response.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(response.status) || !location) return { finalUrl: current, response, permanentRedirectUrl };
    await response.body?.cancel().catch(() => {});
    let next: string;
    try {
      next = new URL(location, current).href;
    } catch {
      throw new FeedFetchError(`HTTP ${response.status} from ${hostOf(current)} points to an invalid address`, response.status, null, 'redirect');
    }
    if (!/^https?:$/.test(new URL(next).protocol)) throw new FeedFetchError(`${hostOf(current)} redirects to a non-web address`, response.status, null, 'redirect');
    if (visited.has(next)) throw new FeedFetchError(`Redirect loop: ${hostOf(current)} sends us back to ${next}`, response.status, null, 'redirect');
    if (hops + 1 > limits.maxRedirects) throw new FeedFetchError(`Too many redirects: more than ${limits.maxRedirects} starting at ${hostOf(url)}`, response.status, null, 'redirect');
    allPermanent &&= response.status === 301 || response.status === 308;
    permanentRedirectUrl = allPermanent ? next : null;
    visited.add(next);
    current = next;
    deadline.progress();
  }
}

export interface FetchResourceOptions {
  browserUserAgent?: boolean;
  /** The Accept header, e.g. 'text/html' for an article page or 'image/*' for a picture. */
  accept: string;
  /** Refuses the response before reading its body unless its Content-Type passes. */
  contentType?: (contentType: string) => boolean;
  /** What the refusal says, e.g. "not an image". */
  contentTypeWords?: string;
  connectTimeoutMs?: number;
  progressTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
}

export interface FetchedResource {
  finalUrl: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Any other document a source leads to (an article page, an image), fetched with the same
 * manners and limits as its feed: User-Agent, redirects, timeouts and a size cap. Failures are
 * FeedFetchErrors in the same words.
 */
export async function fetchResource(url: string, options: FetchResourceOptions, deps: FeedDeps = defaultFeedDeps): Promise<FetchedResource> {
  const limits = limitsOf(options);
  const deadline = new Deadline(limits.progressTimeoutMs, limits.totalTimeoutMs);
  try {
    const { finalUrl, response } = await requestFollowingRedirects(url, options, deps, limits, deadline);
    const host = hostOf(finalUrl);
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel().catch(() => {});
      throw new FeedFetchError(`HTTP ${response.status} from ${host}`, response.status, null, 'http');
    }
    const contentType = response.headers.get('content-type')?.trim().toLowerCase() ?? '';
    if (options.contentType && !options.contentType(contentType)) {
      await response.body?.cancel().catch(() => {});
      throw new FeedFetchError(`${host} sent ${contentType || 'no content type'}, ${options.contentTypeWords ?? 'not what was asked for'}`, null, null, 'not-feed');
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
      await response.body?.cancel().catch(() => {});
      throw new FeedFetchError(`Too large: ${host} announces ${formatBytes(declared)}, more than ${formatBytes(limits.maxBodyBytes)}`, null, null, 'too-large');
    }
    return { finalUrl, contentType, bytes: await readCapped(response, host, limits, deadline) };
  } finally {
    deadline.dispose();
  }
}

async function send(url: string, headers: Record<string, string>, deps: FeedDeps, limits: Limits, deadline: Deadline): Promise<Response> {
  const host = hostOf(url);
  try {
    const response = await deps.fetch(url, { headers, signal: deadline.controller.signal, redirect: 'manual', connectTimeoutMs: limits.connectTimeoutMs });
    deadline.progress();
    return response;
  } catch (error) {
    throw networkError(error, host, limits, deadline);
  }
}

function networkError(error: unknown, host: string, limits: Limits, deadline: Deadline): FeedFetchError {
  if (deadline.reason) return timeoutError(host, limits, deadline.reason);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof ConnectTimeoutError || (cause instanceof Error && (cause as NodeJS.ErrnoException).code === 'UND_ERR_CONNECT_TIMEOUT')) {
    return new FeedFetchError(`Timed out connecting to ${host} after ${seconds(limits.connectTimeoutMs)}`, null, null, 'timeout');
  }
  if (cause instanceof IncompleteChainError) return new FeedFetchError(`Cannot trust ${host}: ${cause.message}`, null, null, 'network');
  const code = cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? '') : '';
  const words: Record<string, string> = {
    ENOTFOUND: `Cannot find ${host}: the name does not resolve`,
    EAI_AGAIN: `Cannot find ${host}: name lookup failed, the network may be down`,
    ECONNREFUSED: `Cannot reach ${host}: the connection was refused`,
    ECONNRESET: `Cannot read from ${host}: the connection was reset`,
    EHOSTUNREACH: `Cannot reach ${host}: no route to the host`,
    ENETUNREACH: `Cannot reach ${host}: the network is unreachable`,
    CERT_HAS_EXPIRED: `Cannot trust ${host}: its TLS certificate has expired`,
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: `Cannot trust ${host}: its server sends an incomplete certificate chain`,
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: `Cannot trust ${host}: its TLS certificate is not issued by a known authority`,
    UNABLE_TO_GET_ISSUER_CERT: `Cannot trust ${host}: its TLS certificate is not issued by a known authority`,
    SELF_SIGNED_CERT_IN_CHAIN: `Cannot trust ${host}: its TLS certificate chain ends in an unknown authority`,
    DEPTH_ZERO_SELF_SIGNED_CERT: `Cannot trust ${host}: its TLS certificate is self-signed`,
    ERR_TLS_CERT_ALTNAME_INVALID: `Cannot trust ${host}: its TLS certificate is for another name`,
    Z_DATA_ERROR: `Cannot read ${host}: the compressed body is corrupt`,
    ERR_PADDING_1: `Cannot read ${host}: the compressed body is corrupt`,
  };
  const message = words[code] ?? `Cannot reach ${host}: ${cause instanceof Error ? cause.message : String(cause)}`;
  return new FeedFetchError(message, null, null, 'network');
}

function timeoutError(host: string, limits: Limits, reason: 'progress' | 'total'): FeedFetchError {
  return reason === 'progress'
    ? new FeedFetchError(`Timed out: ${host} sent nothing for ${seconds(limits.progressTimeoutMs)}`, null, null, 'timeout')
    : new FeedFetchError(`Timed out: ${host} took longer than ${seconds(limits.totalTimeoutMs)} in total`, null, null, 'timeout');
}

async function readCapped(response: Response, host: string, limits: Limits, deadline: Deadline): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      deadline.progress();
      total += value.byteLength;
      if (total > limits.maxBodyBytes) {
        await reader.cancel().catch(() => {});
        throw new FeedFetchError(`Too large: ${host} sent more than ${formatBytes(limits.maxBodyBytes)} (counted after decompression)`, null, null, 'too-large');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw networkError(error, host, limits, deadline);
  }
  return Buffer.concat(chunks);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MiB` : `${Number((bytes / 1024).toFixed(1))} KiB`;
}
