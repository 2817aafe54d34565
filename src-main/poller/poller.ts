// The poller: decides which sources are due, fetches them under the host limits, turns new or
// changed items into a batch, writes the batch to the durable outbox and only then announces it.
import { hash, randomUUID } from 'node:crypto';
import type { FetchFeedOptions, FetchFeedResult } from '../feeds/fetchFeed';
import { FeedFetchError } from '../feeds/fetchFeed';
import type { FeedItem, ItemBatch, SourceSpec, SourceStatus } from '../../src-shared/model';
import { nextDelayAfterFailure } from './backoff';
import { HostLimiter, type HostLimits } from './limiter';
import type { Outbox } from './outbox';
import type { PollStateFile, SourcePollState } from './pollState';

/** Even an unchanged feed is fetched without validators this often, in case a 304 lies. */
const FULL_FETCH_EVERY_MS = 12 * 60 * 60 * 1000;
/** Fingerprints kept per source: enough for any real feed window. */
const SENT_FINGERPRINTS_KEPT = 2000;

export interface PollerDeps {
  fetchFeed: (url: string, options: FetchFeedOptions, source: SourceSpec) => Promise<FetchFeedResult>;
  now: () => Date;
  random: () => number;
  outbox: Outbox;
  state: PollStateFile;
  onBatch: (batch: ItemBatch) => void;
  onStatus: (status: SourceStatus) => void;
  /** Requests at once in all and per host; 16 and 2 unless given, changeable with setLimits. */
  limits?: HostLimits;
  /**
   * Adds what the feed lacks to new or changed items before they are written to the outbox
   * (full text, offline images; see src-main/extract). Its requests go through `runOnHost`, so
   * they share the host limits with feed fetches. It must return every item it was given; if
   * it throws anyway, the feed's items are sent as they came.
   */
  enrich?: (source: SourceSpec, items: FeedItem[], runOnHost: RunOnHost) => Promise<FeedItem[]>;
}

/** Runs a request under the poller's per-host and total limits. */
export type RunOnHost = <T>(host: string, task: () => Promise<T>) => Promise<T>;

export const DEFAULT_LIMITS: HostLimits = { total: 16, perHost: 2 };

export class Poller {
  private sources = new Map<string, SourceSpec>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly revisions = new Map<string, number>();
  private readonly limiter: HostLimiter;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Polls begun that have not yet come to saving their state (see fetchAndStore). */
  private pollsBeforeSave = 0;

  constructor(private readonly deps: PollerDeps) {
    this.limiter = new HostLimiter(deps.limits?.total ?? DEFAULT_LIMITS.total, deps.limits?.perHost ?? DEFAULT_LIMITS.perHost);
  }

  /** Changes the concurrency limits at once; requests already running finish as they are. */
  setLimits(limits: Partial<HostLimits>): void {
    this.limiter.setLimits(limits);
  }

  get limits(): HostLimits {
    return this.limiter.current;
  }

  setSources(specs: SourceSpec[]): void {
    this.sources = new Map(specs.map((spec) => [spec.id, spec]));
  }

