// The default transport: node:http/https directly, because a poller needs what fetch() hides:
// a real connect timeout (separate from a slow server), and decompression of gzip, deflate and
// br even when the server compresses without being asked. It speaks just enough of fetch()
// (a Response with a streamed body, redirects left to the caller) to stay swappable in tests.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import tls from 'node:tls';
import zlib from 'node:zlib';
import { IssuerCache, MISSING_ISSUER_CODES, peerCertificate } from './issuers';

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

export interface TransportOptions {
  /** Trusted in addition to Node's bundled roots (a test's own root, an office proxy's CA). */
  extraRoots?: string[];
  /**
   * When a server leaves out its intermediate certificate, fetch it from the address its
   * certificate names and verify again, as browsers do (see issuers.ts). Default on.
   */
  completeChains?: boolean;
  /** Shared so that every request of the app learns a host's intermediate once. */
  issuers?: IssuerCache;
}

/** The node:http/https transport; `nodeFetch` below is the app's instance. */
export function createNodeFetch(options: TransportOptions = {}): (url: string, init: FeedFetchInit) => Promise<Response> {
  const issuers = options.issuers ?? new IssuerCache();
  const extraRoots = options.extraRoots ?? [];
  const trusted = (intermediates: string[]): string[] | undefined =>
    extraRoots.length + intermediates.length > 0 ? [...tls.rootCertificates, ...extraRoots, ...intermediates] : undefined;

  return async (url, init) => {
    const target = new URL(url);
    const hostPort = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`;
    const known = target.protocol === 'https:' ? issuers.knownFor(hostPort) : [];
    try {
      return await requestOnce(target, init, trusted(known));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
      if (target.protocol !== 'https:' || options.completeChains === false || !MISSING_ISSUER_CODES.has(code) || init.signal.aborted) throw error;
      const hostname = target.hostname.replace(/^\[|\]$/g, '');
      const leaf = await peerCertificate(hostname, Number(target.port || 443), net.isIP(hostname) ? undefined : hostname, init.connectTimeoutMs ?? 10_000, init.signal);
      const intermediate = await issuers.issuerOf(leaf, hostPort);
      // Verification stays fully on: the intermediate is only offered for building the chain.
      return requestOnce(target, init, trusted([...new Set([...known, intermediate])]));
    }
  };
}

function requestOnce(target: URL, init: FeedFetchInit, ca: string[] | undefined): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
    if (!client) {
      reject(new Error(`unsupported protocol ${target.protocol}`));
      return;
    }
    if (init.signal.aborted) {
      reject(init.signal.reason);
      return;
    }
    const request = client.request(target, { method: 'GET', headers: init.headers, signal: init.signal, ...(ca ? { ca } : {}) });
    let connectTimer: NodeJS.Timeout | null = null;
    request.on('socket', (socket) => {
      if (!init.connectTimeoutMs || !socket.connecting) return;
      connectTimer = setTimeout(() => request.destroy(new ConnectTimeoutError(init.connectTimeoutMs ?? 0)), init.connectTimeoutMs);
      // For https the TLS handshake belongs to connecting: a server that accepts the socket and
      // then says nothing is as unreachable as one that never answers.
      socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
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

export const nodeFetch = createNodeFetch();
