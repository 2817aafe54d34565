import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem, SourceSpec } from '../../src-shared/model';
import { ImageStore } from '../images/imageStore';
import type { RunOnHost } from '../poller/poller';
import { createEnricher, imageSources } from './enrich';

// A PNG signature is all the store checks; the rest stands in for pixel data.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('lead image pixels')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('article photo pixels')]);
const ARTICLE_TEXT = 'Президент Казахстана Касым-Жомарт Токаев и Президент Сербии Александар Вучич провели брифинг для представителей СМИ по итогам переговоров в Астане. '.repeat(4);

let server: http.Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    hits.push(url);
    const send = (status: number, type: string, body: string | Buffer): void => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    switch (new URL(url, 'http://localhost').pathname) {
      case '/news/briefing.html':
        return send(200, 'text/html; charset=utf-8', `<!doctype html><html><head><title>Брифинг</title></head><body>
          <nav>Главная | Новости</nav>
          <article><h1>Токаев и Вучич провели брифинг</h1><p>${ARTICLE_TEXT}</p>
          <p><img src="/img/photo.jpg" alt="Брифинг"><img src="/img/fake.png" alt="x"><img src="/img/vector.svg" alt="y"></p>
          <script>alert(1)</script><p>${ARTICLE_TEXT}</p></article></body></html>`);
      case '/news/broken.html':
        return send(500, 'text/html', 'error');
      case '/img/lead.png':
        return send(200, 'image/png', PNG);
      case '/img/photo.jpg':
        return send(200, 'image/jpeg', JPEG);
      case '/img/fake.png':
        return send(200, 'image/png', '<html>not a picture</html>');
      case '/img/vector.svg':
        return send(200, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      case '/img/page.png':
        return send(200, 'text/html', '<html></html>');
      case '/img/huge.jpg':
        return send(200, 'image/jpeg', Buffer.concat([JPEG, Buffer.alloc(4096)]));
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const source: SourceSpec = {
  id: 'zakon', name: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', kind: 'feed', language: 'ru', group: 'Казахстан',
  intervalMinutes: 15, enabled: true, browserUserAgent: false, fullText: true,
};

function item(id: string, extra: Partial<FeedItem> = {}): FeedItem {
  return { id, guid: id, url: null, title: 'Токаев и Вучич провели брифинг', summary: 'Кратко.', contentHtml: '<p>Кратко.</p>', text: 'Кратко.', author: null, publishedAt: '2026-02-26T12:45:00.000Z', categories: [], imageUrl: null, enclosures: [], language: 'ru', ...extra };
}

describe('createEnricher', () => {
  let dataDir: string;
  let warnings: string[];
  let hostsUsed: string[];
  const runOnHost: RunOnHost = (host, task) => {
    hostsUsed.push(host);
    return task();
  };
  const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-enrich-'));
    warnings = [];
    hostsUsed = [];
    hits.length = 0;
    return () => rm(dataDir, { recursive: true, force: true });
  });

  const enricher = (extra: Parameters<typeof createEnricher>[0]['limits'] = {}) =>
    createEnricher({ images: new ImageStore(dataDir), limits: extra, onWarning: (w) => warnings.push(w) });

  it('replaces a short feed text with the sanitised article and keeps its images offline', async () => {
    const [result] = await enricher()(source, [item('a', { url: `${base}/news/briefing.html`, imageUrl: `${base}/img/lead.png` })], runOnHost);
    expect(result!.text).toContain('Александар Вучич провели брифинг');
    expect(result!.text.length).toBeGreaterThan(ARTICLE_TEXT.length);
    expect(result!.contentHtml).not.toMatch(/script|alert/);
    expect(result!.offlineImages).toEqual({
      [`${base}/img/lead.png`]: `${sha(PNG)}.png`,
      [`${base}/img/photo.jpg`]: `${sha(JPEG)}.jpg`,
    });
    const files = (await readdir(path.join(dataDir, 'images'))).sort();
    expect(files).toEqual([`${sha(PNG)}.png`, `${sha(JPEG)}.jpg`].sort());
    expect(await readFile(path.join(dataDir, 'images', `${sha(JPEG)}.jpg`))).toEqual(JPEG);
    // The fake PNG and the SVG were refused, and every request went through the host limits.
    expect(warnings.some((w) => w.includes('/img/fake.png') && w.includes('not a picture'))).toBe(true);
    expect(warnings.some((w) => w.includes('/img/vector.svg') && w.includes('image/svg+xml'))).toBe(true);
    expect(hostsUsed.length).toBe(hits.length);
  });

  it('keeps the feed text when the page fails, and still keeps the lead image', async () => {
    const feedItem = item('b', { url: `${base}/news/broken.html`, imageUrl: `${base}/img/lead.png` });
    const [result] = await enricher()(source, [feedItem], runOnHost);
    expect(result).toEqual({ ...feedItem, offlineImages: { [`${base}/img/lead.png`]: `${sha(PNG)}.png` } });
    expect(warnings).toEqual([`Full text of ${base}/news/broken.html not kept: HTTP 500 from 127.0.0.1:${new URL(base).port}`]);
  });

  it('fetches no page for a source without full text, only the lead image', async () => {
    const [result] = await enricher()({ ...source, fullText: false }, [item('c', { url: `${base}/news/briefing.html`, imageUrl: `${base}/img/lead.png`, contentHtml: `<img src="${base}/img/photo.jpg">` })], runOnHost);
    expect(hits).toEqual(['/img/lead.png']);
    expect(result!.text).toBe('Кратко.');
    expect(Object.keys(result!.offlineImages ?? {})).toEqual([`${base}/img/lead.png`]);
  });

  it('refuses images that are not pictures or too large, keeping the item', async () => {
    const feedItem = item('d', { imageUrl: `${base}/img/page.png` });
    const [notImage] = await enricher()({ ...source, fullText: false }, [feedItem], runOnHost);
    expect(notImage).toEqual(feedItem);
    const [tooLarge] = await enricher({ maxImageBytes: 1024 })({ ...source, fullText: false }, [item('e', { imageUrl: `${base}/img/huge.jpg` })], runOnHost);
    expect(tooLarge!.offlineImages).toBeUndefined();
    expect(warnings).toEqual([
      `Image ${base}/img/page.png not kept: 127.0.0.1:${new URL(base).port} sent text/html, not a picture`,
      `Image ${base}/img/huge.jpg not kept: Too large: 127.0.0.1:${new URL(base).port} sent more than 1 KiB (counted after decompression)`,
    ]);
  });

  it('fetches at most the configured number of pages per poll, in feed order', async () => {
    const items = ['x', 'y', 'z'].map((id) => item(id, { url: `${base}/news/briefing.html?${id}` }));
    const result = await enricher({ maxPagesPerPoll: 2 })(source, items, runOnHost);
    expect(result.map((r) => r.text.length > 100)).toEqual([true, true, false]);
    expect(hits.filter((h) => h.startsWith('/news/')).sort()).toEqual(['/news/briefing.html?x', '/news/briefing.html?y']);
  });

  it('reads image sources from sanitised markup', () => {
    expect(imageSources('<p><img src="https://a.example/1.jpg?x=1&amp;y=2" alt="a" /><img alt="b" src="https://a.example/2.png" /></p>')).toEqual(['https://a.example/1.jpg?x=1&y=2', 'https://a.example/2.png']);
  });
});
