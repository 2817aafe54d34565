// From starting the browser host to the first painted list of 1,000 stored items.
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../src-main/service';
import { startWebHost } from '../src-main/web/server';
import { report } from './harness';
import { generateRss, referenceSentences } from './sampleCorpus';
import { chromiumLaunchOptions } from '../e2e/chromium';

export async function benchStartupPaint(root: string): Promise<void> {
  const count = 1000;
  const rss = generateRss(count, referenceSentences(root));
  const feedServer = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(rss);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  const feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/rss.xml`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-bench-'));
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-bench-profile-'));
  const sources = [{ id: 'bench', name: 'Bench', url: feedUrl, kind: 'feed' as const, language: 'ru', group: '', intervalMinutes: 60, enabled: true, browserUserAgent: false }];
  const rendererDir = path.join(root, 'out', 'renderer');
  const context = await chromium.launchPersistentContext(profileDir, { ...chromiumLaunchOptions(), viewport: { width: 1400, height: 860 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const countText = page.getByTestId('item-count');
  try {
    // First start: poll the feed and store its 1,000 items.
    let service = createService({ dataDir, host: 'web', version: 'bench', defaultSources: sources, tickMs: 3_600_000 });
    await service.start();
    let host = await startWebHost({ service, rendererDir, token: 'bench' });
    const port = Number(new URL(host.url).port);
    await page.goto(host.openUrl);
    await countText.filter({ hasText: String(count) }).waitFor({ timeout: 60_000 });
    service.stop();
    await host.close();
    await page.goto('about:blank');

    // Second start on the same origin: the items come from IndexedDB alone.
    const started = performance.now();
    service = createService({ dataDir, host: 'web', version: 'bench', defaultSources: sources, tickMs: 3_600_000 });
    await service.start();
    host = await startWebHost({ service, rendererDir, token: 'bench', port });
    await page.goto(host.openUrl);
    await countText.filter({ hasText: String(count) }).waitFor({ timeout: 60_000 });
    await page.getByTestId('item-row').first().waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    report({ name: 'startup_to_first_list_paint', value: Math.round(performance.now() - started), unit: 'ms', items: count, host: 'browser' });
    service.stop();
    await host.close();
  } finally {
    await context.close();
    feedServer.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
}
