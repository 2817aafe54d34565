import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed, type FeedDeps } from './fetchFeed';
import { createNodeFetch } from './httpTransport';
import { FAULT_FEED } from './testing/faultServer';
import { makeTestChain, opensslAvailable, type TestChain } from './testing/certChain';

const NOW = new Date('2026-02-26T12:55:00Z');
const hasOpenssl = opensslAvailable();

describe.skipIf(!hasOpenssl)('TLS chains the server leaves incomplete (AIA "CA Issuers")', () => {
  let chain: TestChain;
  let aia: http.Server;
  let aiaUrl: string;
  let serveForged = false;
  const aiaHits: string[] = [];
  let tlsServer: https.Server;
  let feedUrl: string;
  let httpRequests = 0;
  let connections = 0;

  beforeAll(async () => {
    aia = http.createServer((req, res) => {
      aiaHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/pkix-cert' });
      res.end(serveForged ? chain.forgedDer : chain.intermediateDer);
    });
    await new Promise<void>((resolve) => aia.listen(0, '127.0.0.1', resolve));
    aiaUrl = `http://127.0.0.1:${(aia.address() as AddressInfo).port}/intermediate.cer`;
    chain = makeTestChain(aiaUrl);
    // The server sends its own certificate only, like akorda.kz.
    tlsServer = https.createServer({ key: chain.leafKeyPem, cert: chain.leafPem }, (_req, res) => {
      httpRequests++;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(FAULT_FEED);
    });
    tlsServer.on('connection', () => connections++);
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    feedUrl = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}/feed.xml`;
  }, 30_000);
  afterAll(async () => {
    tlsServer.closeAllConnections();
    await new Promise((resolve) => tlsServer.close(resolve));
    await new Promise((resolve) => aia.close(resolve));
  });

  const deps = (fetch: FeedDeps['fetch']): FeedDeps => ({ fetch, now: () => NOW });
  const reset = async (): Promise<void> => {
    aiaHits.length = 0;
    httpRequests = 0;
    connections = 0;
    tlsServer.closeAllConnections();
    // Let the client see its kept-alive sockets close, so each test starts with a new connection.
    await new Promise((resolve) => setTimeout(resolve, 50));
  };

  it('fails in words without chain completion, even with the root trusted', async () => {
    await reset();
    const fetch = createNodeFetch({ extraRoots: [chain.rootPem], completeChains: false });
    await expect(fetchFeed(feedUrl, {}, deps(fetch))).rejects.toThrow(/^Cannot trust 127\.0\.0\.1:\d+: its server sends an incomplete certificate chain$/);
    expect(httpRequests).toBe(0);
  });

  it('fetches the missing intermediate, checks it and verifies the chain in full, sending the request only then', async () => {
    await reset();
    serveForged = false;
    const fetch = createNodeFetch({ extraRoots: [chain.rootPem] });
    const result = await fetchFeed(feedUrl, {}, deps(fetch));
    expect(result.status === 'ok' && result.result.items[0]?.title).toBe('Токаев и Вучич провели брифинг');
    // The refused connection, the one that only reads the certificate, then the verified one:
    // three connections, one request.
    expect(connections).toBe(3);
    expect(httpRequests).toBe(1);
    expect(aiaHits).toEqual(['/intermediate.cer']);

    // The intermediate is remembered for the host: the next fetch verifies at the first try.
    await reset();
    await fetchFeed(feedUrl, {}, deps(fetch));
    expect(aiaHits).toEqual([]);
    expect(connections).toBe(1);
  });

  it('still refuses when the completed chain ends at a root nobody trusts', async () => {
    await reset();
    serveForged = false;
    const fetch = createNodeFetch();
    await expect(fetchFeed(feedUrl, {}, deps(fetch))).rejects.toThrow(/^Cannot trust 127\.0\.0\.1:\d+: its TLS certificate is not issued by a known authority$/);
    expect(httpRequests).toBe(0);
  });

  it('refuses a forged intermediate that did not issue the certificate, saying so', async () => {
    await reset();
    serveForged = true;
    const fetch = createNodeFetch({ extraRoots: [chain.rootPem] });
    const error = await fetchFeed(feedUrl, {}, deps(fetch)).then(() => null, (e: unknown) => e);
    expect(String(error)).toMatch(/Cannot trust 127\.0\.0\.1:\d+: its server sends an incomplete certificate chain, and the certificate at http:\/\/127\.0\.0\.1:\d+\/intermediate\.cer \(CN=PressWatch Test Intermediate\) did not issue it$/);
    expect(httpRequests).toBe(0);
    serveForged = false;
  });
});

describe('connect timeout', () => {
  it('covers the TLS handshake: a server that accepts the socket and says nothing times out as unreachable', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/feed.xml`;
    try {
      const started = Date.now();
      await expect(fetchFeed(url, { connectTimeoutMs: 300, progressTimeoutMs: 5_000, totalTimeoutMs: 10_000 }, { fetch: createNodeFetch(), now: () => NOW })).rejects.toThrow(/^Timed out connecting to 127\.0\.0\.1:\d+ after 0\.3 s$/);
      // Well before the progress limit would have fired.
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(sockets.size).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
