// RSS 0.9x, 2.0 and RDF-based RSS 0.90/1.0, with the modules Russian-language outlets use:
// content:encoded, dc:*, media:*, enclosure, yandex:full-text, atom:link.
import type { FeedFormat } from '../../src-shared/model';
import { child, childText, children, isEl, xmlBase } from './namespaces';
import type { RawItem } from './normalise';
import { childElements, textOf, type XmlElement } from './xml';

export interface RawFeed {
  format: FeedFormat;
  title: string | null;
  siteUrl: string | null;
  language: string | null;
  selfUrl: string | null;
  items: RawItem[];
}

function mediaImages(el: XmlElement): string[] {
  const images: string[] = [];
  for (const node of childElements(el)) {
    if (isEl(node, 'media', 'group')) {
      images.push(...mediaImages(node));
      continue;
    }
    if (isEl(node, 'media', 'thumbnail')) {
      const url = node.attrs.get('url');
      if (url) images.push(url);
    } else if (isEl(node, 'media', 'content')) {
      const url = node.attrs.get('url');
      const medium = node.attrs.get('medium') ?? '';
      const type = node.attrs.get('type') ?? '';
      if (url && (medium === 'image' || type.startsWith('image/') || (!medium && !type && /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(url)))) images.push(url);
    }
  }
  return images;
}

export function readRss(root: XmlElement, feedUrl: string): RawFeed {
  const isRdf = root.local.toLowerCase() === 'rdf';
  const channel = child(root, null, 'channel') ?? childElements(root).find((el) => el.local === 'channel') ?? root;
  const format: FeedFormat = isRdf ? 'rdf' : 'rss';
  const selfLink = children(channel, 'atom', 'link').find((l) => l.attrs.get('rel') === 'self')?.attrs.get('href') ?? null;
  const siteLinkRaw = childText(channel, null, 'link');
  const siteBase = xmlBase(channel, feedUrl);
  const siteUrl = siteLinkRaw ? safeResolve(siteLinkRaw, siteBase) : null;
  // RDF puts items next to the channel, RSS 2.0 inside it; a few feeds do both wrong.
  const itemElements = [...childElements(channel), ...(channel === root ? [] : childElements(root))].filter((el) => el.local.toLowerCase() === 'item' && (el.prefix === null || el.ns === null));
  const itemBaseDefault = siteUrl ?? feedUrl;
  const items = itemElements.map((el) => readRssItem(el, el.attrs.has('xml:base') || channel.attrs.has('xml:base') ? xmlBase(el, itemBaseDefault) : itemBaseDefault));
  return {
    format,
    title: childText(channel, null, 'title'),
    siteUrl,
    language: childText(channel, null, 'language') ?? childText(channel, 'dc', 'language'),
    selfUrl: selfLink,
    items,
  };
}

function safeResolve(link: string, base: string): string | null {
  try {
    return new URL(link.trim(), base).href;
  } catch {
    return null;
  }
}

function readRssItem(el: XmlElement, baseUrl: string): RawItem {
  const guidEl = child(el, null, 'guid');
  const guid = guidEl ? textOf(guidEl).trim() || null : (el.attrs.get('rdf:about') ?? null);
  const permaLinkAttr = guidEl?.attrs.get('isPermaLink')?.toLowerCase();
  const guidIsLink = guid !== null && permaLinkAttr !== 'false' && /^https?:\/\//i.test(guid);
  const atomLink = children(el, 'atom', 'link').find((l) => (l.attrs.get('rel') ?? 'alternate') === 'alternate')?.attrs.get('href') ?? null;
  const enclosures = children(el, null, 'enclosure')
    .map((enc) => ({ url: enc.attrs.get('url') ?? '', type: enc.attrs.get('type') ?? null, length: enc.attrs.get('length') ?? null }))
    .filter((enc) => enc.url);
  const categories = [...children(el, null, 'category'), ...children(el, 'dc', 'subject')].map((c) => textOf(c));
  const contentEncoded = childText(el, 'content', 'encoded');
  return {
    title: childText(el, null, 'title') ?? childText(el, 'dc', 'title'),
    titleIsHtml: true,
    link: childText(el, null, 'link') ?? atomLink,
    guid,
    guidIsLink,
    published: childText(el, null, 'pubDate') ?? childText(el, 'dc', 'date') ?? childText(el, 'atom', 'published'),
    updated: childText(el, 'atom', 'updated'),
    summaryHtml: childText(el, null, 'description'),
    contentHtml: contentEncoded,
    fullText: childText(el, 'yandex', 'full-text'),
    author: childText(el, 'dc', 'creator') ?? childText(el, null, 'author'),
    categories,
    enclosures,
    images: mediaImages(el),
    baseUrl,
    language: childText(el, 'dc', 'language'),
  };
}
