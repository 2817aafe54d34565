// Raw fields from any feed format -> the FeedItem the rest of the app stores. Everything a feed
// says is untrusted: text is text, markup is sanitised, links are absolute http(s), dates are
// UTC and never in the future.
import { createHash } from 'node:crypto';
import type { Enclosure, FeedItem } from '../../src-shared/model';
import { parseDate, type DateContext } from './dates';
import { detached, detachedOrNull } from './detached';
import { collapseWhitespace, decodeEntities, htmlToText, sanitizeFeedHtml } from './sanitize';
import { absoluteUrl, canonicalAbsoluteUrl } from './urls';

/** A FeedItem plus why its date is not the feed's own. Assignable to FeedItem. */
export type NormalisedItem = FeedItem & {
  /** 'missing': no readable date, first-seen time used; 'clamped': more than 1 h in the future. */
  dateFlag?: 'missing' | 'clamped';
};

/** What a format reader extracts from one entry, before any cleaning. */
export interface RawItem {
  title: string | null;
  /** Whether the title may carry markup (RSS titles often do; Atom says so with type). */
  titleIsHtml: boolean;
  link: string | null;
  guid: string | null;
  /** RSS guid isPermaLink: when true the guid is also the link. */
  guidIsLink?: boolean;
  published: string | null;
  updated: string | null;
  summaryHtml: string | null;
  contentHtml: string | null;
  /** Plain full text, e.g. yandex:full-text or JSON Feed content_text. */
  fullText: string | null;
  author: string | null;
  categories: string[];
  enclosures: Array<{ url: string; type: string | null; length: string | number | null }>;
  images: string[];
  /** Base for relative links inside this item (xml:base, else the feed's site). */
  baseUrl: string;
  /** Base for links inside the content when it differs (Atom content with its own xml:base). */
  contentBaseUrl?: string;
  language?: string | null;
}

export interface NormaliseContext extends DateContext {
  now: Date;
  language: string | null;
}

const FUTURE_TOLERANCE_MS = 60 * 60_000;
const TITLE_FROM_TEXT_CHARS = 120;

export function cleanTitle(title: string, isHtml = true): string {
  if (!isHtml) return collapseWhitespace(decodeEntities(title));
  // htmlToText already made each line tidy: only line breaks are left to join.
  const text = htmlToText(title);
  return text.includes('\n') ? collapseWhitespace(text) : text;
}

/** The first words of the text, cut at a word boundary, as a stand-in headline. */
export function titleFromText(text: string): string {
  const firstLine = text.split('\n').find((line) => line.trim()) ?? '';
  const sentence = firstLine.match(/^(.{20,}?[.!?])(\s|$)/)?.[1] ?? firstLine;
  if (sentence.length <= TITLE_FROM_TEXT_CHARS) return sentence.trim();
  const cut = sentence.slice(0, TITLE_FROM_TEXT_CHARS);
  const space = cut.lastIndexOf(' ');
  return (space > 40 ? cut.slice(0, space) : cut).trim() + '…';
}

export function hashIdentity(title: string, text: string): string {
  return 'hash:' + createHash('sha256').update(title + '\n' + text).digest('hex').slice(0, 32);
}

export function resolveDate(raw: string | null, context: NormaliseContext): { publishedAt: string; dateFlag?: 'missing' | 'clamped' } {
  const date = parseDate(raw, context);
  if (!date) return { publishedAt: context.now.toISOString(), dateFlag: 'missing' };
  if (date.getTime() > context.now.getTime() + FUTURE_TOLERANCE_MS) return { publishedAt: context.now.toISOString(), dateFlag: 'clamped' };
  return { publishedAt: date.toISOString() };
}

/**
 * The fields of `raw` whose text an item may keep, as strings of their own (see detached.ts):
 * what normaliseItem derives from them is then new text or a part of these copies, never a
 * view into the whole feed. Links and dates are not copied: only their parsed form is kept.
 */
function ownText(raw: RawItem): RawItem {
  return {
    ...raw,
    title: detachedOrNull(raw.title),
    guid: detachedOrNull(raw.guid),
    summaryHtml: detachedOrNull(raw.summaryHtml),
    contentHtml: detachedOrNull(raw.contentHtml),
    fullText: detachedOrNull(raw.fullText),
    author: detachedOrNull(raw.author),
    categories: raw.categories.map(detached),
    enclosures: raw.enclosures.map((enclosure) => (enclosure.type === null ? enclosure : { ...enclosure, type: detached(enclosure.type) })),
    language: detachedOrNull(raw.language),
  };
}

