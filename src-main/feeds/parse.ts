// Feed text -> normalised items. Which format it is comes from the content, never from the
// Content-Type (servers send RSS as text/html and JSON Feed as text/plain). Readers for each
// format extract raw fields; normalise.ts turns them into FeedItems.
import type { FetchedFeed } from '../../src-shared/model';
import { capItems, type ItemCaps } from './caps';
import { detached } from './detached';
import { atom03Or10 } from './formatDetect';
import { readAtom } from './atom';
import { KAZAKHSTAN_OFFSET_MINUTES } from './dates';
import { isJsonFeed, readJsonFeed } from './jsonFeed';
import { assignIdentities, cleanTitle, normaliseItem, type NormalisedItem } from './normalise';
import { readRss, type RawFeed } from './rss';
import { absoluteUrl } from './urls';
import { parseXml, XmlError } from './xml';

export type FeedParseErrorKind = 'empty' | 'html' | 'not-feed' | 'malformed' | 'unsafe';

export class FeedParseError extends Error {
  constructor(
    message: string,
    readonly kind: FeedParseErrorKind = 'malformed',
  ) {
    super(message);
    this.name = 'FeedParseError';
  }
}

export interface ParseOptions {
  /** Zone for dates that name none; Kazakh outlets by default (UTC+5). */
  defaultOffsetMinutes?: number;
  /** Items per feed and characters per item; defaults in caps.ts. */
  caps?: ItemCaps;
}

export interface ParsedFeed extends FetchedFeed {
  items: NormalisedItem[];
  /** Repairs made to get here (bad entities, junk after the root, a truncated tail ...). */
  warnings: string[];
}

const HTML_START = /^(?:<!--(?:(?!-->)[\s\S])*-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html|head|body|meta|div|script)[\s>]/i;

export async function parseFeedText(text: string, feedUrl: string, now: Date, options: ParseOptions = {}): Promise<ParsedFeed> {
  return parseFeedTextSync(text, feedUrl, now, options);
}

export function parseFeedTextSync(text: string, feedUrl: string, now: Date, options: ParseOptions = {}): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body.trim()) throw new FeedParseError('Not a feed: the server sent an empty body', 'empty');
  const warnings: string[] = [];
  let raw: RawFeed;
  if (body.startsWith('{') || body.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new FeedParseError('Not a feed: the body starts like JSON but is not valid JSON', 'not-feed');
    }
    if (!isJsonFeed(json)) throw new FeedParseError('Not a feed: the server sent JSON that is not a JSON Feed', 'not-feed');
    raw = readJsonFeed(json, feedUrl);
  } else {
    if (HTML_START.test(body)) throw new FeedParseError('Not a feed: the server sent an HTML page', 'html');
    if (!body.startsWith('<')) throw new FeedParseError(`Not a feed: the body is neither XML nor JSON (it starts "${body.slice(0, 30).replace(/\s+/g, ' ')}")`, 'not-feed');
    let doc: ReturnType<typeof parseXml>;
    try {
      doc = parseXml(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      if (error instanceof XmlError) throw new FeedParseError(error.message, /DOCTYPE/.test(error.reason) ? 'unsafe' : 'malformed');
      throw error;
    }
    warnings.push(...doc.warnings);
    const rootName = doc.root.local.toLowerCase();
    if (rootName === 'html') throw new FeedParseError('Not a feed: the server sent an HTML page', 'html');
    if (rootName === 'rss' || rootName === 'rdf' || rootName === 'channel') raw = readRss(doc.root, feedUrl);
    else if (rootName === 'feed' && atom03Or10(doc.root)) raw = readAtom(doc.root, feedUrl);
    else throw new FeedParseError(`Not a feed: the XML document is <${doc.root.name}>, not RSS or Atom`, 'not-feed');
    if (doc.truncatedAt) {
      const { line, openElements } = doc.truncatedAt;
      const inItem = openElements.some((name) => /^(item|entry)$/i.test(name.replace(/^.*:/, '')));
      // The entry that was being written when the text stopped is incomplete; keep the others.
      if (inItem) raw.items.pop();
      if (raw.items.length === 0) {
        throw new FeedParseError(`Malformed feed XML at line ${line}: the document ends inside <${openElements[openElements.length - 1] ?? ''}> before any complete item`);
      }
      warnings.push(`Malformed feed XML at line ${line}: the document ends inside <${openElements[openElements.length - 1] ?? ''}>; kept ${raw.items.length} complete item${raw.items.length === 1 ? '' : 's'}`);
    }
  }

  // Its own copy, like every text an item keeps (detached.ts): the language goes into each item.
  const language = raw.language?.trim() ? detached(raw.language.trim()) : null;
  const context = { now, language, defaultOffsetMinutes: options.defaultOffsetMinutes ?? KAZAKHSTAN_OFFSET_MINUTES };
  const items = capItems(assignIdentities(raw.items.map((item) => normaliseItem(item, context))), warnings, options.caps);
  const siteUrl = absoluteUrl(raw.siteUrl, feedUrl);
  return {
    feed: {
      title: detached(cleanTitle(raw.title ?? '') || hostOf(feedUrl)),
      url: feedUrl,
      siteUrl,
      format: raw.format,
      language,
    },
    items,
    warnings,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
