import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMAGE_FILE_NAME } from './images/imageStore';
import { createService } from './service';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

describe("service 'images.keep' (a clipping's pictures)", () => {
  let dataDir: string;
  let server: http.Server;
  let base: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-service-'));
    server = http.createServer((request, response) => {
      if (request.url === '/photo.png') response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else if (request.url === '/logo.svg') response.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      else if (request.url === '/fake.png') response.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><p>not a picture</p>');
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps a picture in the image store and names the file; anything else is null', async () => {
    const service = createService({ dataDir, host: 'web', version: 'test', defaultSources: [] });
    const name = await service.handlers['images.keep'](`${base}/photo.png`);
    expect(name).toMatch(IMAGE_FILE_NAME);
    expect(await service.handlers['images.keep'](`${base}/logo.svg`)).toBeNull();
    expect(await service.handlers['images.keep'](`${base}/fake.png`)).toBeNull();
    expect(await service.handlers['images.keep'](`${base}/missing.png`)).toBeNull();
  });
});
