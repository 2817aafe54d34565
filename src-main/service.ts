// createService: the one implementation of src-shared/api.ts. Hosts (Electron IPC, the HTTP
// browser host) only validate, transport and forward; everything the app does lives behind here.
import type { ApiEvent, ApiEvents, ApiHandlers, AppInfo } from '../src-shared/api';
import type { SourceSpec } from '../src-shared/model';
import { defaultFeedDeps, fetchFeed, type FeedDeps } from './feeds/fetchFeed';
import { createEnricher, ENRICH_LIMITS } from './extract/enrich';
import { fetchImage } from './images/fetchImage';
import { ImageStore } from './images/imageStore';
import { Outbox } from './poller/outbox';
import { builtInSources } from './sources/defaults';
import { htmlListFor } from './sources/htmlPresets';
import { Poller } from './poller/poller';
import { PollStateFile } from './poller/pollState';

export interface ServiceOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  defaultSources: SourceSpec[];
  feedDeps?: FeedDeps;
  random?: () => number;
  /** How often the poller looks for due sources. */
  tickMs?: number;
}

export type EventListener = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;

export interface Service {
  handlers: ApiHandlers;
  subscribe(listener: EventListener): () => void;
  start(): Promise<void>;
  stop(): void;
}

export function createService(options: ServiceOptions): Service {
  const feedDeps = options.feedDeps ?? defaultFeedDeps;
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const outbox = new Outbox(options.dataDir);
  const images = new ImageStore(options.dataDir);
  const state = new PollStateFile(options.dataDir);
  const poller = new Poller({
    fetchFeed: (url, fetchOptions, source) => fetchFeed(url, { ...fetchOptions, htmlList: htmlListFor(source) }, feedDeps),
    now: feedDeps.now,
    random: options.random ?? Math.random,
    outbox,
    state,
    onBatch: (batch) => emit('items.batch', batch),
    onStatus: (status) => emit('sources.status', status),
    // Full text for sources that ask for it, lead images for all, kept under <dataDir>/images.
    enrich: createEnricher({ images, feedDeps }),
  });
  let started = false;

  const handlers: ApiHandlers = {
    'app.info': async () => ({
      name: 'PressWatch',
      version: options.version,
      host: options.host,
      defaultSources: options.defaultSources,
      presets: builtInSources,
    }),
    'sources.sync': async (specs) => {
      poller.setSources(specs);
      // The first sync after start is the moment the poller learns what to poll.
      if (started) void poller.pollDue();
    },
    'sources.status': async () => poller.statuses(),
    'sources.pollNow': async (sourceId) => {
      void poller.pollNow(sourceId);
    },
    'sources.resend': async (sourceIds) => {
      for (const id of sourceIds) {
        const sourceState = state.get(id);
        sourceState.sent = new Map();
        sourceState.etag = null;
        sourceState.lastModified = null;
        sourceState.nextPollAt = null;
      }
      await state.save();
      void Promise.all(sourceIds.map((id) => poller.poll(id)));
    },
    // The desktop shell overrides these three; a browser host has no notifications or login items.
    'desktop.notify': async () => false,
    'desktop.getStartAtLogin': async () => null,
    'desktop.setStartAtLogin': async () => undefined,
    // OPML is read and written with cheerio, about 30 MB once loaded: loaded when first asked for.
    'sources.fromOpml': async (text) => (await import('./sources/sourceFile')).parseOpml(text),
    'sources.toOpml': async (specs) => (await import('./sources/sourceFile')).toOpml(specs),
    'feeds.preview': async (url) => {
      const result = await fetchFeed(url, {}, feedDeps);
      if (result.status !== 'ok') throw new Error(`${url} answered 304 Not Modified to a request without validators`);
      return result.result;
    },
    'feeds.previewHtmlList': async (url, spec) => {
      const result = await fetchFeed(url, { htmlList: spec }, feedDeps);
      if (result.status !== 'ok') throw new Error(`${url} answered 304 Not Modified to a request without validators`);
      return result.result;
    },
    'outbox.pending': async () => outbox.pending(),
    'outbox.ack': async (batchId) => outbox.ack(batchId),
    // The renderer may not reach outlets itself (its CSP allows only its own origin): it asks here,
    // then reads the kept file from the image route. A picture that cannot be had is null, not an error.
    'images.keep': async (url) => {
      try {
        const bytes = await fetchImage(url, { browserUserAgent: false, maxBytes: ENRICH_LIMITS.maxImageBytes, timeoutMs: ENRICH_LIMITS.imageTimeoutMs }, feedDeps);
        return await images.put(bytes);
      } catch {
        return null;
      }
    },
  };

  return {
    handlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      await state.load();
      started = true;
      poller.start(options.tickMs);
    },
    stop() {
      started = false;
      poller.stop();
    },
  };
}
