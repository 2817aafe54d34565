// A loopback "outlet" whose feeds carry the injection vectors in every field, and which records
// every request it receives: the feed fetches (from the app's poller) and images are expected;
// anything else means a vector made the app send a request to an address the feed chose.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SourceSpec } from '../../src-shared/model';
import { materialise, vectors } from './vectors';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface HostileItem {
  n: number;
  format: FeedFormat;
  vector: string;
  /** The text every displayed title starts with, so the spec can tell items apart. */
  marker: string;
}

export interface HostileServer {
  origin: string;
  items: HostileItem[];
  sources: SourceSpec[];
  /** Every request received, in order. `destination` is the browser's Sec-Fetch-Dest, if any. */
  requests: Array<{ method: string; path: string; userAgent: string; destination: string | null; accept: string }>;
  /** Requests that were neither a feed fetch nor an image request (the browser's or the app's image store). */
  leaks(): string[];
  close(): Promise<void>;
}

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const cdata = (value: string) => `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

// One transparent pixel: what an outlet's image server would send.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function date(n: number): Date {
  // Newest first by number, all in the past: the list shows them in vector order.
  return new Date(Date.UTC(2026, 1, 26, 12, 0, 0) - n * 60_000);
}

export function rssFeed(item: HostileItem): string {
  const x = xml(item.vector);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>${x}</title>
<link>${x}</link>
<description>${x}</description>
<image><url>${x}</url><title>${x}</title><link>${x}</link></image>
<item>
<title>${xml(item.marker)} ${x}</title>
<link>${x}</link>
<guid isPermaLink="true">${x}</guid>
<dc:creator>${x}</dc:creator>
<author>${x}</author>
<category>${x}</category>
<comments>${x}</comments>
<source url="${x}">${x}</source>
<pubDate>${date(item.n).toUTCString()}</pubDate>
<description>${x}</description>
<content:encoded>${cdata(`<p>hostile ${item.n}</p>${item.vector}`)}</content:encoded>
<enclosure url="${x}" type="image/jpeg" length="1"/>
<media:content url="${x}" medium="image" type="image/jpeg"><media:title>${x}</media:title><media:description>${x}</media:description></media:content>
<media:thumbnail url="${x}"/>
</item>
</channel>
</rss>
`;
}

export function atomFeed(item: HostileItem): string {
  const x = xml(item.vector);
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<title type="html">${x}</title>
<subtitle type="html">${x}</subtitle>
<link href="${x}"/>
<link rel="self" href="${x}"/>
<id>${x}</id>
<icon>${x}</icon>
<logo>${x}</logo>
<updated>${date(item.n).toISOString()}</updated>
<entry>
<title type="html">${xml(item.marker)} ${x}</title>
<link rel="alternate" href="${x}"/>
<link rel="enclosure" href="${x}" type="image/png"/>
<id>${x}</id>
<author><name>${x}</name><uri>${x}</uri><email>${x}</email></author>
<category term="${x}" label="${x}"/>
<published>${date(item.n).toISOString()}</published>
<updated>${date(item.n).toISOString()}</updated>
<summary type="html">${x}</summary>
<content type="html">${xml(`<p>hostile ${item.n}</p>${item.vector}`)}</content>
<media:thumbnail url="${x}"/>
</entry>
</feed>
`;
}

export function jsonFeed(item: HostileItem): string {
  const s = item.vector;
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: s,
    home_page_url: s,
    feed_url: s,
    description: s,
    icon: s,
    favicon: s,
    authors: [{ name: s, url: s, avatar: s }],
    items: [
      {
        id: s,
        url: s,
        external_url: s,
        title: `${item.marker} ${s}`,
        content_html: `<p>hostile ${item.n}</p>${s}`,
        content_text: s,
        summary: s,
        image: s,
        banner_image: s,
        date_published: date(item.n).toISOString(),
        authors: [{ name: s, url: s, avatar: s }],
        tags: [s],
        attachments: [{ url: s, mime_type: 'image/png', title: s }],
      },
    ],
  });
}

const formats: FeedFormat[] = ['rss', 'atom', 'json'];
const render: Record<FeedFormat, (item: HostileItem) => string> = { rss: rssFeed, atom: atomFeed, json: jsonFeed };
const contentTypes: Record<FeedFormat, string> = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8', json: 'application/feed+json; charset=utf-8' };

export async function startHostileServer(): Promise<HostileServer> {
  const requests: HostileServer['requests'] = [];
  let items: HostileItem[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    const destination = request.headers['sec-fetch-dest'];
    requests.push({ method: request.method ?? 'GET', path, userAgent: request.headers['user-agent'] ?? '', destination: typeof destination === 'string' ? destination : null, accept: request.headers.accept ?? '' });
    const feed = /^\/feed\/(\d+)$/.exec(path);
    const item = feed ? items[Number(feed[1]) - 1] : undefined;
    if (item) {
      response.writeHead(200, { 'content-type': contentTypes[item.format] });
      response.end(render[item.format](item));
    } else if (path.startsWith('/img/')) {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(PIXEL);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  items = vectors.map((vector, index) => {
    const n = index + 1;
    return { n, format: formats[index % formats.length]!, vector: materialise(vector.template, n, origin), marker: `Hostile #${n}:` };
  });
  const sources: SourceSpec[] = items.map((item) => ({
    id: `hostile-${item.n}`,
    // The outlet's name as a user might have pasted it from the feed's own title.
    name: `${item.marker} ${item.vector}`.slice(0, 300),
    url: `${origin}/feed/${item.n}`,
    kind: 'feed',
    language: 'en',
    group: item.vector.slice(0, 200),
    intervalMinutes: 24 * 60,
    enabled: true,
    browserUserAgent: false,
  }));
  return {
    origin,
    items,
    sources,
    requests,
    // Chromium marks what it fetches (Sec-Fetch-Dest; 127.0.0.1 counts as a secure origin), and
    // the app's offline image store asks for image types only: an image is told apart by what it
    // was requested as, not by its address.
    leaks: () =>
      requests
        .filter((r) => !(r.destination === null && /^\/feed\/\d+$/.test(r.path)))
        .filter((r) => r.destination !== 'image' && !(r.destination === null && r.accept.startsWith('image/')))
        .map((r) => `${r.method} ${r.path} (${r.destination ?? 'no Sec-Fetch-Dest'}; ${r.userAgent.slice(0, 40)})`),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
