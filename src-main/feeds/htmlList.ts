// News lists from pages without a feed (Akorda has none): a declarative spec of CSS selectors
// says where the items, links, titles, dates and images are, so a new outlet is data, not code.
// Specs are plain JSON-serialisable objects: they can live in the source list and travel over IPC.
import * as cheerio from 'cheerio';
import { KAZAKHSTAN_OFFSET_MINUTES } from './dates';
import { detached } from './detached';
import { assignIdentities, normaliseItem, type NormalisedItem, type RawItem } from './normalise';
import type { FetchedFeed } from '../../src-shared/model';
import { absoluteUrl, canonicalUrl } from './urls';

export interface HtmlListSpec {
  /** Shown as the feed title. */
  name?: string;
  /** The list page, for presets. */
  url?: string;
  /** One news card. */
  item: string;
  /** The link inside a card; omitted: the card itself when it is an <a>, else its first a[href]. */
  link?: string;
  linkAttr?: string;
  /** A regular expression the absolute link must match; cards that do not are not news. */
  linkPattern?: string;
  /** Title inside a card; omitted: the link's text. */
  title?: string;
  /** Date text inside a card ("26 февраля 2026 года", "сегодня, 13:51"). */
  date?: string;
  /** Attribute holding a machine-readable date, e.g. "datetime"; falls back to the text. */
  dateAttr?: string;
  image?: string;
  /** Tried in order; lazy-loading sites keep the real image in data-src. */
  imageAttrs?: string[];
  summary?: string;
  /** Further pages: a "next" link selector, or a query parameter counted up from 1. */
  pagination?: { next?: string; param?: string; maxPages?: number };
  /** Zone of dates printed without one, minutes east of UTC. Default UTC+5 (Kazakhstan). */
  defaultOffsetMinutes?: number;
  language?: string | null;
}

export interface HtmlListPage extends FetchedFeed {
  items: NormalisedItem[];
  warnings: string[];
  nextPageUrl: string | null;
}

export function parseHtmlList(html: string, pageUrl: string, spec: HtmlListSpec, now: Date): HtmlListPage {
  const $ = cheerio.load(html);
  const base = absoluteUrl($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
  const pattern = spec.linkPattern ? new RegExp(spec.linkPattern) : null;
  const language = spec.language ?? ($('html').attr('lang')?.trim() || null);
  const warnings: string[] = [];
  const raws: RawItem[] = [];
  const seenLinks = new Set<string>();
  let skipped = 0;

  $(spec.item).each((_, element) => {
    const card = $(element);
    const linkEl = spec.link ? card.find(spec.link).first() : card.is('a[href]') ? card : card.find('a[href]').first();
    const link = absoluteUrl(linkEl.attr(spec.linkAttr ?? 'href'), base);
    if (!link || (pattern && !pattern.test(link))) {
      skipped++;
      return;
    }
    // Image and headline often link the same story, sometimes with tracking added to one.
    const key = canonicalUrl(link);
    if (seenLinks.has(key)) return;
    seenLinks.add(key);
    const titleNode = spec.title ? card.find(spec.title).first() : null;
    const titleText = (titleNode && titleNode.length > 0 ? titleNode : linkEl).text();
    const dateEl = spec.date ? card.find(spec.date).first() : null;
    const dateText = dateEl ? ((spec.dateAttr ? dateEl.attr(spec.dateAttr) : undefined) ?? dateEl.text()) : null;
    raws.push({
      title: escapeHtml(titleText),
      titleIsHtml: true,
      link,
      guid: null,
      published: dateText?.trim() || null,
      updated: null,
      summaryHtml: spec.summary ? escapeHtml(card.find(spec.summary).first().text()) || null : null,
      contentHtml: null,
      fullText: null,
      author: null,
      categories: [],
      enclosures: [],
      images: spec.image ? imageOf((name) => card.find(spec.image ?? '').first().attr(name), spec.imageAttrs) : [],
      baseUrl: base,
      language,
    });
  });
  if (skipped > 0) warnings.push(`Skipped ${skipped} card${skipped === 1 ? '' : 's'} whose link is not a news item`);

  const context = { now, language, defaultOffsetMinutes: spec.defaultOffsetMinutes ?? KAZAKHSTAN_OFFSET_MINUTES };
  return {
    feed: { title: spec.name ?? detached($('title').first().text().trim() || new URL(pageUrl).host), url: pageUrl, siteUrl: new URL('/', pageUrl).href, format: 'html', language },
    items: assignIdentities(raws.map((raw) => normaliseItem(raw, context))),
    warnings,
    nextPageUrl: nextPage($, spec, pageUrl, base),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function imageOf(attrOf: (name: string) => string | undefined, attrs: string[] = ['data-src', 'data-lazy-src', 'src']): string[] {
  for (const attr of attrs) {
    const value = attrOf(attr)?.trim();
    // Inline placeholders are not the image.
    if (value && !value.startsWith('data:')) return [value];
  }
  return [];
}

function nextPage($: cheerio.CheerioAPI, spec: HtmlListSpec, pageUrl: string, base: string): string | null {
  const pagination = spec.pagination;
  if (!pagination) return null;
  if (pagination.next) return absoluteUrl($(pagination.next).first().attr('href'), base);
  if (pagination.param) {
    const url = new URL(pageUrl);
    const current = Number(url.searchParams.get(pagination.param) ?? '1') || 1;
    url.searchParams.set(pagination.param, String(current + 1));
    return url.href;
  }
  return null;
}

/** Merges pages in order; an item seen on an earlier page wins. */
export function mergeHtmlListPages(pages: HtmlListPage[]): HtmlListPage {
  const first = pages[0];
  if (!first) throw new Error('no pages');
  const seen = new Set<string>();
  const items: NormalisedItem[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return { ...first, items, warnings: pages.flatMap((p) => p.warnings), nextPageUrl: pages[pages.length - 1]?.nextPageUrl ?? null };
}
