// What the poller adds to new items before they reach the outbox, for reading offline:
// - with the source's fullText on, the article page is fetched and its text extracted, and used
//   when it is longer than what the feed gave;
// - every item's lead image (and, with fullText, the images in its text) is kept in the image
//   store, and `offlineImages` maps each original URL to its stored file.
// Every request goes through the poller's host limits and the feed engine's polite fetch. Nothing
// here can lose an item: a page or image that fails leaves the item as the feed gave it.
import type { FeedItem, SourceSpec } from '../../src-shared/model';
import { capItemSize } from '../feeds/caps';
import { decodeBytes } from '../feeds/decode';
import type { ExtractedArticle } from '../feeds/extract';
import { defaultFeedDeps, fetchResource, type FeedDeps } from '../feeds/fetchFeed';
import { fetchImage } from '../images/fetchImage';
import { decodeEntities } from '../feeds/sanitize';
import type { ImageStore } from '../images/imageStore';
import type { RunOnHost } from '../poller/poller';

export const ENRICH_LIMITS = {
  /** Article pages fetched per source and poll; the first poll of a busy feed must stay polite. */
  maxPagesPerPoll: 60,
  maxPageBytes: 5 * 1024 * 1024,
  maxImagesPerItem: 8,
  maxImageBytes: 2 * 1024 * 1024,
  maxImageBytesPerItem: 8 * 1024 * 1024,
  /** jsdom is heavy in memory and blocks the event loop while it parses: one page at a time. */
  extractConcurrency: 1,
  pageTimeoutMs: 20_000,
  imageTimeoutMs: 20_000,
} as const;

export type EnrichLimits = { -readonly [K in keyof typeof ENRICH_LIMITS]: number };

export interface EnricherDeps {
  images: ImageStore;
  feedDeps?: FeedDeps;
  /** Replaceable in tests; runs extractArticle by default. */
  extract?: (html: string, url: string) => ExtractedArticle | Promise<ExtractedArticle>;
  limits?: Partial<EnrichLimits>;
  /** Why a page or image was skipped, for a log; never shown as a source error. */
  onWarning?: (message: string) => void;
}

export type Enricher = (source: SourceSpec, items: FeedItem[], runOnHost: RunOnHost) => Promise<FeedItem[]>;

export function createEnricher(deps: EnricherDeps): Enricher {
  const limits: EnrichLimits = { ...ENRICH_LIMITS, ...deps.limits };
  const feedDeps = deps.feedDeps ?? defaultFeedDeps;
  // jsdom costs tens of megabytes the moment it is loaded: only a source with full text on loads it.
  const extract = deps.extract ?? (async (html: string, url: string) => (await import('../feeds/extract')).extractArticle(html, url));
  const warn = deps.onWarning ?? (() => {});
  const extractions = new Semaphore(limits.extractConcurrency);

  async function withFullText(source: SourceSpec, item: FeedItem, runOnHost: RunOnHost): Promise<FeedItem> {
    const url = item.url;
    if (!url || !/^https?:/i.test(url)) return item;
    try {
      const page = await runOnHost(hostOf(url), () =>
        fetchResource(url, {
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
          browserUserAgent: source.browserUserAgent,
          contentType: (type) => type === '' || /html|xml/.test(type),
          contentTypeWords: 'not a web page',
          maxBodyBytes: limits.maxPageBytes,
          totalTimeoutMs: limits.pageTimeoutMs,
        }, feedDeps),
      );
      const html = decodeBytes(page.bytes, page.contentType).text;
      const article = await extractions.run(async () => {
        // Let other polls' I/O run between two heavy parses.
        await new Promise((resolve) => setImmediate(resolve));
        return extract(html, page.finalUrl);
      });
      if (article.text.length <= item.text.length) return item;
      const warnings: string[] = [];
      const enriched = capItemSize({ ...item, text: article.text, contentHtml: article.contentHtml, imageUrl: item.imageUrl ?? article.imageUrl }, warnings);
      for (const warning of warnings) warn(warning);
      return enriched;
    } catch (error) {
      warn(`Full text of ${url} not kept: ${error instanceof Error ? error.message : String(error)}`);
      return item;
    }
  }

  async function withImages(source: SourceSpec, item: FeedItem, runOnHost: RunOnHost): Promise<FeedItem> {
    // Most items of most feeds: nothing to fetch, and no lists to build to find that out.
    if (!item.imageUrl && !source.fullText) return item;
    const urls = [...new Set([item.imageUrl, ...(source.fullText ? imageSources(item.contentHtml) : [])])]
      .filter((url): url is string => !!url && /^https?:\/\//i.test(url))
      .slice(0, limits.maxImagesPerItem);
    if (urls.length === 0) return item;
    const kept: Record<string, string> = {};
    let budget = limits.maxImageBytesPerItem;
    // One after another, so the per-item budget is known before each next request.
    for (const url of urls) {
      if (budget <= 0) break;
      try {
        const bytes = await runOnHost(hostOf(url), () =>
          fetchImage(url, { browserUserAgent: source.browserUserAgent, maxBytes: Math.min(limits.maxImageBytes, budget), timeoutMs: limits.imageTimeoutMs }, feedDeps),
        );
        budget -= bytes.byteLength;
        const name = await deps.images.put(bytes);
        if (name) kept[url] = name;
        else warn(`Image ${url} not kept: its bytes are not a picture`);
      } catch (error) {
        warn(`Image ${url} not kept: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return Object.keys(kept).length > 0 ? { ...item, offlineImages: { ...item.offlineImages, ...kept } } : item;
  }

  return async (source, items, runOnHost) => {
    // Most feeds' items: no full text asked for and no lead image to keep, so nothing to do.
    if (!source.fullText && !items.some((item) => item.imageUrl)) return items;
    let pages = 0;
    return Promise.all(
      items.map(async (item) => {
        // Counted up front, in feed order, so which items get their page does not depend on timing.
        const wantsPage = source.fullText === true && item.url !== null && pages++ < limits.maxPagesPerPoll;
        const full = wantsPage ? await withFullText(source, item, runOnHost) : item;
        return withImages(source, full, runOnHost);
      }),
    );
  };
}

/** The src of every <img> in sanitised markup (sanitize-html writes attributes in double quotes). */
export function imageSources(html: string): string[] {
  const sources: string[] = [];
  for (const match of html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/gi)) {
    if (match[1]) sources.push(decodeEntities(match[1]));
  }
  return sources;
}

class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
