import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { akordaEvents } from './presets';
import { BROWSER_USER_AGENT, defaultFeedDeps, FeedFetchError, fetchFeed, PRESSWATCH_VERSION, USER_AGENT, type FeedDeps, type FetchFeedOptions } from './fetchFeed';
import { ConnectTimeoutError, nodeFetch } from './httpTransport';
import { fixtureBytes } from './testing/fixtures';
import { startFaultServer, type FaultServer } from './testing/faultServer';

let server: FaultServer;
const NOW = new Date('2026-02-26T12:55:00Z');
const deps: FeedDeps = { ...defaultFeedDeps, now: () => NOW };
const fast: FetchFeedOptions = { connectTimeoutMs: 500, progressTimeoutMs: 300, totalTimeoutMs: 1500 };

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});

async function failure(path: string, options: FetchFeedOptions = fast): Promise<FeedFetchError> {
  try {
    await fetchFeed(server.url + path, options, deps);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedFetchError);
    return error as FeedFetchError;
  }
  throw new Error(`${path} was expected to fail`);
}

async function ok(path: string, options: FetchFeedOptions = fast) {
  const result = await fetchFeed(server.url + path, options, deps);
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  return result;
}

describe('fetchFeed over HTTP', () => {
  it('fetches, decodes and parses a feed, naming PressWatch and its version', async () => {
    const result = await ok('/feed.xml');
    expect(result.result.items[0]).toMatchObject({ id: 'f-1', title: 'Токаев и Вучич провели брифинг', publishedAt: '2026-02-26T12:45:00.000Z' });
    expect(result.permanentRedirectUrl).toBeNull();
    const ua = server.requests.at(-1)?.headers['user-agent'];
    expect(ua).toBe(USER_AGENT);
    expect(ua).toContain(`PressWatch/${PRESSWATCH_VERSION}`);
  });

  it('keeps the version in the User-Agent equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(PRESSWATCH_VERSION).toBe(pkg.version);
  });

  it('switches to a browser User-Agent for UA-gated outlets', async () => {
    expect((await failure('/ua-gated')).message).toMatch(/^HTTP 403 from 127\.0\.0\.1:\d+$/);
    await ok('/ua-gated', { ...fast, browserUserAgent: true });
    expect(server.requests.at(-1)?.headers['user-agent']).toBe(BROWSER_USER_AGENT);
  });

  it('times out a server that never answers, by the progress limit', async () => {
    const started = Date.now();
    const error = await failure('/hang');
    expect(error.message).toMatch(/^Timed out: 127\.0\.0\.1:\d+ sent nothing for 0\.3 s$/);
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('times out a body that stops mid-way', async () => {
    expect((await failure('/hang-after-headers')).message).toMatch(/sent nothing for 0\.3 s/);
  });

  it('times out a slow drip by the whole-request limit', async () => {
    const started = Date.now();
    const error = await failure('/drip?every=50', { progressTimeoutMs: 300, totalTimeoutMs: 800 });
    expect(error.message).toMatch(/took longer than 0\.8 s in total/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('waits for a slow first byte within the limits', async () => {
    await ok('/slow-first-byte?ms=150');
  });

  it('words a connect timeout from the transport', async () => {
    // A loopback server cannot refuse to finish a TCP handshake, so the transport's own timer is
    // exercised through its error; nodeFetch raises ConnectTimeoutError when the socket stays unconnected.
    const failing: FeedDeps = { now: () => NOW, fetch: async () => Promise.reject(new ConnectTimeoutError(200)) };
    await expect(fetchFeed('http://slow.example/feed.xml', { connectTimeoutMs: 200 }, failing)).rejects.toThrow(/^Timed out connecting to slow\.example after 0\.2 s$/);
  });

  it('passes the connect limit to the transport', async () => {
    let seen: number | undefined;
    const spy: FeedDeps = { now: () => NOW, fetch: (url, init) => ((seen = init.connectTimeoutMs), nodeFetch(url, init)) };
    await fetchFeed(server.url + '/feed.xml', { connectTimeoutMs: 1234 }, spy);
    expect(seen).toBe(1234);
  });

  it('reports a refused connection in plain words', async () => {
    const closed = await startFaultServer();
    const url = closed.url;
    await closed.close();
    await expect(fetchFeed(url + '/feed.xml', fast, deps)).rejects.toThrow(/^Cannot reach 127\.0\.0\.1:\d+: the connection was refused$/);
  });

  it.each([500, 404, 403])('turns HTTP %i into an error naming the host', async (code) => {
    const error = await failure(`/status?code=${code}`);
    expect(error.message).toMatch(new RegExp(`^HTTP ${code} from 127\\.0\\.0\\.1:\\d+$`));
    expect(error).toMatchObject({ httpStatus: code, retryAfterMs: null });
  });

  it('reads Retry-After in seconds on 429', async () => {
    const error = await failure('/rate-limited?retry=120');
    expect(error).toMatchObject({ httpStatus: 429, retryAfterMs: 120_000 });
    expect(error.message).toMatch(/^HTTP 429 from 127\.0\.0\.1:\d+; it asks to retry in 120 s$/);
  });

  it('reads Retry-After as an HTTP date on 503', async () => {
    const error = await failure('/unavailable');
    expect(error).toMatchObject({ httpStatus: 503, retryAfterMs: 5 * 60_000 });
    expect(error.message).toMatch(/^HTTP 503 from 127\.0\.0\.1:\d+/);
  });

  it('stops a redirect loop with a clear error', async () => {
    const error = await failure('/loop/a');
    expect(error.message).toMatch(/^Redirect loop: 127\.0\.0\.1:\d+ sends us back to http:\/\/127\.0\.0\.1:\d+\/loop\/a$/);
  });

  it('follows at most 5 redirects', async () => {
    await ok('/chain?n=4');
    expect((await failure('/chain?n=6')).message).toMatch(/^Too many redirects: more than 5/);
  });

  it.each([
    ['/moved', true],
    ['/moved-308', true],
    ['/chain?n=3', true],
    ['/temporary', false],
    ['/temporary-307', false],
    ['/temporary-then-moved', false],
  ])('reports a permanent redirect for %s: %s', async (path, permanent) => {
    const result = await ok(path);
    expect(result.finalUrl).toBe(`${server.url}/feed.xml`);
    expect(result.permanentRedirectUrl ?? null).toBe(permanent ? `${server.url}/feed.xml` : null);
  });

  it('refuses a body larger than the cap', async () => {
    const started = Date.now();
    const error = await failure('/huge', { ...fast, totalTimeoutMs: 5000 });
    expect(error.message).toMatch(/^Too large: 127\.0\.0\.1:\d+ sent more than 15 MiB \(counted after decompression\)$/);
    expect(error.kind).toBe('too-large');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('counts the cap after decompression, so a gzip bomb stops too', async () => {
    expect((await failure('/gzip-bomb', { ...fast, totalTimeoutMs: 5000 })).message).toMatch(/^Too large:/);
    expect((await failure('/gzip-bomb', { ...fast, maxBodyBytes: 1024 * 1024 })).message).toMatch(/more than 1 MiB/);
  });

  it.each(['/gzip-unasked', '/deflate', '/deflate-raw', '/br'])('decompresses %s', async (path) => {
    expect((await ok(path)).result.items[0]?.title).toBe('Токаев и Вучич провели брифинг');
  });

  it('asks for compression', async () => {
    await ok('/feed.xml');
    expect(server.requests.at(-1)?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('reports a corrupt compressed body', async () => {
    expect((await failure('/corrupt-gzip')).message).toMatch(/^Cannot read 127\.0\.0\.1:\d+: the compressed body is corrupt$/);
  });

  it('sees through a lying charset and an undeclared KOI8-R body', async () => {
    for (const path of ['/lying-charset', '/koi8-undeclared']) {
      const result = await ok(path);
      expect(result.result.items[0]?.title).toBe('Токаев и Вучич провели брифинг');
    }
  });

  it('makes conditional requests and reports 304 as not-modified', async () => {
    const first = await ok('/conditional');
    expect(first).toMatchObject({ etag: '"v1"', lastModified: 'Thu, 26 Feb 2026 12:50:00 GMT' });
    const second = await fetchFeed(server.url + '/conditional', { ...fast, etag: first.etag, lastModified: first.lastModified }, deps);
    expect(second).toMatchObject({ status: 'not-modified', etag: '"v1"' });
    expect(server.requests.at(-1)?.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Thu, 26 Feb 2026 12:50:00 GMT' });
  });

  it('follows the first feed an HTML page names, and says so', async () => {
    const result = await ok('/page-with-feed');
    expect(result.discoveredFrom).toBe(`${server.url}/page-with-feed`);
    expect(result.finalUrl).toBe(`${server.url}/feed.xml`);
    expect(result.result.items).toHaveLength(1);
  });

  it('explains an HTML page without a feed', async () => {
    expect((await failure('/page-without-feed')).message).toMatch(/^Not a feed: 127\.0\.0\.1:\d+ sent an HTML page that names no feed$/);
    expect((await failure('/page-with-feed', { ...fast, discover: false })).message).toMatch(/^Not a feed: 127\.0\.0\.1:\d+ sent an HTML page$/);
  });

  it('says what is wrong with an empty or broken body', async () => {
    expect((await failure('/empty')).message).toMatch(/^Not a feed: 127\.0\.0\.1:\d+ sent an empty body$/);
    expect((await failure('/truncated')).message).toMatch(/^Malformed feed XML at line 1: .* \(from 127\.0\.0\.1:\d+\)$/);
  });
});

describe('fetchFeed with an injected fetch', () => {
  const served = (body: Buffer | string, init: ResponseInit = {}): FeedDeps => ({
    now: () => NOW,
    fetch: async () => new Response(typeof body === 'string' ? body : new Uint8Array(body), { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, ...init }),
  });

  it('reads an HTML news list with a preset', async () => {
    const preset = akordaEvents('ru');
    const result = await fetchFeed(preset.url, { htmlList: preset }, served(fixtureBytes('akorda/akorda-events-ru.html')));
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(result.result.feed.format).toBe('html');
    expect(result.result.items).toHaveLength(3);
  });

  it('fails clearly when a list page has no items matching the spec', async () => {
    await expect(fetchFeed('https://www.akorda.kz/ru/events', { htmlList: akordaEvents('ru') }, served('<html><body></body></html>'))).rejects.toThrow(
      /^Not a feed: found no news items on www\.akorda\.kz with the configured selectors$/,
    );
  });

  it('works with the platform fetch as transport', async () => {
    const result = await fetchFeed(server.url + '/gzip-unasked', fast, { now: () => NOW, fetch: globalThis.fetch.bind(globalThis) });
    expect(result.status).toBe('ok');
  });
});
