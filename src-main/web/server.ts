// The browser host: the built renderer plus the same service over HTTP (POST /api/<method>) and
// server-sent events (GET /api/events). Loopback only, and every API request must carry the
// session token printed with the URL, so other local users and web pages cannot drive it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApiError, isApiMethod, parseApiArgs, type ApiHandlers } from '../../src-shared/api';
import type { Service } from '../service';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Offline copies come from 'self' (the image store) or blob: (a clipping's images, kept in the
  // database; only the app's own code can mint a blob: URL); live images from the outlets' http(s)
  // addresses. No data: URLs: nothing the app draws needs them, and they let markup smuggle bytes.
  "img-src 'self' blob: http: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy for a stored image opened on its own (not inside the app): an SVG from a feed must
 * not run script in the app's origin, so the document is sandboxed and may load nothing.
 */
export const IMAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** File names in the offline image store: one path segment, no way up or sideways. */
export const IMAGE_NAME = /^[A-Za-z0-9._-]+$/;

export function isImageName(name: string): boolean {
  return IMAGE_NAME.test(name) && name !== '.' && name !== '..';
}

const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

export function contentTypeFor(fileName: string): string {
  return contentTypes[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export interface WebHostOptions {
  service: Service;
  /** Folder with the built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  host?: string;
  token?: string;
  /** The data folder: its images/ subfolder is the offline image store served under /images/. */
  dataDir?: string;
}

export interface WebHost {
  url: string;
  /** The address to open, with the session token in its fragment (never sent to the server). */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const bindHost = options.host ?? '127.0.0.1';
  const sseClients = new Set<http.ServerResponse>();
  const unsubscribe = options.service.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = http.createServer((request, response) => {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    const port = (server.address() as AddressInfo).port;
    if (!isOwnHost(request.headers.host, port)) return refuse(response, 421, 'Unknown Host header');
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, port)) return refuse(response, 403, 'Cross-origin request refused');
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      const given = request.headers['x-presswatch-token'] ?? url.searchParams.get('token') ?? '';
      if (!tokensEqual(String(given), token)) return refuse(response, 401, 'Missing or wrong session token');
      if (url.pathname === '/api/events' && request.method === 'GET') return openEventStream(response, sseClients);
      if (request.method !== 'POST') return refuse(response, 405, 'Use POST');
      return void handleApiCall(url.pathname.slice('/api/'.length), request, response, options.service.handlers);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed');
    if (url.pathname.startsWith('/images/')) {
      // No token here: an <img> cannot send a header, and the Host check above already keeps
      // other sites (and rebinding names) from reading the store.
      if (!options.dataDir) return refuse(response, 404, 'Not found');
      return void serveImage(path.join(options.dataDir, 'images'), url.pathname.slice('/images/'.length), response);
    }
    return void serveStatic(options.rendererDir, url.pathname, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://${bindHost}:${port}/`;
  return {
    url: base,
    openUrl: `${base}#token=${token}`,
    token,
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  // Refusing foreign Host names defeats DNS rebinding: evil.example resolving to 127.0.0.1.
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}` || hostHeader === `[::1]:${port}`;
}

function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}` || origin === `http://[::1]:${port}`;
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(response: http.ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ error: message }));
}

function openEventStream(response: http.ServerResponse, clients: Set<http.ServerResponse>): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  clients.add(response);
  response.on('close', () => clients.delete(response));
}

async function handleApiCall(
  method: string,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  handlers: ApiHandlers,
): Promise<void> {
  if (!isApiMethod(method)) return refuse(response, 404, `No such method: ${method}`);
  let body = '';
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_REQUEST_BYTES) return refuse(response, 413, 'Request too large');
      body += (chunk as Buffer).toString('utf8');
    }
    const args = parseApiArgs(method, body.length > 0 ? JSON.parse(body) : []);
    const handler = handlers[method] as (...a: unknown[]) => Promise<unknown>;
    const result = await handler(...(args as unknown[]));
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ result: result ?? null }));
  } catch (error) {
    const status = error instanceof ApiError || error instanceof SyntaxError ? 400 : 500;
    refuse(response, status, error instanceof Error ? error.message : String(error));
  }
}

async function serveImage(imagesDir: string, encodedName: string, response: http.ServerResponse): Promise<void> {
  let name: string;
  try {
    name = decodeURIComponent(encodedName);
  } catch {
    return refuse(response, 400, 'Bad image name');
  }
  if (!isImageName(name)) return refuse(response, 400, 'Bad image name');
  const filePath = path.join(imagesDir, name);
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return refuse(response, 404, 'Not found');
    response.writeHead(200, {
      'content-type': contentTypeFor(name),
      'content-length': info.size,
      'content-security-policy': IMAGE_CONTENT_SECURITY_POLICY,
      'cache-control': 'private, max-age=3600',
    });
    createReadStream(filePath).pipe(response);
  } catch {
    refuse(response, 404, 'Not found');
  }
}

async function serveStatic(rootDir: string, pathname: string, response: http.ServerResponse): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return refuse(response, 400, 'Bad path');
  }
  const filePath = path.resolve(rootDir, '.' + relative);
  if (!filePath.startsWith(path.resolve(rootDir) + path.sep)) return refuse(response, 403, 'Forbidden');
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return refuse(response, 404, 'Not found');
    response.writeHead(200, {
      'content-type': contentTypeFor(filePath),
      'content-length': info.size,
      'cache-control': relative === '/index.html' ? 'no-cache' : 'public, max-age=3600',
    });
    createReadStream(filePath).pipe(response);
  } catch {
    refuse(response, 404, 'Not found');
  }
}
