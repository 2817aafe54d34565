// The default transport: node:http/https directly, because a poller needs what fetch() hides:
// a real connect timeout (separate from a slow server), and decompression of gzip, deflate and
// br even when the server compresses without being asked. It speaks just enough of fetch()
// (a Response with a streamed body, redirects left to the caller) to stay swappable in tests.
import http from 'node:http';
import https from 'node:https';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

export interface FeedFetchInit {
  headers: Record<string, string>;
  signal: AbortSignal;
  /** Always 'manual': fetchFeed counts and reports redirects itself. */
  redirect: 'manual';
  method?: 'GET';
  /** Honoured by this transport; a plain fetch() falls back on its own (undici: 10 s). */
  connectTimeoutMs?: number;
}

export class ConnectTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`connect timeout after ${timeoutMs} ms`);
    this.name = 'ConnectTimeoutError';
  }
}

function decompressor(encoding: string): Transform | null {
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'deflate':
      return createDeflateDecoder();
    default:
      return null;
  }
}

/** "deflate" is zlib-wrapped per the RFC but raw from some servers; the first byte tells which. */
class DeflateDecoder extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inner) {
      const inner = ((chunk[0] ?? 0) & 0x0f) === 0x08 ? zlib.createInflate() : zlib.createInflateRaw();
      inner.on('data', (data: Buffer) => this.push(data));
      inner.on('error', (error) => this.destroy(error));
      this.inner = inner;
    }
    this.inner.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inner) {
      callback();
      return;
    }
    this.inner.once('end', () => callback());
    this.inner.end();
  }
}

function createDeflateDecoder(): Transform {
  return new DeflateDecoder();
}

export function nodeFetch(url: string, init: FeedFetchInit): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
    if (!client) {
      reject(new Error(`unsupported protocol ${target.protocol}`));
      return;
    }
    if (init.signal.aborted) {
      reject(init.signal.reason);
      return;
    }
    const request = client.request(target, { method: 'GET', headers: init.headers, signal: init.signal });
    let connectTimer: NodeJS.Timeout | null = null;
    request.on('socket', (socket) => {
      if (!init.connectTimeoutMs || !socket.connecting) return;
      connectTimer = setTimeout(() => request.destroy(new ConnectTimeoutError(init.connectTimeoutMs ?? 0)), init.connectTimeoutMs);
      socket.once('connect', () => {
        if (connectTimer) clearTimeout(connectTimer);
      });
    });
    request.on('error', (error) => {
      if (connectTimer) clearTimeout(connectTimer);
      reject(error);
    });
    request.on('response', (incoming) => {
      if (connectTimer) clearTimeout(connectTimer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      const status = incoming.statusCode ?? 0;
      const bodyless = status === 204 || status === 304 || (status >= 100 && status < 200);
      let body: Readable = incoming;
      const encoding = headers.get('content-encoding');
      const decoder = encoding && !bodyless ? decompressor(encoding) : null;
      if (decoder) {
        incoming.on('error', (error) => decoder.destroy(error));
        decoder.on('error', () => incoming.destroy());
        body = incoming.pipe(decoder);
        // The Response below carries decoded bytes, so it must not claim an encoding.
        headers.delete('content-encoding');
        headers.delete('content-length');
      }
      if (bodyless) incoming.resume();
      try {
        resolve(new Response(bodyless ? null : (Readable.toWeb(body) as ReadableStream<Uint8Array>), { status: status < 200 || status > 599 ? 502 : status, headers }));
      } catch (error) {
        incoming.destroy();
        reject(error);
      }
    });
    request.end();
  });
}
