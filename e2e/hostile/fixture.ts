// The real path for hostile feeds: a loopback outlet serving the vectors -> the app's poller and
// feed engine (createService) -> the browser host -> the renderer's Dexie store -> display in
// Chromium. Everything the page does that a vector could cause is recorded: dialogs (alert is
// the vectors' proof of execution), navigations, popups, requests, CSP violations.
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../src-main/service';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { startHostileServer, type HostileServer } from './hostileFeeds';

export interface Observed {
  dialogs: string[];
  popups: string[];
  /** Main-frame URLs the page went to after it first loaded. */
  navigations: string[];
  requests: Array<{ url: string; type: string }>;
  pageErrors: string[];
}

export interface HostileApp {
  page: Page;
  hostile: HostileServer;
  host: WebHost;
  observed: Observed;
  /** CSP violations the page reported (collected by an init script). */
  cspViolations(): Promise<string[]>;
}

const root = path.resolve(import.meta.dirname, '..', '..');

export const test = base.extend<{ hostileApp: HostileApp }>({
  hostileApp: async ({ browser }, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-hostile-'));
    const hostile = await startHostileServer();
    const service = createService({ dataDir, host: 'web', version: 'test', defaultSources: hostile.sources, tickMs: 60_000 });
    await service.start();
    const host = await startWebHost({ service, rendererDir: path.join(root, 'out', 'renderer'), dataDir });
    const context = await browser.newContext();
    const observed: Observed = { dialogs: [], popups: [], navigations: [], requests: [], pageErrors: [] };
    const page = await context.newPage();
    // Any page after the first is a window a vector opened.
    context.on('page', (popup) => observed.popups.push(popup.url()));
    await page.addInitScript(() => {
      const violations: string[] = [];
      Object.defineProperty(window, '__cspViolations', { value: violations });
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`.trim());
      });
    });
    page.on('dialog', (dialog) => {
      observed.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('request', (request: Request) => observed.requests.push({ url: request.url(), type: request.resourceType() }));
    page.on('pageerror', (error) => observed.pageErrors.push(error.message));
    try {
      await page.goto(host.openUrl);
      await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) observed.navigations.push(frame.url());
      });
      await use({
        page,
        hostile,
        host,
        observed,
        cspViolations: () => page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]),
      });
    } finally {
      await context.close();
      service.stop();
      await host.close();
      await hostile.close();
      // The poller may still be writing a batch it fetched just before stop().
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    }
  },
});

export { expect };
