// Feed text -> normalised FetchedFeed. rss-parser does the XML; everything after it is ours:
// absolute links, plain-text summaries, sanitised content, stable identities, UTC dates.
import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import type { FeedFormat, FeedItem, FetchedFeed } from '../../src-shared/model';
import { decodeEntities, htmlToText, sanitizeFeedHtml } from './sanitize';

type ExtraItemFields = {
  'content:encoded'?: string;
  'dc:creator'?: string;
  'yandex:full-text'?: string;
  'media:content'?: { $?: { url?: string } } | Array<{ $?: { url?: string } }>;
  'media:thumbnail'?: { $?: { url?: string } } | Array<{ $?: { url?: string } }>;
  author?: string;
  id?: string;
};

const parser = new Parser<Record<string, unknown>, ExtraItemFields>({
  customFields: {
    item: ['content:encoded', 'dc:creator', 'yandex:full-text', 'media:content', 'media:thumbnail', 'author', 'id'],
  },
});

export class FeedParseError extends Error {}

export async function parseFeedText(text: string, feedUrl: string, now: Date): Promise<FetchedFeed> {
  const head = text.trimStart().slice(0, 500);
  if (head.length === 0) throw new FeedParseError('The server sent an empty body, not a feed');
  if (!head.startsWith('<')) throw new FeedParseError('Not a feed: the body is not XML');
  if (/^<(!doctype html|html)/i.test(head)) throw new FeedParseError('Not a feed: the server sent an HTML page');
  let parsed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    parsed = await parser.parseString(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').join(' ') : String(error);
    throw new FeedParseError(`Malformed feed XML: ${message}`);
  }
  const format: FeedFormat = /<feed[\s>]/.test(text.slice(0, 2000)) ? 'atom' : /<rdf:RDF/i.test(text.slice(0, 2000)) ? 'rdf' : 'rss';
  const siteUrl = absolute(parsed.link ?? null, feedUrl);
  const language = typeof parsed.language === 'string' ? parsed.language : null;
  const items = (parsed.items ?? []).map((raw) => normaliseItem(raw, siteUrl ?? feedUrl, language, now));
  return {
    feed: { title: cleanTitle(parsed.title ?? '') || new URL(feedUrl).host, url: feedUrl, siteUrl, format, language },
    items: dedupeIds(items),
  };
}

function normaliseItem(raw: Parser.Item & ExtraItemFields, baseUrl: string, language: string | null, now: Date): FeedItem {
  const url = absolute(raw.link ?? null, baseUrl);
  const fullHtml = raw['content:encoded'] ?? raw.content ?? '';
  const contentHtml = sanitizeFeedHtml(fullHtml || raw.summary || '', url ?? baseUrl);
  const summary = htmlToText(raw.contentSnippet ?? raw.summary ?? raw.content ?? '').slice(0, 2000);
  const fullText = raw['yandex:full-text'] ? htmlToText(raw['yandex:full-text']) : htmlToText(contentHtml);
  const text = fullText.length >= summary.length ? fullText : summary;
  const title = cleanTitle(raw.title ?? '') || text.slice(0, 120);
  const guid = raw.guid ?? raw.id ?? null;
  const published = raw.isoDate ? new Date(raw.isoDate) : null;
  const publishedAt = published && !Number.isNaN(published.getTime()) ? published : now;
  return {
    id: guid ?? url ?? 'hash:' + createHash('sha256').update(title + '\n' + text).digest('hex').slice(0, 32),
    guid,
    url,
    title,
    summary,
    contentHtml,
    text,
    author: raw['dc:creator'] ?? raw.creator ?? raw.author ?? null,
    publishedAt: (publishedAt.getTime() > now.getTime() + 3600_000 ? now : publishedAt).toISOString(),
    categories: (raw.categories ?? []).filter((c): c is string => typeof c === 'string'),
    imageUrl: firstMediaUrl(raw, baseUrl),
    enclosures: raw.enclosure?.url
      ? [{ url: absolute(raw.enclosure.url, baseUrl) ?? raw.enclosure.url, type: raw.enclosure.type ?? null, length: Number(raw.enclosure.length) || null }]
      : [],
    language,
  };
}

function firstMediaUrl(raw: ExtraItemFields & Parser.Item, baseUrl: string): string | null {
  for (const field of [raw['media:content'], raw['media:thumbnail']]) {
    const first = Array.isArray(field) ? field[0] : field;
    const url = first?.$?.url;
    if (url) return absolute(url, baseUrl);
  }
  if (raw.enclosure?.url && raw.enclosure.type?.startsWith('image/')) return absolute(raw.enclosure.url, baseUrl);
  return null;
}

function cleanTitle(title: string): string {
  return decodeEntities(htmlToText(title)).replace(/\s+/g, ' ').trim();
}

function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Two items with one guid in one feed would overwrite each other: fall back to their URLs. */
function dedupeIds(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.map((item) => {
    let id = item.id;
    if (seen.has(id) && item.url) id = item.url;
    seen.add(id);
    return id === item.id ? item : { ...item, id };
  });
}
