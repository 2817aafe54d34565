// Never lost: the host process is killed (SIGKILL) between "batch written to the outbox" and
// "renderer acknowledged it", and the renderer goes away before storing. Every item arrives, once.
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sampleSources, startSampleFeedServer, type SampleFeedServer } from '../src-main/demo/sampleFeedServer';

const root = path.resolve(import.meta.dirname, '..');
const TOTAL_SAMPLE_ITEMS = '21 материал';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `presswatch serve` as its own process, so that it can really be killed. */
async function startHostProcess(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the program in a child process, which a
  // SIGKILL of the parent would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src-main', 'cli', 'index.ts'), 'serve', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${errors}`)));
  });
  return { child, url };
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/**
 * Ids of the batches on disk and not acknowledged, read from the files as a restart reads them.
 * A file holds every batch of one group commit; acknowledgements of part of a file are lines of
 * acked.log until the whole file goes.
 */
async function outboxBatches(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, 'outbox');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
  const acked = new Set((await readFile(path.join(dir, 'acked.log'), 'utf8').catch(() => '')).split('\n'));
  const ids: string[] = [];
  for (const name of names) {
    const content = JSON.parse(await readFile(path.join(dir, name), 'utf8').catch(() => '[]')) as Array<{ batchId: string }> | { batchId: string };
    for (const batch of Array.isArray(content) ? content : [content]) if (!acked.has(batch.batchId)) ids.push(batch.batchId);
  }
  return ids;
}

async function waitReady(page: Page): Promise<void> {
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
}

test.describe('never lost', () => {
  let feeds: SampleFeedServer;
  let dataDir: string;
  let args: string[];
  let host: { child: ChildProcess; url: string } | null = null;

  test.beforeEach(async () => {
    feeds = await startSampleFeedServer(path.join(root, 'resources', 'sample-feeds'));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-crash-'));
    const sourcesFile = path.join(dataDir, 'sources.json');
    await writeFile(sourcesFile, JSON.stringify(sampleSources(feeds.baseUrl)));
    args = ['--port', String(await freePort()), '--data', dataDir, '--token', 'crash-test', '--sources', sourcesFile];
  });
  test.afterEach(async () => {
    if (host) await kill(host.child);
    host = null;
    await feeds.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('the host killed before acknowledgement: batches come again and are stored once', async ({ page }) => {
    host = await startHostProcess(args);
    // The renderer stores every batch but its acknowledgements never arrive.
    await page.route('**/api/outbox.ack', (route) => route.abort());
    await page.goto(host.url);
    await waitReady(page);
    await expect(page.getByTestId('item-count')).toHaveText(TOTAL_SAMPLE_ITEMS);
    await kill(host.child);
    expect(await outboxBatches(dataDir)).toHaveLength(7);

    host = await startHostProcess(args);
    await page.unroute('**/api/outbox.ack');
    await page.reload();
    await waitReady(page);
    await expect(page.getByTestId('item-count')).toHaveText(TOTAL_SAMPLE_ITEMS);
    await expect.poll(() => outboxBatches(dataDir)).toHaveLength(0);
  });

  test('the renderer gone before storing and the host killed: every item arrives at the next start', async ({ page, context }) => {
    host = await startHostProcess(args);
    // This renderer hears of no batch: no events, and an empty outbox at start.
    await page.route('**/api/events**', (route) => route.abort());
    await page.route('**/api/outbox.pending', (route) => route.fulfill({ json: { result: [] } }));
    await page.goto(host.url);
    await waitReady(page);
    await expect.poll(() => outboxBatches(dataDir)).toHaveLength(7);
    await expect(page.getByTestId('item-count')).toHaveText('0 материалов');
    await page.close();
    await kill(host.child);

    host = await startHostProcess(args);
    const next = await context.newPage();
    await next.goto(host.url);
    await waitReady(next);
    await expect(next.getByTestId('item-count')).toHaveText(TOTAL_SAMPLE_ITEMS);
    await expect.poll(() => outboxBatches(dataDir)).toHaveLength(0);
  });
});
