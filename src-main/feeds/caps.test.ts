import { describe, expect, it } from 'vitest';
import { capItemCount, capItemSize } from './caps';
import { parseFeedTextSync } from './parse';
import type { FeedItem } from '../../src-shared/model';

function item(id: string, publishedAt: string, extra: Partial<FeedItem> = {}): FeedItem {
  return { id, guid: id, url: null, title: id, summary: '', contentHtml: '', text: id, author: null, publishedAt, categories: [], imageUrl: null, enclosures: [], language: 'ru', ...extra };
}

describe('item caps', () => {
  it('keeps the newest items of an oversized feed, in feed order, and says so', () => {
    const items = [item('old', '2026-02-01T00:00:00Z'), item('newest', '2026-02-26T00:00:00Z'), item('middle', '2026-02-10T00:00:00Z')];
    const warnings: string[] = [];
    expect(capItemCount(items, warnings, { maxItemsPerFeed: 2 }).map((i) => i.id)).toEqual(['newest', 'middle']);
    expect(warnings).toEqual(['The feed lists 3 items; kept the newest 2']);
  });

  it('cuts oversized text and markup, leaving well-formed markup and a warning', () => {
    const html = '<p>' + 'Токаев '.repeat(30) + '</p><p><a href="https://www.zakon.kz/x">ссылка</a></p>';
    const warnings: string[] = [];
    const capped = capItemSize(item('big', '2026-02-26T00:00:00Z', { contentHtml: html, text: 'т'.repeat(500) }), warnings, { maxItemChars: 230 });
    expect(capped.text).toHaveLength(230);
    // The cut fell inside <a ...>: that half tag goes, the open <p> is closed.
    expect(capped.contentHtml).toBe('<p>' + 'Токаев '.repeat(30) + '</p><p></p>');
    expect(warnings).toEqual(['"big" is larger than 230 characters; kept the first 230 characters']);
  });

  it('applies the count cap when a feed is parsed', () => {
    const entries = Array.from({ length: 5 }, (_, i) => `<item><title>n${i}</title><guid>g${i}</guid><pubDate>Thu, 2${i} Feb 2026 10:00:00 GMT</pubDate></item>`).join('');
    const parsed = parseFeedTextSync(`<rss version="2.0"><channel><title>t</title>${entries}</channel></rss>`, 'https://www.zakon.kz/rss', new Date('2026-03-01T00:00:00Z'), { caps: { maxItemsPerFeed: 3 } });
    expect(parsed.items.map((i) => i.id)).toEqual(['g2', 'g3', 'g4']);
    expect(parsed.warnings).toContain('The feed lists 5 items; kept the newest 3');
  });
});
