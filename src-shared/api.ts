// THE contract between the service (main process or browser host) and the renderer.
// Every method's arguments are described once, as a zod schema, so that both hosts validate
// what arrives before the service sees it; results and events are typed here and nowhere else.
// Channel names are the keys of `apiMethods` / the keys of `ApiEvents`: never typed twice.
import { z } from 'zod';
import type { FetchedFeed, HtmlListSettings, ItemBatch, SourceSpec, SourceStatus } from './model';

const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) address');

const selector = z.string().min(1).max(500);
export const htmlListSettingsSchema = z.object({
  item: selector,
  link: selector.optional(),
  linkPattern: z
    .string()
    .max(500)
    .refine((pattern) => {
      try {
        new RegExp(pattern);
        return true;
      } catch {
        return false;
      }
    }, 'must be a valid regular expression')
    .optional(),
  title: selector.optional(),
  date: selector.optional(),
  image: selector.optional(),
  summary: selector.optional(),
  pagination: z.object({ next: selector.optional(), param: z.string().max(50).optional(), maxPages: z.number().int().min(1).max(5).optional() }).optional(),
  language: z.string().max(20).nullable().optional(),
}) satisfies z.ZodType<HtmlListSettings>;

export const sourceSpecSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(300),
  url: httpUrl,
  kind: z.enum(['feed', 'html']),
  language: z.string().max(20).nullable(),
  group: z.string().max(200),
  intervalMinutes: z.number().int().min(1).max(24 * 60),
  enabled: z.boolean(),
  browserUserAgent: z.boolean(),
  preset: z.string().max(100).nullable().optional(),
  fullText: z.boolean().optional(),
  htmlList: htmlListSettingsSchema.optional(),
}) satisfies z.ZodType<SourceSpec>;

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'web';
  /** Sources a new user starts with: the built-in list, or the bundled samples in demo mode. */
  defaultSources: SourceSpec[];
  /** The built-in outlets a user can pick from at any time. */
  presets: SourceSpec[];
}

/** Argument schemas, one per method. The key is the channel name. */
export const apiMethods = {
  'app.info': z.tuple([]),
  /** The renderer owns the source list; it sends the whole list whenever it changes. */
  'sources.sync': z.tuple([z.array(sourceSpecSchema).max(5000)]),
  'sources.status': z.tuple([]),
  /** Poll one source now (or all enabled ones with null), ignoring its schedule and backoff. */
  'sources.pollNow': z.tuple([z.string().max(200).nullable()]),
  /**
   * The renderer holds no items of these sources (a new browser profile, a wiped database):
   * forget what was already sent and fetch them in full again.
   */
  'sources.resend': z.tuple([z.array(z.string().max(200)).max(5000)]),
  /** A desktop notification (Electron); false where the host has none (the browser host shows notices in the app). */
  'desktop.notify': z.tuple([z.object({ title: z.string().max(2000), body: z.string().max(10000) })]),
  /** Whether the app starts at login; null where the host cannot (the browser host). */
  'desktop.getStartAtLogin': z.tuple([]),
  'desktop.setStartAtLogin': z.tuple([z.boolean()]),
  /** Read an OPML file's text into sources (a clear error when it is not OPML). */
  'sources.fromOpml': z.tuple([z.string().max(10 * 1024 * 1024)]),
  /** Write sources as OPML, for other readers and for colleagues. */
  'sources.toOpml': z.tuple([z.array(sourceSpecSchema).max(5000)]),
  /** Fetch an address once without storing anything: "what is at this URL?" */
  'feeds.preview': z.tuple([httpUrl]),
  /** What these selectors pick up on this page, before the source is saved. */
  'feeds.previewHtmlList': z.tuple([httpUrl, htmlListSettingsSchema]),
  /** Fetches an outlet's image into the offline store (for a clipping); its file name, or null. */
  'images.keep': z.tuple([httpUrl]),
  /** Batches not yet acknowledged: sent again after any crash or reload. */
  'outbox.pending': z.tuple([]),
  /** The renderer has stored this batch in its database; the outbox may drop it. */
  'outbox.ack': z.tuple([z.string().min(1).max(200)]),
} as const;

export interface ApiResults {
  'app.info': AppInfo;
  'sources.sync': void;
  'sources.status': SourceStatus[];
  'sources.pollNow': void;
  'sources.resend': void;
  'desktop.notify': boolean;
  'desktop.getStartAtLogin': boolean | null;
  'desktop.setStartAtLogin': void;
  'sources.fromOpml': SourceSpec[];
  'sources.toOpml': string;
  'feeds.preview': FetchedFeed;
  'feeds.previewHtmlList': FetchedFeed;
  'images.keep': string | null;
  'outbox.pending': ItemBatch[];
  'outbox.ack': void;
}

export type ApiMethod = keyof typeof apiMethods;
export type ApiArgs<M extends ApiMethod> = z.infer<(typeof apiMethods)[M]>;

export interface ApiEvents {
  /** New items from one poll of one source. Acknowledge with outbox.ack once stored. */
  'items.batch': ItemBatch;
  'sources.status': SourceStatus;
}
export type ApiEvent = keyof ApiEvents;
export const apiEventNames: readonly ApiEvent[] = ['items.batch', 'sources.status'];

/** What the service implements: one async function per method. */
export type ApiHandlers = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResults[M]>;
};

/** What the renderer holds: the same methods, plus event subscription. */
export type ApiClient = ApiHandlers & {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

export const apiMethodNames = Object.keys(apiMethods) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiMethods, name);
}

/** An error whose message is meant for the user: sent across hosts as { error: message }. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Validates raw arguments from a transport against the contract. Throws an ApiError whose
 * message names the method and the offending argument.
 */
export function parseApiArgs<M extends ApiMethod>(method: M, raw: unknown): ApiArgs<M> {
  const result = apiMethods[method].safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (argument ${issue.path.join('.')})` : '';
    throw new ApiError(`Invalid call to ${method}${where}: ${issue?.message ?? 'bad arguments'}`);
  }
  return result.data as ApiArgs<M>;
}