export function normaliseItem(feedRaw: RawItem, context: NormaliseContext): NormalisedItem {
  const raw = ownText(feedRaw);
  const url = canonicalAbsoluteUrl(raw.link, raw.baseUrl) ?? (raw.guidIsLink ? canonicalAbsoluteUrl(raw.guid, raw.baseUrl) : null);
  const richest = raw.contentHtml?.trim() ? raw.contentHtml : (raw.summaryHtml ?? '');
  const contentHtml = sanitizeFeedHtml(richest, raw.contentBaseUrl ?? url ?? raw.baseUrl);
  const summarySource = raw.summaryHtml ?? raw.contentHtml ?? '';
  const summaryText = htmlToText(summarySource);
  const summary = summaryText.slice(0, 2000);
  // A plain-text description comes back from sanitising unchanged: its text is already known.
  const contentText = contentHtml === summarySource ? summaryText : htmlToText(contentHtml);
  const candidates = [raw.fullText ? htmlToText(raw.fullText) : '', contentText, summary];
  const text = candidates.reduce((best, next) => (next.length > best.length ? next : best), '');
  const title = cleanTitle(raw.title ?? '', raw.titleIsHtml) || titleFromText(text);
  const guid = raw.guid?.trim() || null;
  const { publishedAt, dateFlag } = resolveDate(raw.published || raw.updated, context);
  const imageUrl = raw.images.map((image) => absoluteUrl(image, raw.baseUrl)).find((image) => image !== null) ?? null;
  const enclosures: Enclosure[] = [];
  for (const enclosure of raw.enclosures) {
    const enclosureUrl = absoluteUrl(enclosure.url, raw.baseUrl);
    if (!enclosureUrl) continue;
    const length = Number(enclosure.length);
    enclosures.push({ url: enclosureUrl, type: enclosure.type?.trim() || null, length: Number.isFinite(length) && length > 0 ? length : null });
  }
  // A class instance, not a literal: see ItemRecord.
  const item: NormalisedItem = new ItemRecord(
    guid ?? url ?? hashIdentity(title, text),
    guid,
    url,
    title,
    summary,
    contentHtml,
    text,
    raw.author ? cleanTitle(raw.author) || null : null,
    publishedAt,
    [...new Set(raw.categories.map((c) => cleanTitle(c)).filter((c) => c.length > 0))],
    imageUrl ?? enclosures.find((e) => e.type?.startsWith('image/'))?.url ?? null,
    enclosures,
    raw.language ?? context.language,
  );
  if (dateFlag) item.dateFlag = dateFlag;
  return item;
}

/**
 * Identity inside one source: the guid, unless the feed reuses guids (then none of them
 * identifies anything), else the canonical URL, else a hash of title and text. Whatever still
 * collides gets the hash, so no item silently overwrites another.
 */
export function assignIdentities(items: NormalisedItem[]): NormalisedItem[] {
  const guidCounts = new Map<string, number>();
  for (const item of items) if (item.guid) guidCounts.set(item.guid, (guidCounts.get(item.guid) ?? 0) + 1);
  const seen = new Set<string>();
  return items.map((item) => {
    const guidUsable = item.guid !== null && guidCounts.get(item.guid) === 1;
    let id = guidUsable && item.guid ? item.guid : (item.url ?? hashIdentity(item.title, item.text));
    if (seen.has(id)) id = hashIdentity(item.title, item.text);
    seen.add(id);
    return id === item.id ? item : { ...item, id };
  });
}

/**
 * Items are made with `new`, not as object literals. V8 watches how long the objects of each
 * literal live and, when most outlive a young-generation collection, allocates all later ones
 * straight in the old generation. Items wait there for the outbox's fsync, so their literal was
 * soon allocated old: every item of a cycle then stayed until a full collection and dragged its
 * texts into the old generation with it. Objects made by a constructor are allocated young, and
 * die young when the outbox is quick. (Measured, together with the same for batches and outbox
 * entries in poller.ts and outbox.ts: a cycle of 1,000 sources moved 40-48 MB into the old
 * generation instead of 74 MB, and the process ended it about 20 MB smaller.)
 */
class ItemRecord implements FeedItem {
  constructor(
    public id: string,
    public guid: string | null,
    public url: string | null,
    public title: string,
    public summary: string,
    public contentHtml: string,
    public text: string,
    public author: string | null,
    public publishedAt: string,
    public categories: string[],
    public imageUrl: string | null,
    public enclosures: Enclosure[],
    public language: string | null,
  ) {}
}
