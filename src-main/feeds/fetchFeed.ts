// One polite HTTP fetch of a source: conditional request, a body cap, a whole-request timeout,
// then decode and parse. Everything that touches the network comes in through `deps`.
import type { FetchedFeed } from '../../src-shared/model';
import { decodeBytes } from './decode';
import { parseFeedText } from './parse';

export const USER_AGENT = 'PressWatch/0.1 (+media monitoring; feed reader)';
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const MAX_BODY_BYTES = 15 * 1024 * 1024;
const REQUEST_TIMEOUT_MS = 30_000;

export interface FetchFeedOptions {
  etag?: string | null;
  lastModified?: string | null;
  browserUserAgent?: boolean;
}

export interface FeedDeps {
  fetch: typeof globalThis.fetch;
  now: () => Date;
}

export const defaultFeedDeps: FeedDeps = { fetch: globalThis.fetch.bind(globalThis), now: () => new Date() };

export type FetchFeedResult =
  | { status: 'ok'; finalUrl: string; etag: string | null; lastModified: string | null; result: FetchedFeed }
  | { status: 'not-modified'; finalUrl: string; etag: string | null; lastModified: string | null };

/** A failure told in words a press officer can act on. */
export class FeedFetchError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

export async function fetchFeed(url: string, options: FetchFeedOptions = {}, deps: FeedDeps = defaultFeedDeps): Promise<FetchFeedResult> {
  const headers: Record<string, string> = {
    'user-agent': options.browserUserAgent ? BROWSER_USER_AGENT : USER_AGENT,
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await deps.fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new FeedFetchError(`Timed out after ${REQUEST_TIMEOUT_MS / 1000} s waiting for ${host}`);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new FeedFetchError(`Cannot reach ${host}: ${cause}`);
  }
  const finalUrl = response.url || url;
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (response.status === 304) return { status: 'not-modified', finalUrl, etag: etag ?? options.etag ?? null, lastModified: lastModified ?? options.lastModified ?? null };
  if (!response.ok) {
    await response.body?.cancel();
    throw new FeedFetchError(`HTTP ${response.status} from ${host}`, response.status);
  }
  const bytes = await readCapped(response, host);
  const { text } = decodeBytes(bytes, response.headers.get('content-type'));
  const result = await parseFeedText(text, finalUrl, deps.now());
  return { status: 'ok', finalUrl, etag, lastModified, result };
}

async function readCapped(response: Response, host: string): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new FeedFetchError(`Too large: ${host} sent more than ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
