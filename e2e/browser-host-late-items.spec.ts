// The list when the database starts empty and the first items arrive after it is on screen
// (a first start, a slow outlet): the items must appear without a reload. A thousand of them,
// so that reading the list takes long enough for a late first-page read to overtake it.
// It starts its own browser host, so it runs in the Chromium project only (see playwright.config).
import { expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../src-main/service';
import { startWebHost } from '../src-main/web/server';

const root = path.resolve(import.meta.dirname, '..');

test('items that arrive after the empty list is shown appear in it', async ({ browser }) => {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const items = Array.from({ length: 1000 }, (_, i) => `<item><title>Поздняя новость ${i + 1}</title><guid>late-${i}</guid><link>https://example.kz/${i}</link><pubDate>${new Date(Date.UTC(2026, 1, 26) - i * 60_000).toUTCString()}</pubDate><description>Текст ${i + 1}</description></item>`);
  const outlet = http.createServer(async (_request, response) => {
    await released; // the outlet answers only once the app shows its empty list
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Медленное издание</title>${items.join('')}</channel></rss>`);
  });
  await new Promise<void>((resolve) => outlet.listen(0, '127.0.0.1', resolve));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-late-'));
  const url = `http://127.0.0.1:${(outlet.address() as AddressInfo).port}/rss.xml`;
  const service = createService({
    dataDir, host: 'web', version: 'test', tickMs: 60_000,
    defaultSources: [{ id: 'slow', name: 'Медленное издание', url, kind: 'feed', language: 'ru', group: '', intervalMinutes: 15, enabled: true, browserUserAgent: false }],
  });
  await service.start();
  const host = await startWebHost({ service, rendererDir: path.join(root, 'out', 'renderer'), dataDir });
  const page = await browser.newPage();
  try {
    await page.goto(host.openUrl);
    await expect(page.getByTestId('item-count')).toHaveText('0 материалов');
    release();
    await expect(page.getByTestId('item-count')).toHaveText('1000 материалов');
    await expect(page.getByTestId('item-row').first()).toContainText('Поздняя новость');
  } finally {
    release();
    await page.close();
    service.stop();
    await host.close();
    outlet.closeAllConnections();
    await new Promise<void>((resolve) => outlet.close(() => resolve()));
    await rm(dataDir, { recursive: true, force: true });
  }
});
