import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeedText, parseFeedTextSync } from './parse';

const NOW = new Date('2026-02-27T08:00:00Z');
const parse = (text: string, url = 'https://example.kz/feed') => parseFeedTextSync(text, url, NOW);

describe('formats', () => {
  it('reads RSS 0.91', () => {
    const feed = parse('<rss version="0.91"><channel><title>Old</title><link>https://old.kz/</link><language>ru</language><item><title>One</title><link>https://old.kz/1</link><description>Text &amp; more</description></item></channel></rss>');
    expect(feed.feed).toMatchObject({ title: 'Old', format: 'rss', siteUrl: 'https://old.kz/', language: 'ru' });
    expect(feed.items[0]).toMatchObject({ title: 'One', url: 'https://old.kz/1', summary: 'Text & more', dateFlag: 'missing' });
  });

  it('reads RSS 1.0 (RDF) with dc:date and rdf:about', () => {
    const feed = parse(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.kz/"><title>RDF news</title><link>https://rdf.kz/</link><dc:language>kk</dc:language></channel>
  <item rdf:about="https://rdf.kz/1"><title>Бірінші</title><link>https://rdf.kz/1</link><dc:date>2026-02-26T17:45:00+05:00</dc:date><dc:creator>Автор</dc:creator><dc:subject>Саясат</dc:subject></item>
</rdf:RDF>`);
    expect(feed.feed).toMatchObject({ title: 'RDF news', format: 'rdf', language: 'kk' });
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: 'Бірінші', guid: 'https://rdf.kz/1', publishedAt: '2026-02-26T12:45:00.000Z', author: 'Автор', categories: ['Саясат'] });
  });

  it('reads RSS 0.90 (Netscape RDF)', () => {
    const feed = parse('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>Old RDF</title><link>https://n.kz/</link></channel><item><title>A</title><link>https://n.kz/a</link></item></rdf:RDF>');
    expect(feed.items.map((i) => i.url)).toEqual(['https://n.kz/a']);
  });

  it('reads Atom 0.3 with issued/modified and escaped content', () => {
    const feed = parse(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Atom 0.3</title><link rel="alternate" type="text/html" href="https://a03.kz/"/>
<entry><title>Old atom</title><link rel="alternate" type="text/html" href="https://a03.kz/1"/><id>tag:a03.kz,2026:1</id><issued>2026-02-26T17:45:00+05:00</issued><modified>2026-02-26T18:00:00+05:00</modified>
<content type="text/html" mode="escaped">&lt;p&gt;Hello &lt;b&gt;there&lt;/b&gt;&lt;/p&gt;</content><author><name>Ann</name></author></entry></feed>`);
    expect(feed.feed).toMatchObject({ format: 'atom', siteUrl: 'https://a03.kz/' });
    expect(feed.items[0]).toMatchObject({ title: 'Old atom', url: 'https://a03.kz/1', publishedAt: '2026-02-26T12:45:00.000Z', contentHtml: '<p>Hello <b>there</b></p>', author: 'Ann' });
  });

  it('reads Atom text constructs: text stays literal, html is markup', () => {
    const feed = parse('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="text">a &lt;b&gt; c</title><summary type="html">&lt;i&gt;x&lt;/i&gt;</summary><link href="https://x.kz/1"/><id>1</id><updated>2026-02-26T00:00:00Z</updated></entry></feed>');
    expect(feed.items[0]).toMatchObject({ title: 'a <b> c', summary: 'x' });
  });

  it('reads JSON Feed 1.1, detected by content', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JSON news',
      home_page_url: 'https://j.kz/',
      language: 'en',
      authors: [{ name: 'Desk' }],
      items: [
        { id: 1, url: '/a?utm_source=x', title: 'First', content_html: '<p>Body<script>x()</script></p>', date_published: '2026-02-26T12:45:00Z', tags: ['t'], image: '/i.jpg', attachments: [{ url: '/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 10 }] },
        { id: 'b', content_text: 'Only text here.\nSecond line.', date_modified: '2026-02-26T10:00:00Z', __proto__: { polluted: true } },
      ],
    });
    const feed = parse(json);
    expect(feed.feed).toMatchObject({ title: 'JSON news', format: 'json', language: 'en' });
    expect(feed.items[0]).toMatchObject({ id: '1', url: 'https://j.kz/a', contentHtml: '<p>Body</p>', author: 'Desk', categories: ['t'], imageUrl: 'https://j.kz/i.jpg' });
    expect(feed.items[0]?.enclosures).toEqual([{ url: 'https://j.kz/a.mp3', type: 'audio/mpeg', length: 10 }]);
    expect(feed.items[1]).toMatchObject({ title: 'Only text here.', publishedAt: '2026-02-26T10:00:00.000Z' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads JSON Feed 1.0 with a single author', () => {
    const feed = parse(JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'v1', author: { name: 'Solo' }, items: [{ id: 'x', url: 'https://j.kz/x', title: 'T' }] }));
    expect(feed.items[0]?.author).toBe('Solo');
  });

  it('reads media:group, media:thumbnail and atom:link in RSS', () => {
    const feed = parse(`<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>M</title>
<item><title>x</title><atom:link rel="alternate" href="https://m.kz/x"/><media:group><media:content url="https://m.kz/v.mp4" type="video/mp4"/><media:thumbnail url="https://m.kz/t.jpg"/></media:group></item></channel></rss>`);
    expect(feed.items[0]).toMatchObject({ url: 'https://m.kz/x', imageUrl: 'https://m.kz/t.jpg' });
  });

  it('keeps the public async signature', async () => {
    await expect(parseFeedText('<rss><channel><title>A</title></channel></rss>', 'https://a.kz/', NOW)).resolves.toMatchObject({ items: [] });
  });
});

describe('what is not a feed', () => {
  it.each([
    ['', 'empty', /empty body/],
    ['   \n ', 'empty', /empty body/],
    ['{"error": "unavailable"}', 'not-feed', /JSON that is not a JSON Feed/],
    ['{broken', 'not-feed', /not valid JSON/],
    ['<!DOCTYPE html><html><body>hi</body></html>', 'html', /HTML page/],
    ['<!-- x --><html lang="ru"><head></head></html>', 'html', /HTML page/],
    ['Service Unavailable', 'not-feed', /neither XML nor JSON/],
    ['<?xml version="1.0"?><svg></svg>', 'not-feed', /<svg>, not RSS or Atom/],
    ['<rss><channel><item><title>cut', 'malformed', /Malformed feed XML at line 1: .*before any complete item/],
  ])('%j is refused (%s)', (text, kind, message) => {
    let caught: unknown;
    try {
      parse(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FeedParseError);
    expect((caught as FeedParseError).kind).toBe(kind);
    expect((caught as Error).message).toMatch(message);
  });

  it('refuses an entity-expansion bomb quickly with a clear error', () => {
    const defs = ['<!ENTITY a "aaaaaaaaaa">', ...Array.from({ length: 20 }, (_, i) => `<!ENTITY e${i} "${(i ? `&e${i - 1};` : '&a;').repeat(10)}">`)];
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${defs.join('')}]><rss><channel><title>&e19;</title></channel></rss>`;
    const started = performance.now();
    expect(() => parse(bomb)).toThrow(/Malformed feed XML at line 1: .*DOCTYPE/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('element names like __proto__ change nothing', () => {
    const feed = parse('<rss><channel><title>P</title><__proto__><polluted>1</polluted></__proto__><item><title>ok</title><constructor>x</constructor><link>https://p.kz/1</link></item></channel></rss>');
    expect(feed.items).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
