import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchFeedOptions, FetchFeedResult } from '../feeds/fetchFeed';
import { FeedFetchError } from '../feeds/fetchFeed';
import type { FeedItem, ItemBatch, SourceSpec, SourceStatus } from '../../src-shared/model';
import { Outbox } from './outbox';
import { Poller, type PollerDeps } from './poller';
import { HostLimiter } from './limiter';
import { PollStateFile } from './pollState';

const source: SourceSpec = {
  id: 'zakon', name: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', kind: 'feed', language: 'ru', group: 'Казахстан',
  intervalMinutes: 15, enabled: true, browserUserAgent: false,
};

function item(id: string, title: string): FeedItem {
  return { id, guid: id, url: null, title, summary: '', contentHtml: '', text: title, author: null, publishedAt: '2026-02-26T12:45:00.000Z', categories: [], imageUrl: null, enclosures: [], language: 'ru' };
}

function ok(items: FeedItem[], etag: string | null = null): FetchFeedResult {
  return { status: 'ok', finalUrl: source.url, etag, lastModified: null, result: { feed: { title: 'Zakon.kz', url: source.url, siteUrl: null, format: 'rss', language: 'ru' }, items, warnings: [] } };
}

describe('Poller', () => {
  let dataDir: string;
  let now: Date;
  let batches: ItemBatch[];
  let statuses: SourceStatus[];
  let requests: FetchFeedOptions[];
  let answers: Array<FetchFeedResult | Error>;

  function makePoller(extra: Partial<PollerDeps> = {}) {
    const state = new PollStateFile(dataDir);
    const poller = new Poller({
      fetchFeed: async (_url, options) => {
        requests.push(options);
        const answer = answers.shift()!;
        if (answer instanceof Error) throw answer;
        return answer;
      },
      now: () => now,
      random: () => 0.5,
      outbox: new Outbox(dataDir),
      state,
      onBatch: (batch) => batches.push(batch),
      onStatus: (status) => statuses.push(status),
      ...extra,
    });
    poller.setSources([source]);
    return { poller, state };
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-poller-'));
    now = new Date('2026-02-26T13:00:00Z');
    batches = [];
    statuses = [];
    requests = [];
    answers = [];
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('writes new items to the outbox before announcing them, and sends only new or changed items', async () => {
    const { poller } = makePoller();
    answers.push(ok([item('a', 'Токаев и Вучич провели брифинг'), item('b', 'Вучич прилетел в Астану')], '"v1"'));
    await poller.poll('zakon');
    expect(batches).toHaveLength(1);
    expect(await new Outbox(dataDir).pending()).toEqual(batches);

    now = new Date('2026-02-26T13:20:00Z');
    answers.push(ok([item('a', 'Токаев и Вучич провели брифинг для СМИ'), item('b', 'Вучич прилетел в Астану')], '"v2"'));
    await poller.poll('zakon');
    expect(batches[1]!.items.map((i) => i.title)).toEqual(['Токаев и Вучич провели брифинг для СМИ']);
    expect(requests[1]!.etag).toBe('"v1"');
  });

  it('saves the state of a cycle\'s last poll at once instead of waiting out the interval between snapshots', async () => {
    const { poller, state } = makePoller();
    const saves: string[] = [];
    const save = state.save.bind(state);
    const saveNow = state.saveNow.bind(state);
    state.save = (...ids) => {
      saves.push('save');
      return save(...ids);
    };
    state.saveNow = (...ids) => {
      saves.push('saveNow');
      return saveNow(...ids);
    };
    const sources = Array.from({ length: 5 }, (_, i) => ({ ...source, id: `s${i}` }));
    poller.setSources(sources);
    for (let i = 0; i < sources.length; i++) answers.push(ok([item(`a${i}`, `Новость ${i}`)]));
    await poller.pollNow(null);
    expect(saves).toEqual(['save', 'save', 'save', 'save', 'saveNow']);
  });

  it('announces each batch only once it is on disk, also when many sources finish together', async () => {
    const onDiskAtAnnounce: boolean[] = [];
    const outboxDir = path.join(dataDir, 'outbox');
    const { poller } = makePoller({
      onBatch: (batch) => {
        // Read straight from the files, as a restart would: no Outbox, no waiting.
        const onDisk = readdirSync(outboxDir).filter((n) => n.endsWith('.json')).flatMap((name) => JSON.parse(readFileSync(path.join(outboxDir, name), 'utf8')) as ItemBatch[]);
        onDiskAtAnnounce.push(onDisk.some((b) => b.batchId === batch.batchId && b.items.length === batch.items.length));
        batches.push(batch);
      },
    });
    const sources = Array.from({ length: 12 }, (_, i) => ({ ...source, id: `s${i}` }));
    poller.setSources(sources);
    for (let i = 0; i < sources.length; i++) answers.push(ok([item(`a${i}`, `Новость ${i}`), item(`b${i}`, `Ещё новость ${i}`)]));
    await poller.pollNow(null);
    expect(batches).toHaveLength(12);
    expect(onDiskAtAnnounce).toEqual(Array(12).fill(true));
    expect(await new Outbox(dataDir).pending()).toHaveLength(12);
  });

  it('survives a restart: poll state and unacknowledged batches come back from disk', async () => {
    const first = makePoller();
    answers.push(ok([item('a', 'Токаев и Вучич провели брифинг')], '"v1"'));
    await first.poller.poll('zakon');

    const second = makePoller();
    await second.state.load();
    answers.push(ok([item('a', 'Токаев и Вучич провели брифинг')], '"v1"'));
    await second.poller.poll('zakon');
    expect(requests[1]!.etag).toBe('"v1"');
    expect(batches).toHaveLength(1); // the unchanged item is not sent again
    const pending = await new Outbox(dataDir).pending();
    expect(pending).toHaveLength(1);
    await new Outbox(dataDir).ack(pending[0]!.batchId);
    expect(await new Outbox(dataDir).pending()).toHaveLength(0);
  });

  it('does not send again what an earlier version already sent (same fingerprints in the saved state)', async () => {
    const { poller, state } = makePoller();
    const title = 'Токаев и Вучич провели брифинг';
    // The fingerprint as earlier versions wrote it: SHA-1 over title, NUL, text, base64.
    state.get('zakon').sent.set('a', createHash('sha1').update(title).update('\u0000').update(title).digest('base64'));
    answers.push(ok([item('a', title), item('b', 'Вучич прилетел в Астану')]));
    await poller.poll('zakon');
    expect(batches.map((b) => b.items.map((i) => i.id))).toEqual([['b']]);
  });

  it('reports a failure in words, backs off, and honours Retry-After', async () => {
    const { poller, state } = makePoller();
    answers.push(new FeedFetchError('HTTP 503 from www.zakon.kz', 503, 120_000));
    await poller.poll('zakon');
    const last = statuses.at(-1)!;
    expect(last.state).toBe('error');
    expect(last.lastError).toBe('HTTP 503 from www.zakon.kz');
    expect(state.get('zakon').nextPollAt).toBe('2026-02-26T13:02:00.000Z');

    answers.push(new FeedFetchError('Cannot reach www.zakon.kz: connect ECONNREFUSED'));
    await poller.poll('zakon');
    // Second failure in a row: 15 min × 2² with the jitter at its midpoint.
    expect(state.get('zakon').nextPollAt).toBe('2026-02-26T14:00:00.000Z');
    expect(batches).toHaveLength(0);
  });

  it('polls only sources that are due and enabled', async () => {
    const { poller } = makePoller();
    answers.push(ok([item('a', 'x')]));
    await poller.pollDue();
    await poller.pollDue(); // not due again for 15 minutes
    expect(requests).toHaveLength(1);
    poller.setSources([{ ...source, enabled: false }]);
    now = new Date('2026-02-26T14:00:00Z');
    await poller.pollDue();
    expect(requests).toHaveLength(1);
  });

  it('sends enriched items but remembers the feed version, so the next poll sends nothing again', async () => {
    const { poller } = makePoller({
      enrich: async (_source, items, runOnHost) => runOnHost('www.zakon.kz', async () => items.map((i) => ({ ...i, text: i.text + ' — полный текст статьи', offlineImages: { 'https://www.zakon.kz/a.jpg': 'f.jpg' } }))),
    });
    answers.push(ok([item('a', 'Токаев и Вучич провели брифинг')]));
    await poller.poll('zakon');
    expect(batches[0]!.items[0]).toMatchObject({ text: 'Токаев и Вучич провели брифинг — полный текст статьи', offlineImages: { 'https://www.zakon.kz/a.jpg': 'f.jpg' } });
    answers.push(ok([item('a', 'Токаев и Вучич провели брифинг')]));
    await poller.poll('zakon');
    expect(batches).toHaveLength(1);
  });

  it('sends the feed items as they came when enrichment fails', async () => {
    const { poller } = makePoller({ enrich: async () => { throw new Error('jsdom ran out of memory'); } });
    answers.push(ok([item('a', 'Токаев и Вучич провели брифинг')]));
    await poller.poll('zakon');
    expect(batches[0]!.items).toEqual([item('a', 'Токаев и Вучич провели брифинг')]);
    expect(statuses.at(-1)!.state).toBe('ok');
  });

  it('changes its concurrency limits at runtime', async () => {
    const { poller } = makePoller({ limits: { total: 4, perHost: 1 } });
    expect(poller.limits).toEqual({ total: 4, perHost: 1 });
    poller.setLimits({ perHost: 3 });
    expect(poller.limits).toEqual({ total: 4, perHost: 3 });
    expect(() => poller.setLimits({ total: 0 })).toThrow(RangeError);
  });
});

describe('HostLimiter', () => {
  it('holds requests to one host at the per-host limit and lets more run when the limit is raised', async () => {
    const limiter = new HostLimiter(10, 1);
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const task = () => limiter.run('www.zakon.kz', () => new Promise<void>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      releases.push(() => {
        running--;
        resolve();
      });
    }));
    const all = Promise.all([task(), task(), task()]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(running).toBe(1);
    limiter.setLimits({ perHost: 3 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(running).toBe(3);
    releases.forEach((release) => release());
    await all;
    expect(peak).toBe(3);
  });

  it('never runs more than the total limit across hosts, also after lowering it', async () => {
    const limiter = new HostLimiter(4, 2);
    let running = 0;
    let peak = 0;
    const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
    limiter.setLimits({ total: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((host) => limiter.run(host, async () => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
    })));
    expect(peak).toBe(2);
  });

  it('hands out slots with acquire; a slot is given back once however often it is released', async () => {
    const limiter = new HostLimiter(5, 1);
    const first = await limiter.acquire('www.zakon.kz');
    let second: (() => void) | null = null;
    const waiting = limiter.acquire('www.zakon.kz').then((release) => (second = release));
    await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBeNull();
    first();
    first();
    await waiting;
    expect(second).not.toBeNull();
    // The second release of the first slot did not free the one the second request holds.
    let third = false;
    const thirdWaiting = limiter.acquire('www.zakon.kz').then((release) => {
      third = true;
      release();
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBe(false);
    second!();
    await thirdWaiting;
    expect(third).toBe(true);
  });
});