  start(tickMs = 10_000): void {
    this.stop();
    void this.pollDue();
    this.timer = setInterval(() => void this.pollDue(), tickMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sources whose next poll time has come (or that were never polled). */
  async pollDue(): Promise<void> {
    const now = this.deps.now().getTime();
    const due = [...this.sources.values()].filter((spec) => {
      if (!spec.enabled) return false;
      const next = this.deps.state.get(spec.id).nextPollAt;
      return next === null || Date.parse(next) <= now;
    });
    await Promise.all(due.map((spec) => this.poll(spec.id)));
  }

  /** Poll now, ignoring schedule and backoff; null polls every enabled source. */
  async pollNow(sourceId: string | null): Promise<void> {
    const ids = sourceId === null ? [...this.sources.values()].filter((s) => s.enabled).map((s) => s.id) : [sourceId];
    await Promise.all(ids.map((id) => this.poll(id)));
  }

  statuses(): SourceStatus[] {
    return [...this.sources.keys()].map((id) => this.statusOf(id));
  }

  /** One poll of one source; a second request for a source already in flight joins the first. */
  poll(sourceId: string): Promise<void> {
    const running = this.inFlight.get(sourceId);
    if (running) return running;
    const spec = this.sources.get(sourceId);
    if (!spec) return Promise.resolve();
    const task = this.fetchAndStore(spec)
      .finally(() => {
        this.inFlight.delete(sourceId);
        this.bump(sourceId);
        this.deps.onStatus(this.statusOf(sourceId));
      });
    this.inFlight.set(sourceId, task);
    this.bump(sourceId);
    this.deps.onStatus(this.statusOf(sourceId));
    return task;
  }

  private async fetchAndStore(spec: SourceSpec): Promise<void> {
    this.pollsBeforeSave++;
    const state = this.deps.state.get(spec.id);
    const now = this.deps.now();
    const intervalMs = spec.intervalMinutes * 60_000;
    state.lastAttemptAt = now.toISOString();
    try {
      const url = state.movedTo ?? spec.url;
      // Most of a cycle may pass waiting for a slot, so this frame and the promises it awaits
      // are in the old generation by the time the feed arrives, and a young feed they held would
      // stay alive after use until the next full collection (see HostLimiter.acquire). So the
      // feed is fetched and handled in a call of its own, begun once the slot is held, and
      // nothing of it comes back here (nor waits here for the poll state below).
      const release = await this.limiter.acquire(hostOf(url));
      await this.fetchAndSend(spec, state, now, url, release);
      state.lastSuccessAt = now.toISOString();
      state.lastError = null;
      state.consecutiveFailures = 0;
      state.nextPollAt = new Date(now.getTime() + intervalMs).toISOString();
    } catch (error) {
      state.consecutiveFailures++;
      state.lastError = error instanceof Error ? error.message : String(error);
      const retryAfter = error instanceof FeedFetchError ? error.retryAfterMs : null;
      const delay = nextDelayAfterFailure(intervalMs, state.consecutiveFailures, retryAfter, this.deps.random);
      state.nextPollAt = new Date(now.getTime() + delay).toISOString();
    }
    // The last poll to get here (the end of a cycle) saves at once: no other poll is still
    // fetching, so nothing else is coming for the snapshot to wait for, and the cycle ends when
    // the state is on disk. The polls already waiting for the snapshot share it.
    this.pollsBeforeSave--;
    if (this.pollsBeforeSave === 0) await this.deps.state.saveNow(spec.id);
    else await this.deps.state.save(spec.id);
  }

  /**
   * With a slot for the feed's host held (`release` ends it): fetches the feed, then writes and
   * announces its new or changed items; throws on failure.
   */
  private async fetchAndSend(spec: SourceSpec, state: SourcePollState, now: Date, url: string, release: () => void): Promise<void> {
    const needsFullFetch = !state.lastFullFetchAt || now.getTime() - Date.parse(state.lastFullFetchAt) >= FULL_FETCH_EVERY_MS;
    let result: FetchFeedResult;
    // Only the feed request holds the slot: enrichment below takes its own per page, so a
    // source can never wait on a slot it holds itself.
    try {
      // Not while many batches still wait for the disk: each is a feed's items in memory.
      // Asked with the slot held, so that fetching pauses until the disk catches up; the
      // outbox drains without slots, so this wait always ends.
      await this.deps.outbox.room();
      result = await this.deps.fetchFeed(url, {
        etag: needsFullFetch ? null : state.etag,
        lastModified: needsFullFetch ? null : state.lastModified,
        browserUserAgent: spec.browserUserAgent,
      }, spec);
    } finally {
      release();
    }
    state.etag = result.etag;
    state.lastModified = result.lastModified;
    // 301/308 move the source for good; 302/307 do not.
    if (result.permanentRedirectUrl) state.movedTo = result.permanentRedirectUrl;
    if (result.status !== 'ok') return;
    state.lastFullFetchAt = now.toISOString();
    const prints = new Map<string, string>();
    const fresh = this.newOrChanged(state, result.result.items, prints);
    if (fresh.length === 0) return;
    const batch: ItemBatch = new BatchRecord(
      // Time-ordered ids keep the outbox replay in poll order.
      `${now.getTime().toString().padStart(15, '0')}-${randomUUID()}`,
      spec.id,
      now.toISOString(),
      result.result.feed,
      await this.enriched(spec, fresh),
    );
    await this.deps.outbox.append(batch);
    this.remember(state, fresh, prints);
    this.deps.onBatch(batch);
  }

  private async enriched(spec: SourceSpec, items: FeedItem[]): Promise<FeedItem[]> {
    if (!this.deps.enrich) return items;
    try {
      const result = await this.deps.enrich(spec, items, (host, task) => this.limiter.run(host, task));
      return result.length === items.length ? result : items;
    } catch {
      return items;
    }
  }

  /** Fills `prints` with the fingerprint of every item it returns, for remember(). */
  private newOrChanged(state: SourcePollState, items: FeedItem[], prints: Map<string, string>): FeedItem[] {
    return items.filter((item) => {
      const print = fingerprint(item);
      if (state.sent.get(item.id) === print) return false;
      prints.set(item.id, print);
      return true;
    });
  }

  /** Fingerprints are of the feed's version of an item, so enrichment never makes it look changed. */
  private remember(state: SourcePollState, items: FeedItem[], prints: Map<string, string>): void {
    for (const item of items) {
      // Deleted first so that it moves to the end: the oldest are dropped below.
      state.sent.delete(item.id);
      state.sent.set(item.id, prints.get(item.id) ?? fingerprint(item));
    }
    let over = state.sent.size - SENT_FINGERPRINTS_KEPT;
    for (const id of state.sent.keys()) {
      if (over-- <= 0) break;
      state.sent.delete(id);
    }
  }

  private bump(sourceId: string): void {
    this.revisions.set(sourceId, (this.revisions.get(sourceId) ?? 0) + 1);
  }

  private statusOf(sourceId: string): SourceStatus {
    const state = this.deps.state.get(sourceId);
    return {
      sourceId,
      state: this.inFlight.has(sourceId) ? 'polling' : state.lastError ? 'error' : state.lastSuccessAt ? 'ok' : 'idle',
      lastSuccessAt: state.lastSuccessAt,
      lastAttemptAt: state.lastAttemptAt,
      lastError: state.lastError,
      nextPollAt: state.nextPollAt,
      movedTo: state.movedTo,
      revision: this.revisions.get(sourceId) ?? 0,
    };
  }
}

/**
 * SHA-1 of title, NUL, text, in base64, as fingerprints have always been (they are kept in the
 * poll state). One-shot: a Hash object per item cost more than hashing its text.
 */
function fingerprint(item: FeedItem): string {
  return hash('sha1', item.title + '\u0000' + item.text, 'base64');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A batch made with `new` rather than as a literal, so that V8 allocates it young (see ItemRecord in feeds/normalise.ts). */
class BatchRecord implements ItemBatch {
  constructor(
    public batchId: string,
    public sourceId: string,
    public fetchedAt: string,
    public feed: ItemBatch['feed'],
    public items: FeedItem[],
  ) {}
}
