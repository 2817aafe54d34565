// presswatch poll: the poller without the app. New items go to a JSON-lines file; the same
// durable outbox as the app's guarantees that a killed run loses nothing and writes nothing twice.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { defaultFeedDeps, fetchFeed } from '../feeds/fetchFeed';
import { htmlListFor } from '../sources/htmlPresets';
import { createEnricher } from '../extract/enrich';
import { ImageStore } from '../images/imageStore';
import { Outbox } from '../poller/outbox';
import { Poller } from '../poller/poller';
import { PollStateFile } from '../poller/pollState';
import { parseSourceFile } from '../sources/sourceFile';
import type { ItemBatch, SourceSpec, SourceStatus } from '../../src-shared/model';

export interface PollCommandOptions {
  sourcesFile: string;
  stateDir: string;
  once: boolean;
  outFile: string | null;
  log: (line: string) => void;
}

/** Batch ids already in the output file: a batch replayed after a crash is not written again. */
async function deliveredBatchIds(outFile: string | null): Promise<Set<string>> {
  if (!outFile) return new Set();
  try {
    const text = await readFile(outFile, 'utf8');
    return new Set(text.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { batchId: string }).batchId));
  } catch {
    return new Set();
  }
}

export async function runPoll(options: PollCommandOptions): Promise<void> {
  const specs: SourceSpec[] = parseSourceFile(await readFile(options.sourcesFile, 'utf8'));
  await mkdir(options.stateDir, { recursive: true });
  const outbox = new Outbox(options.stateDir);
  const state = new PollStateFile(options.stateDir);
  await state.load();
  const delivered = await deliveredBatchIds(options.outFile);
  const newCounts = new Map<string, number>();

  let queue = Promise.resolve();
  const deliver = (batch: ItemBatch) => {
    queue = queue.then(async () => {
      if (options.outFile && !delivered.has(batch.batchId)) {
        const lines = batch.items.map((item) => JSON.stringify({ batchId: batch.batchId, sourceId: batch.sourceId, ...item }));
        await appendFile(options.outFile, lines.join('\n') + '\n');
        delivered.add(batch.batchId);
      }
      newCounts.set(batch.sourceId, (newCounts.get(batch.sourceId) ?? 0) + batch.items.length);
      await outbox.ack(batch.batchId);
    });
  };
  for (const batch of await outbox.pending()) deliver(batch);

  const names = new Map(specs.map((spec) => [spec.id, spec.name]));
  const describe = (status: SourceStatus): string => {
    const name = names.get(status.sourceId) ?? status.sourceId;
    if (status.lastError) return `${name}: error: ${status.lastError}; next attempt ${status.nextPollAt ?? 'now'}`;
    return `${name}: ok, ${newCounts.get(status.sourceId) ?? 0} new; next poll ${status.nextPollAt ?? 'now'}`;
  };
  const poller = new Poller({
    fetchFeed: (url, fetchOptions, source) => fetchFeed(url, { ...fetchOptions, htmlList: htmlListFor(source) }, defaultFeedDeps),
    now: defaultFeedDeps.now,
    random: Math.random,
    outbox,
    state,
    onBatch: deliver,
    enrich: createEnricher({ images: new ImageStore(options.stateDir) }),
    onStatus: (status) => {
      if (status.state === 'polling') return;
      // Printed after the batch is written, so the count is right.
      void queue.then(() => options.log(describe(status)));
    },
  });
  poller.setSources(specs);
  if (options.once) {
    const now = Date.now();
    for (const spec of specs) {
      const next = state.get(spec.id).nextPollAt;
      if (!spec.enabled) options.log(`${spec.name}: disabled`);
      else if (next && Date.parse(next) > now) options.log(`${spec.name}: not due until ${next}`);
    }
    await poller.pollDue();
    await queue;
    return;
  }
  poller.start();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  poller.stop();
  await queue;
}
