import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, IMAGE_CONTENT_SECURITY_POLICY } from '../web/server';
import { createAppProtocolHandler, type ProtocolHandler } from './protocol';

describe('the app:// protocol', () => {
  let dir: string;
  let handle: ProtocolHandler;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await mkdir(path.join(dir, 'data', 'images'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>PressWatch</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'index.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'data', 'images', 'zakon-1.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    await writeFile(path.join(dir, 'data', 'state.json'), '{"secret":true}');
    handle = createAppProtocolHandler({ rendererDir: path.join(dir, 'renderer'), imagesDir: path.join(dir, 'data', 'images') });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // Node's Request refuses app: URLs; the handler only reads the URL, so the tests build one
  // whose .url says app:.
  const request = (url: string, method = 'GET') => ({ url, method }) as Request;

  it('serves the renderer with the Content-Security-Policy', async () => {
    const page = await handle(request('app://presswatch/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>PressWatch</title>');
    const root = await handle(request('app://presswatch/'));
    expect(await root.text()).toContain('<title>PressWatch</title>');
    const script = await handle(request('app://presswatch/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside the renderer', async () => {
    for (const url of ['app://presswatch/../data/state.json', 'app://presswatch/%2E%2E/data/state.json', 'app://presswatch/..%2Fdata%2Fstate.json', 'app://presswatch/%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
      const response = await handle(request(url));
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('secret');
    }
    expect((await handle(request('app://presswatch/%E0%A4%A'))).status).toBe(400);
  });

  it('answers only its own host and only reads', async () => {
    expect((await handle(request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await handle(request('app://presswatch/index.html', 'POST'))).status).toBe(405);
  });

  it('serves offline images from the image store by plain names only, sandboxed', async () => {
    const image = await handle(request('app://presswatch/images/zakon-1.jpg'));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('content-security-policy')).toBe(IMAGE_CONTENT_SECURITY_POLICY);
    expect((await handle(request('app://presswatch/images/missing.png'))).status).toBe(404);
    for (const name of ['..%2Fstate.json', '..%5Cstate.json', 'a%2Fb.png', '%20x.png', 'x%00.png']) {
      const response = await handle(request(`app://presswatch/images/${name}`));
      expect(response.status, name).toBeGreaterThanOrEqual(400);
      expect(await response.text(), name).not.toContain('secret');
    }
  });

  it('serves nothing for another scheme routed to it by mistake', async () => {
    expect((await handle(request('http://presswatch/index.html'))).status).toBe(404);
  });
});
