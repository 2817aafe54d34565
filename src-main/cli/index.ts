// presswatch <command>: fetch a feed, poll sources, or serve the app to a browser.
// stdout carries only the command's output (JSON for fetch --json); messages go to stderr.
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultFeedDeps, fetchFeed } from '../feeds/fetchFeed';
import { startSampleFeedServer, sampleSources } from '../demo/sampleFeedServer';
import { appVersion, rendererBuildDir, sampleFeedsDir } from '../paths';
import { createService } from '../service';
import { builtInSources } from '../sources/defaults';
import { startWebHost } from '../web/server';
import { parseSourceFile } from '../sources/sourceFile';
import { filterByQuery } from './feedQuery';
import { runPoll } from './poll';

const usage = `Usage:
  presswatch fetch <url> [--json] [--query "<q>"]
  presswatch poll --sources <file.opml|file.json> --state <dir> [--once] [--out items.jsonl]
  presswatch serve [--port N] [--data DIR] [--sources <file.opml|file.json>]
  presswatch demo [--port N] [--data DIR]`;

async function commandPoll(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { sources: { type: 'string' }, state: { type: 'string' }, once: { type: 'boolean', default: false }, out: { type: 'string' } },
  });
  if (!values.sources || !values.state) throw new Error('poll needs --sources <file> and --state <dir>');
  await runPoll({
    sourcesFile: values.sources,
    stateDir: values.state,
    once: values.once ?? false,
    outFile: values.out ?? null,
    log: (line) => process.stdout.write(line + '\n'),
  });
  return 0;
}

function defaultDataDir(): string {
  return process.env.PRESSWATCH_DATA ?? path.join(os.homedir(), '.presswatch');
}

async function commandFetch(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, query: { type: 'string' } },
  });
  const url = positionals[0];
  if (!url) throw new Error('fetch needs a URL');
  const result = await fetchFeed(url, {}, defaultFeedDeps);
  if (result.status !== 'ok') throw new Error(`${url}: 304 Not Modified without validators`);
  const { feed, items } = result.result;
  const kept = values.query ? filterByQuery(values.query, feed, items) : items;
  if (values.json) {
    process.stdout.write(JSON.stringify({ feed, items: kept }, null, 2) + '\n');
  } else {
    process.stdout.write(`${feed.title} (${feed.format}, ${kept.length} items)\n`);
    for (const item of kept) process.stdout.write(`${item.publishedAt}  ${item.title}\n`);
  }
  return 0;
}

async function serve(argv: string[], demo: boolean): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, data: { type: 'string' }, token: { type: 'string' }, sources: { type: 'string' } },
  });
  const dataDir = values.data ?? (demo ? path.join(os.tmpdir(), `presswatch-demo-${process.pid}`) : defaultDataDir());
  mkdirSync(dataDir, { recursive: true });
  let defaultSources = values.sources ? parseSourceFile(readFileSync(values.sources, 'utf8')) : builtInSources;
  let closeSamples: (() => Promise<void>) | null = null;
  if (demo) {
    const samples = await startSampleFeedServer(sampleFeedsDir);
    defaultSources = sampleSources(samples.baseUrl);
    closeSamples = samples.close;
    process.stderr.write(`Sample feeds served at ${samples.baseUrl}\n`);
  }
  const service = createService({ dataDir, host: 'web', version: appVersion, defaultSources });
  await service.start();
  const host = await startWebHost({
    service,
    rendererDir: rendererBuildDir,
    dataDir,
    port: values.port ? Number(values.port) : 0,
    token: values.token,
  });
  process.stderr.write(`PressWatch ${demo ? 'demo ' : ''}is running. Data folder: ${dataDir}\nOpen this address in your browser (Ctrl+C stops):\n`);
  process.stdout.write(host.openUrl + '\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  service.stop();
  await host.close();
  await closeSamples?.();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'fetch':
      return commandFetch(rest);
    case 'poll':
      return commandPoll(rest);
    case 'serve':
      return serve(rest, false);
    case 'demo':
      return serve(rest, true);
    default:
      process.stderr.write(usage + '\n');
      return command === undefined || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`presswatch: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
