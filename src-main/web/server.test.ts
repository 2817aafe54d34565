import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../service';
import { CONTENT_SECURITY_POLICY, IMAGE_CONTENT_SECURITY_POLICY, startWebHost, type WebHost } from './server';

/** Raw HTTP, so tests can send the Host and Origin headers a browser or an attacker would. */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('browser host', () => {
  let dir: string;
  let host: WebHost;
  const sources = [{ id: 'zakon', name: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', kind: 'feed' as const, language: 'ru', group: '', intervalMinutes: 15, enabled: true, browserUserAgent: false }];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-web-'));
    await mkdir(path.join(dir, 'renderer'));
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>PressWatch</title>');
    await mkdir(path.join(dir, 'images'));
    await writeFile(path.join(dir, 'images', 'akorda-1.png'), PNG_BYTES);
    await writeFile(path.join(dir, 'images', 'drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await writeFile(path.join(dir, 'secret.json'), '{"token":"do not serve"}');
    const service = createService({ dataDir: dir, host: 'web', version: 'test', defaultSources: sources });
    host = await startWebHost({ service, rendererDir: path.join(dir, 'renderer'), token: 'secret-token', dataDir: dir });
  });
  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  const call = (method: string, args: unknown[], headers: Record<string, string> = { 'x-presswatch-token': 'secret-token' }) =>
    request(`${host.url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });

  it('listens on loopback only and prints the token in the fragment, not the path', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.openUrl).toBe(`${host.url}#token=secret-token`);
  });

  it('answers API calls that carry the session token', async () => {
    const response = await call('app.info', []);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).result).toMatchObject({ name: 'PressWatch', host: 'web', defaultSources: sources });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await call('app.info', [], {})).status).toBe(401);
    expect((await call('app.info', [], { 'x-presswatch-token': 'secret-tokeN' })).status).toBe(401);
    expect((await request(`${host.url}api/events`)).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (cross-site request)', async () => {
    expect((await call('app.info', [], { 'x-presswatch-token': 'secret-token', host: 'evil.example' })).status).toBe(421);
    expect((await call('app.info', [], { 'x-presswatch-token': 'secret-token', origin: 'https://evil.example' })).status).toBe(403);
  });

  it('validates arguments against the contract and says what is wrong', async () => {
    const response = await call('sources.sync', [[{ ...sources[0], url: 'javascript:alert(1)' }]]);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toMatch(/Invalid call to sources\.sync \(argument 0\.0\.url\): must be an http\(s\) address/);
    expect((await call('no.such.method', [])).status).toBe(404);
  });

  it('serves the renderer with the Content-Security-Policy and never a file outside it', async () => {
    const page = await request(host.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect((await request(`${host.url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(403);
  });

  it('sends the Content-Security-Policy with every response, refusals included', async () => {
    for (const response of [await request(`${host.url}no-such-file.js`), await call('app.info', [], {}), await request(`${host.url}api/events`)]) {
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('pins a policy that allows no inline script, eval, frames or foreign scripts', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'blob:', 'http:', 'https:']);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*/);
  });

  it('serves offline images without the token but only to its own Host, and only from the image store', async () => {
    const image = await request(`${host.url}images/akorda-1.png`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await request(`${host.url}images/akorda-1.png`, { headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await request(`${host.url}images/missing.png`)).status).toBe(404);
    for (const name of ['..%2Fsecret.json', '..%2F..%2Fsecret.json', 'a%2Fb.png', '..%5Csecret.json', '%E0%A4%A', 'x%00.png']) {
      const response = await request(`${host.url}images/${name}`);
      expect(response.status, name).toBeGreaterThanOrEqual(400);
      expect(response.body, name).not.toContain('do not serve');
    }
  });

  it('serves a stored SVG in a sandbox, so a script inside it cannot run in the app\u2019s origin', async () => {
    const svg = await request(`${host.url}images/drawing.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-security-policy']).toBe(IMAGE_CONTENT_SECURITY_POLICY);
    expect(IMAGE_CONTENT_SECURITY_POLICY).toMatch(/(^|; )sandbox($|;)/);
    expect(IMAGE_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it('survives a malformed percent-encoding in a path', async () => {
    expect((await request(`${host.url}%E0%A4%A`)).status).toBe(400);
    expect((await call('app.info', [])).status).toBe(200);
  });
});

describe('browser host without a data folder', () => {
  it('has no image store to serve', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-web-'));
    const service = createService({ dataDir: dir, host: 'web', version: 'test', defaultSources: [] });
    const host = await startWebHost({ service, rendererDir: dir });
    try {
      expect((await request(`${host.url}images/a.png`)).status).toBe(404);
    } finally {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
