// The data both hosts and the renderer speak about. Plain serialisable objects only:
// they cross IPC, HTTP and the durable outbox unchanged.

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json' | 'html';

/** What a fetched feed (or HTML news list) says about itself. */
export interface FeedInfo {
  title: string;
  /** The address the bytes finally came from, after redirects. */
  url: string;
  siteUrl: string | null;
  format: FeedFormat;
  language: string | null;
}

export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
}

/** One normalised news item as the feed engine hands it over. */
export interface FeedItem {
  /** Stable identity inside its source: guid, else canonical URL, else a hash of title and text. */
  id: string;
  guid: string | null;
  url: string | null;
  title: string;
  /** Plain text. */
  summary: string;
  /** Sanitised HTML; still re-sanitised before display. */
  contentHtml: string;
  /** Plain text of the fullest content the feed carried. */
  text: string;
  author: string | null;
  /** ISO 8601, UTC. */
  publishedAt: string;
  categories: string[];
  imageUrl: string | null;
  enclosures: Enclosure[];
  language: string | null;
  /** Set when the feed gave no usable date (first-seen time used) or one in the future (clamped). */
  dateFlag?: 'missing' | 'clamped';
  /**
   * Images kept for offline reading: original URL -> file name in the data folder's image store,
   * served by both hosts under `images/<name>`.
   */
  offlineImages?: Record<string, string>;
}

export interface FetchedFeed {
  feed: FeedInfo;
  items: FeedItem[];
}

export type SourceKind = 'feed' | 'html';

/**
 * A news list read from a page without a feed: CSS selectors for the cards and what is in them
 * (the feed engine's HtmlListSpec). Plain data, so it lives in the source list and travels.
 */
export interface HtmlListSettings {
  item: string;
  link?: string;
  /** A regular expression the absolute link must match; cards that do not are not news. */
  linkPattern?: string;
  title?: string;
  date?: string;
  image?: string;
  summary?: string;
  pagination?: { next?: string; param?: string; maxPages?: number };
  language?: string | null;
}

/** A source as the user configured it; the renderer owns these and syncs them to the poller. */
export interface SourceSpec {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  language: string | null;
  /** Folder or group shown in the sidebar, e.g. "Казахстан". */
  group: string;
  intervalMinutes: number;
  enabled: boolean;
  /** Some outlets answer 403 to anything that is not a browser. */
  browserUserAgent: boolean;
  /** For kind 'html': the built-in HTML-list preset that reads the page (see src-main/sources/htmlPresets.ts). */
  preset?: string | null;
  /** For kind 'html' without a preset: the user's own selectors. */
  htmlList?: HtmlListSettings;
  /** Fetch each new item's page and keep its full text and images (the feed carries only a lead). */
  fullText?: boolean;
}

/** The poller's view of one source, shown to the user next to it. */
export interface SourceStatus {
  sourceId: string;
  state: 'idle' | 'polling' | 'ok' | 'error';
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** Words for a person, e.g. "HTTP 503 from www.zakon.kz". */
  lastError: string | null;
  nextPollAt: string | null;
  /** The source's address changed after a permanent redirect (301/308). */
  movedTo: string | null;
  /** Grows with every change of this source's status: a client keeps the highest it has seen. */
  revision: number;
}

/** New items of one source from one poll, as kept in the durable outbox until acknowledged. */
export interface ItemBatch {
  batchId: string;
  sourceId: string;
  fetchedAt: string;
  feed: FeedInfo;
  items: FeedItem[];
}
