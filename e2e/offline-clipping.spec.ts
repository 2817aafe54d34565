// A clipping keeps its images in the database: with the outlet gone and the browser offline,
// the clipped article still shows its photo, from the clipping's own copy.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { expect, test } from './fixtures';

/** A solid-colour PNG of the given size: a real image, not a 1×1 tracking pixel. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x35)]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

const title = 'Фото: Тоқаев пен Вучич Ақордада';

async function startOutlet(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const photo = png(64, 48);
  const server = http.createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url === '/photo.png') {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': photo.length });
      response.end(photo);
    } else if (request.url === '/rss.xml') {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      response.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Фотохроника</title><link>${base}/</link>
<item><title>${title}</title><link>${base}/photo-story</link><guid>photo-1</guid><pubDate>Thu, 26 Feb 2026 15:00:00 +0500</pubDate>
<description><![CDATA[<p>Мемлекет басшысы Сербия Президентін қарсы алды.</p><p><img src="${base}/photo.png" width="64" height="48" alt="Ақорда"></p>]]></description></item>
</channel></rss>`);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('reads a clipping with its photo after the network is gone', async ({ app }) => {
  const { page } = app;
  const outlet = await startOutlet();
  try {
    await page.getByLabel('Адрес ленты или сайта').fill(`${outlet.baseUrl}/rss.xml`);
    await page.getByRole('button', { name: 'Добавить' }).click();
    await page.getByTestId('item-row').filter({ hasText: title }).click();
    const photo = page.getByTestId('reader-body').getByRole('img', { name: 'Ақорда' });
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);

    await page.getByRole('button', { name: '✂ В вырезки' }).click();
    const dialog = page.getByRole('dialog', { name: /Вырезка/ });
    await dialog.getByLabel('Заметка').fill('Фото для сводки');
    await dialog.getByRole('button', { name: 'Сохранить вырезку' }).click();
    await expect(page.getByTestId('notice').filter({ hasText: 'Сохранена 1 вырезка' })).toBeVisible();
  } finally {
    await outlet.close();
  }
  await app.stopFeeds();
  await page.context().setOffline(true);
  await expect(page.getByTestId('offline-badge')).toBeVisible();

  // Open something else, then the clipping again from the clippings view: a fresh render offline.
  await page.getByRole('button', { name: 'Вырезки', exact: true }).click();
  await expect(page.getByTestId('item-row')).toHaveCount(1);
  await page.getByTestId('item-row').click();
  await expect(page.getByTestId('clipping-note')).toContainText('Фото для сводки');
  const kept = page.getByTestId('reader-body').getByRole('img', { name: 'Ақорда' });
  await expect(kept).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => kept.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1))).toBe(64);
  await page.context().setOffline(false);
});
