// Serves the bundled sample feeds (resources/sample-feeds) on loopback, so that `npm run demo`
// and the e2e specs have real HTTP sources without the internet. Content types follow the
// manifest, so charset handling is exercised exactly as with a real server.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { SourceSpec } from '../../src-shared/model';

interface ManifestEntry {
  path: string;
  route: string;
  status?: number;
  content_type?: string;
}

export interface SampleFeedServer {
  baseUrl: string;
  port: number;
  /**
   * `/poll-sequence/live.xml` serves t1.xml, then t2.xml, t3.xml after each call: an outlet that
   * publishes, corrects a title and drops an item between polls.
   */
  advancePollSequence(): void;
  close(): Promise<void>;
}

export async function startSampleFeedServer(feedsDir: string, port = 0): Promise<SampleFeedServer> {
  const manifest = JSON.parse(await readFile(path.join(feedsDir, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] };
  const routes = new Map(manifest.files.map((entry) => [entry.route, entry]));
  let pollStep = 1;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const entry = url.pathname === '/poll-sequence/live.xml' ? routes.get(`/poll-sequence/t${pollStep}.xml`) : routes.get(url.pathname);
    if (!entry) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    readFile(path.join(feedsDir, entry.path)).then(
      (bytes) => {
        response.writeHead(entry.status ?? 200, { 'content-type': entry.content_type ?? 'application/octet-stream' });
        response.end(bytes);
      },
      () => {
        response.writeHead(500);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    advancePollSequence() {
      pollStep = Math.min(3, pollStep + 1);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The demo's source list: one sample of each outlet the app is built for. */
export function sampleSources(baseUrl: string): SourceSpec[] {
  const make = (id: string, name: string, route: string, group: string, language: string, preset: string | null = null): SourceSpec => ({
    id,
    name,
    url: baseUrl + route,
    kind: preset ? 'html' : 'feed',
    preset,
    language,
    group,
    intervalMinutes: 15,
    enabled: true,
    browserUserAgent: false,
  });
  return [
    make('sample-zakon-ru', 'Zakon.kz', '/zakon/zakon-ru-rss2.xml', 'Казахстан', 'ru'),
    make('sample-zakon-kk', 'Zakon.kz (қаз.)', '/zakon/zakon-kk-rss2.xml', 'Казахстан', 'kk'),
    // Akorda.kz has no feed: its news page is read as an HTML list.
    make('sample-akorda-ru', 'Akorda.kz', '/akorda/akorda-events-ru.html', 'Казахстан', 'ru', 'akorda-ru'),
    make('sample-zakon-cp1251', 'Zakon.kz (windows-1251)', '/encoding/zakon-cp1251-declared.xml', 'Казахстан', 'ru'),
    make('sample-astanatimes', 'The Astana Times', '/atom/astanatimes-atom-en.xml', 'Kazakhstan', 'en'),
    make('sample-n1', 'N1 Srbija', '/serbian/n1-like-sr-latn.xml', 'Srbija', 'sr'),
    make('sample-rts', 'РТС', '/serbian/rts-like-sr-cyrl.xml', 'Srbija', 'sr'),
  ];
}
