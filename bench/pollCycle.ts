// One poll cycle, run in a child process by bench/feeds.ts so that its memory figure is the
// poller's own and not the benchmark server's. Prints one JSON line on stdout.
//   node --import tsx bench/pollCycle.ts <mode> <sources.json>
//   mode 'poller': the real Poller, fetchFeed and durable outbox, as the app runs them, with each
//     batch acknowledged as the renderer acknowledges it;
//   mode 'bare': fetch() + rss-parser parseString at the same total concurrency, nothing kept.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Parser from 'rss-parser';
import type { SourceSpec } from '../src-shared/model';
import { defaultFeedDeps, fetchFeed } from '../src-main/feeds/fetchFeed';
import { createEnricher } from '../src-main/extract/enrich';
import { ImageStore } from '../src-main/images/imageStore';
import { Outbox } from '../src-main/poller/outbox';
import { Poller } from '../src-main/poller/poller';
import { PollStateFile } from '../src-main/poller/pollState';

export interface PollCycleOutput {
  mode: 'poller' | 'bare';
  ms: number;
  items: number;
  failures: number;
  rssBytes: number;
  rssAfterGcBytes: number;
  heapUsedBytes: number;
}

interface Input {
  urls: string[];
  total: number;
  perHost: number;
}

type Memory = Pick<PollCycleOutput, 'rssBytes' | 'rssAfterGcBytes' | 'heapUsedBytes'>;

/** Taken while the poller (or parser) is still alive, as it would be in the app after a cycle. */
function memory(): Memory {
  const rssBytes = process.memoryUsage().rss;
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  return { rssBytes, rssAfterGcBytes: after.rss, heapUsedBytes: after.heapUsed };
}

async function runPoller(input: Input): Promise<PollCycleOutput> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-bench-poll-'));
  try {
    const state = new PollStateFile(dataDir);
    const outbox = new Outbox(dataDir);
    let items = 0;
    let failures = 0;
    const acks: Array<Promise<void>> = [];
    // As the renderer does when it connects: it asks for what is pending, then acknowledges each
    // batch once stored (src-renderer/sync/connectService.ts), so the outbox empties as it goes.
    await outbox.pending();
    const poller = new Poller({
      fetchFeed: (url, options) => fetchFeed(url, options, defaultFeedDeps),
      now: () => new Date(),
      random: Math.random,
      outbox,
      state,
      onBatch: (batch) => {
        items += batch.items.length;
        // The renderer's acknowledgement comes back over IPC after its transaction: later.
        acks.push(new Promise((resolve) => setImmediate(resolve)).then(() => outbox.ack(batch.batchId)));
      },
      onStatus: (status) => {
        if (status.state === 'error') failures++;
      },
      limits: { total: input.total, perHost: input.perHost },
      // As the app runs it; the bench feeds carry no images and no source asks for full text.
      enrich: createEnricher({ images: new ImageStore(dataDir) }),
    });
    const specs: SourceSpec[] = input.urls.map((url, i) => ({
      id: `s${i}`, name: `Source ${i}`, url, kind: 'feed', language: 'ru', group: 'Bench', intervalMinutes: 15, enabled: true, browserUserAgent: false,
    }));
    poller.setSources(specs);
    const start = performance.now();
    await poller.pollDue();
    await Promise.all(acks);
    const ms = performance.now() - start;
    const used = memory();
    poller.stop();
    return { mode: 'poller', ms, items, failures, ...used };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function runBare(input: Input): Promise<PollCycleOutput> {
  const parser = new Parser();
  let next = 0;
  let items = 0;
  let failures = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: input.total }, async () => {
      for (let i = next++; i < input.urls.length; i = next++) {
        try {
          const response = await fetch(input.urls[i]!);
          const feed = await parser.parseString(await response.text());
          items += feed.items.length;
        } catch {
          failures++;
        }
      }
    }),
  );
  const ms = performance.now() - start;
  return { mode: 'bare', ms, items, failures, ...memory() };
}

const [mode, inputFile] = process.argv.slice(2);
const input = JSON.parse(await readFile(inputFile ?? '', 'utf8')) as Input;
const output = mode === 'bare' ? await runBare(input) : await runPoller(input);
process.stdout.write(JSON.stringify(output) + '\n');
