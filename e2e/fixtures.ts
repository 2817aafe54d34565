// One fixture gives every spec a running PressWatch: sample feeds on a loopback server, and the
// app either in Chromium against the browser host or in Electron. Specs do not know which.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSampleFeedServer, sampleSources, type SampleFeedServer } from '../src-main/demo/sampleFeedServer';
import { createService } from '../src-main/service';
import { startWebHost } from '../src-main/web/server';
import { launchElectronOrSkip } from './electronApp';

const root = path.resolve(import.meta.dirname, '..');
const feedsDir = path.join(root, 'resources', 'sample-feeds');

export interface RunningApp {
  page: Page;
  feeds: SampleFeedServer;
  /** The sample feed server's address, valid even after it was stopped. */
  feedsBaseUrl: string;
  /** Takes the feed server away: the "network is gone" for every source. */
  stopFeeds(): Promise<void>;
}

export const test = base.extend<{ app: RunningApp }>({
  app: async ({ browser }, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-e2e-'));
    const feeds = await startSampleFeedServer(feedsDir);
    let feedsStopped = false;
    const stopFeeds = async () => {
      if (!feedsStopped) await feeds.close();
      feedsStopped = true;
    };
    const sources = sampleSources(feeds.baseUrl);
    try {
      if (testInfo.project.name === 'electron') {
        const electronApp = await launchElectronOrSkip(dataDir, sources, 'these specs ran in Chromium against the browser host instead.');
        if (!electronApp) return;
        const page = await electronApp.firstWindow();
        await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
        await use({ page, feeds, feedsBaseUrl: feeds.baseUrl, stopFeeds });
        await electronApp.close();
      } else {
        const service = createService({ dataDir, host: 'web', version: 'test', defaultSources: sources, tickMs: 60_000 });
        await service.start();
        const host = await startWebHost({ service, rendererDir: path.join(root, 'out', 'renderer'), dataDir });
        const page = await browser.newPage();
        await page.goto(host.openUrl);
        await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
        await use({ page, feeds, feedsBaseUrl: feeds.baseUrl, stopFeeds });
        await page.context().close();
        service.stop();
        await host.close();
      }
    } finally {
      await stopFeeds();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
