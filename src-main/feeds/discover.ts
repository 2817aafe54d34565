// Feed autodiscovery: the <link rel="alternate" type="application/rss+xml"> convention
// (https://www.rssboard.org/rss-autodiscovery), in document order, first one first.
import * as cheerio from 'cheerio';
import { absoluteUrl } from './urls';

export interface DiscoveredFeed {
  url: string;
  type: string;
  title: string | null;
}

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/json', 'text/xml', 'application/xml']);

export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const $ = cheerio.load(html);
  const base = absoluteUrl($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  $('link[href]').each((_, element) => {
    const link = $(element);
    const rel = (link.attr('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.attr('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) return;
    const url = absoluteUrl(link.attr('href'), base);
    if (!url || seen.has(url)) return;
    seen.add(url);
    found.push({ url, type, title: link.attr('title')?.trim() || null });
  });
  return found;
}
