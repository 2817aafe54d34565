// Full article text for offline reading: Readability over a jsdom document that runs no scripts
// and loads nothing, then the page's own structured data (JSON-LD articleBody) and finally its
// og:description when Readability finds too little. The result is sanitised like feed content.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseDate } from './dates';
import { htmlToText, sanitizeFeedHtml } from './sanitize';
import { absoluteUrl } from './urls';

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** Sanitised HTML of the article body. */
  contentHtml: string;
  /** Plain text, paragraphs separated by newlines. */
  text: string;
  excerpt: string | null;
  imageUrl: string | null;
  /** ISO 8601 when the page states it (article:published_time, JSON-LD datePublished). */
  publishedAt: string | null;
  canonicalUrl: string | null;
  method: 'readability' | 'json-ld' | 'meta' | 'none';
}

/** Below this much text Readability has probably picked up navigation, not an article. */
const MIN_ARTICLE_CHARS = 200;

export function extractArticle(html: string, url: string, options: { defaultOffsetMinutes?: number } = {}): ExtractedArticle {
  const virtualConsole = new VirtualConsole();
  // Broken CSS and markup on news pages would otherwise be printed to the main process console.
  const dom = new JSDOM(html, { url, virtualConsole });
  try {
    const document = dom.window.document;
    for (const img of document.querySelectorAll('img[data-src], img[data-lazy-src]')) {
      const real = img.getAttribute('data-src') ?? img.getAttribute('data-lazy-src');
      if (real) img.setAttribute('src', real);
    }
    const meta = (selector: string): string | null => document.querySelector(selector)?.getAttribute('content')?.trim() || null;
    const jsonLd = readJsonLd(document);
    const canonical = absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), url);
    const imageUrl = absoluteUrl(meta('meta[property="og:image"]') ?? jsonLdImage(jsonLd), url);
    const dateText = meta('meta[property="article:published_time"]') ?? str(jsonLd?.datePublished) ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
    const published = parseDate(dateText, { defaultOffsetMinutes: options.defaultOffsetMinutes });
    const common = {
      imageUrl,
      publishedAt: published ? published.toISOString() : null,
      canonicalUrl: canonical,
    };
    const ogTitle = meta('meta[property="og:title"]');
    const description = meta('meta[property="og:description"]') ?? meta('meta[name="description"]');

    const article = new Readability(document.cloneNode(true) as typeof document, { charThreshold: 100 }).parse();
    if (article?.content) {
      const contentHtml = sanitizeFeedHtml(article.content, url);
      const text = htmlToText(contentHtml);
      if (text.length >= MIN_ARTICLE_CHARS) {
        return { ...common, title: article.title?.trim() || ogTitle, byline: article.byline?.trim() || null, contentHtml, text, excerpt: article.excerpt?.trim() || description, method: 'readability' };
      }
    }
    const body = str(jsonLd?.articleBody);
    if (body) {
      const text = htmlToText(body);
      return { ...common, title: str(jsonLd?.headline) ?? ogTitle, byline: jsonLdAuthor(jsonLd), contentHtml: paragraphs(text), text, excerpt: description, method: 'json-ld' };
    }
    if (description) {
      return { ...common, title: ogTitle ?? (document.title.trim() || null), byline: null, contentHtml: paragraphs(description), text: description, excerpt: description, method: 'meta' };
    }
    return { ...common, title: ogTitle ?? (document.title.trim() || null), byline: null, contentHtml: '', text: '', excerpt: null, method: 'none' };
  } finally {
    dom.window.close();
  }
}

type JsonObject = Record<string, unknown>;

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The first JSON-LD node that is some kind of article, looking inside arrays and @graph. */
function readJsonLd(document: Document): JsonObject | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const node = queue.shift();
      if (Array.isArray(node)) queue.push(...node);
      else if (isObject(node)) {
        const type = node['@type'];
        const types = Array.isArray(type) ? type : [type];
        if (types.some((t) => typeof t === 'string' && /Article|NewsArticle|Report|BlogPosting/.test(t))) return node;
        if (Array.isArray(node['@graph'])) queue.push(...node['@graph']);
      }
    }
  }
  return null;
}

function jsonLdImage(node: JsonObject | null): string | null {
  const image = node?.image;
  if (typeof image === 'string') return image;
  if (Array.isArray(image)) return typeof image[0] === 'string' ? image[0] : isObject(image[0]) ? str(image[0].url) : null;
  return isObject(image) ? str(image.url) : null;
}

function jsonLdAuthor(node: JsonObject | null): string | null {
  const author = node?.author;
  const first = Array.isArray(author) ? author[0] : author;
  return typeof first === 'string' ? first : isObject(first) ? str(first.name) : null;
}

function paragraphs(text: string): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escape(line)}</p>`)
    .join('');
}
