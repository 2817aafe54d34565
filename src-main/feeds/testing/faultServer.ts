// A misbehaving news server for tests, on 127.0.0.1 with a free port. Each route is one way a
// real outlet fails: hangs, slow drips, 5xx, 429 with Retry-After, redirect loops, 301 vs 302,
// bodies too large (plain or as a gzip bomb), lying charsets, 304s, UA gates, HTML pages.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';

export interface FaultServer {
  url: string;
  /** Every request seen, for asserting on headers (User-Agent, If-None-Match ...). */
  requests: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export const FAULT_FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Fault feed</title><link>https://fault.example/</link>
<item><title>Токаев и Вучич провели брифинг</title><link>https://fault.example/1.html</link><guid>f-1</guid><pubDate>Thu, 26 Feb 2026 17:45:00 +0500</pubDate></item>
</channel></rss>`;

const ETAG = '"v1"';
const LAST_MODIFIED = 'Thu, 26 Feb 2026 12:50:00 GMT';

export async function startFaultServer(): Promise<FaultServer> {
  const requests: FaultServer['requests'] = [];
  const open = new Set<http.ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  // Built once: 20 MiB of spaces inside a comment gzip to about 20 KiB.
  const gzipBomb = zlib.gzipSync(Buffer.concat([Buffer.from('<rss><!--'), Buffer.alloc(20 * 1024 * 1024, 0x20), Buffer.from('--></rss>')]));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname + url.search, headers: req.headers });
    open.add(res);
    res.on('close', () => open.delete(res));
    const xml = (body: string | Buffer, contentType = 'application/rss+xml; charset=utf-8', extra: http.OutgoingHttpHeaders = {}): void => {
      res.writeHead(200, { 'content-type': contentType, ...extra });
      res.end(body);
    };
    const redirect = (status: number, location: string): void => {
      res.writeHead(status, { location });
      res.end();
    };
    const later = (ms: number, fn: () => void): void => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    };

    switch (url.pathname) {
      case '/feed.xml':
        return xml(FAULT_FEED);
      case '/hang':
        return; // never answers
      case '/hang-after-headers':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<rss><channel>');
        return; // then silence
      case '/drip': {
        // One byte every `every` ms, forever: each gap is short, the whole never ends.
        const every = Number(url.searchParams.get('every') ?? '20');
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const drip = (): void => {
          if (res.destroyed) return;
          res.write(' ');
          later(every, drip);
        };
        res.write('<rss>');
        later(every, drip);
        return;
      }
      case '/slow-first-byte': {
        const delay = Number(url.searchParams.get('ms') ?? '100');
        return later(delay, () => xml(FAULT_FEED));
      }
      case '/status': {
        const code = Number(url.searchParams.get('code') ?? '500');
        res.writeHead(code, { 'content-type': 'text/plain' });
        return void res.end(`status ${code}`);
      }
      case '/rate-limited':
        res.writeHead(429, { 'retry-after': url.searchParams.get('retry') ?? '120' });
        return void res.end('slow down');
      case '/unavailable':
        res.writeHead(503, { 'retry-after': url.searchParams.get('retry') ?? 'Thu, 26 Feb 2026 13:00:00 GMT', 'content-type': 'text/html' });
        return void res.end('<html><title>Just a moment...</title></html>');
      case '/loop/a':
        return redirect(302, '/loop/b');
      case '/loop/b':
        return redirect(302, '/loop/a');
      case '/chain': {
        const left = Number(url.searchParams.get('n') ?? '1');
        return redirect(301, left > 1 ? `/chain?n=${left - 1}` : '/feed.xml');
      }
      case '/moved':
        return redirect(301, '/feed.xml');
      case '/moved-308':
        return redirect(308, '/feed.xml');
      case '/temporary':
        return redirect(302, '/feed.xml');
      case '/temporary-307':
        return redirect(307, '/feed.xml');
      case '/temporary-then-moved':
        return redirect(302, '/moved');
      case '/huge': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = (): void => {
          while (!res.destroyed && sent < 40) {
            sent++;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.write('<rss><!--');
        return pump();
      }
      case '/gzip-bomb':
        return xml(gzipBomb, 'application/rss+xml', { 'content-encoding': 'gzip' });
      case '/gzip-unasked':
        // Sent compressed whatever Accept-Encoding said.
        return xml(zlib.gzipSync(FAULT_FEED), 'application/rss+xml; charset=utf-8', { 'content-encoding': 'gzip' });
      case '/deflate':
        return xml(zlib.deflateSync(FAULT_FEED), 'application/rss+xml; charset=utf-8', { 'content-encoding': 'deflate' });
      case '/deflate-raw':
        return xml(zlib.deflateRawSync(FAULT_FEED), 'application/rss+xml; charset=utf-8', { 'content-encoding': 'deflate' });
      case '/br':
        return xml(zlib.brotliCompressSync(FAULT_FEED), 'application/rss+xml; charset=utf-8', { 'content-encoding': 'br' });
      case '/corrupt-gzip':
        return xml(Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5]), 'application/rss+xml', { 'content-encoding': 'gzip' });
      case '/lying-charset':
        // windows-1251 bytes, while both the header and the declaration say UTF-8.
        return xml(iconv.encode(FAULT_FEED, 'windows-1251'), 'application/rss+xml; charset=utf-8');
      case '/koi8-undeclared':
        return xml(iconv.encode(FAULT_FEED.replace(' encoding="utf-8"', ''), 'koi8-r'), 'application/rss+xml');
      case '/conditional': {
        if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) {
          res.writeHead(304, { etag: ETAG, 'last-modified': LAST_MODIFIED });
          return void res.end();
        }
        return xml(FAULT_FEED, undefined, { etag: ETAG, 'last-modified': LAST_MODIFIED });
      }
      case '/ua-gated':
        if (!String(req.headers['user-agent'] ?? '').includes('Mozilla/')) {
          res.writeHead(403);
          return void res.end('forbidden');
        }
        return xml(FAULT_FEED);
      case '/page-with-feed':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end('<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>page</body></html>');
      case '/page-without-feed':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end('<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>');
      case '/empty':
        return xml('');
      case '/truncated':
        return xml('<rss><channel><title>T</title><item><title>cut');
      default:
        res.writeHead(404);
        return void res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
