import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../service';
import { CONTENT_SECURITY_POLICY, startWebHost, type WebHost } from './server';

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

describe('browser host', () => {
  let dir: string;
  let host: WebHost;
  const sources = [{ id: 'zakon', name: 'Zakon.kz', url: 'https://www.zakon.kz/rss/', kind: 'feed' as const, language: 'ru', group: '', intervalMinutes: 15, enabled: true, browserUserAgent: false }];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-web-'));
    await mkdir(path.join(dir, 'renderer'));
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>PressWatch</title>');
    const service = createService({ dataDir: dir, host: 'web', version: 'test', defaultSources: sources });
    host = await startWebHost({ service, rendererDir: path.join(dir, 'renderer'), token: 'secret-token' });
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
});
