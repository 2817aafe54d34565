// Completing a certificate chain the way browsers do. Some servers (Akorda.kz among them) send
// only their own certificate and not the intermediate that issued it; browsers then fetch the
// issuer from the address the certificate itself names (Authority Information Access, "CA
// Issuers") and verify again. Node does not, so it reports UNABLE_TO_VERIFY_LEAF_SIGNATURE.
//
// What keeps this safe:
// - the server's certificate is read in a handshake that is closed before any request is sent;
// - the fetched certificate is used only if it really issued that certificate (names match and
//   its key verifies the signature) and is itself a CA within its validity period;
// - it is then only *offered* for chain building: the retried request verifies in full against
//   the trusted roots, so an intermediate that does not chain to a root still fails. Node's TLS
//   (OpenSSL, BoringSSL in Electron) does not treat a certificate in `ca` that is not self-signed
//   as a trust anchor unless told to accept partial chains, which this never does.
import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import tls from 'node:tls';

/** Verification errors that mean "the server left out an intermediate". */
export const MISSING_ISSUER_CODES = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);

/** A chain that could not be completed, in words for a press officer (the transport adds the host). */
export class IncompleteChainError extends Error {
  readonly code = 'INCOMPLETE_CERT_CHAIN';
  constructor(message: string) {
    super(message);
    this.name = 'IncompleteChainError';
  }
}

const MAX_ISSUER_BYTES = 64 * 1024;
const MAX_ISSUER_REDIRECTS = 3;

/** "CA Issuers" http URIs named by a certificate's Authority Information Access extension. */
export function caIssuerUrls(cert: X509Certificate): string[] {
  const access = cert.infoAccess ?? '';
  const urls: string[] = [];
  for (const match of access.matchAll(/CA Issuers - URI:(\S+)/g)) {
    // Only plain http: fetching an https issuer would need the very chain being repaired.
    if (match[1] && /^http:\/\//i.test(match[1])) urls.push(match[1]);
  }
  return urls;
}

/** Reads the certificate a TLS server presents, without verifying it and without sending anything. */
export function peerCertificate(host: string, port: number, servername: string | undefined, timeoutMs: number, signal?: AbortSignal): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, servername, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
    const finish = (error: Error | null, cert?: X509Certificate): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve(cert!);
    };
    const onAbort = (): void => finish(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    const timer = setTimeout(() => finish(new Error(`no TLS handshake within ${timeoutMs} ms`)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerX509Certificate();
      finish(cert ? null : new Error('the server presented no certificate'), cert);
    });
    socket.once('error', (error) => finish(error));
  });
}

function download(url: string, timeoutMs: number, redirectsLeft = MAX_ISSUER_REDIRECTS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: timeoutMs, headers: { accept: 'application/pkix-cert, application/x-x509-ca-cert, */*;q=0.5' } }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if ([301, 302, 303, 307, 308].includes(status) && location && redirectsLeft > 0) {
        response.resume();
        const next = new URL(location, url);
        if (next.protocol !== 'http:') {
          reject(new Error(`the issuer address ${url} redirects to a non-http address`));
          return;
        }
        download(next.href, timeoutMs, redirectsLeft - 1).then(resolve, reject);
        return;
      }
      if (status !== 200) {
        response.resume();
        reject(new Error(`the issuer address ${url} answered HTTP ${status}`));
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      response.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > MAX_ISSUER_BYTES) {
          request.destroy(new Error(`the issuer certificate at ${url} is larger than ${MAX_ISSUER_BYTES / 1024} KiB`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`the issuer address ${url} did not answer within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

/** Why `candidate` may not stand in as the issuer of `leaf`, or null when it may. */
export function issuerProblem(leaf: X509Certificate, candidate: X509Certificate, now: Date): string | null {
  if (!leaf.checkIssued(candidate) || !leaf.verify(candidate.publicKey)) return 'did not issue it';
  if (!candidate.ca) return 'is not a certificate authority';
  if (now.getTime() < Date.parse(candidate.validFrom) || now.getTime() > Date.parse(candidate.validTo)) return 'is outside its validity period';
  return null;
}

export interface IssuerFetcherOptions {
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * Finds, checks and remembers missing intermediates. Cached in memory by AIA address (many sites
 * share one intermediate) and by host, so later requests to that host offer it at once.
 */
export class IssuerCache {
  private readonly byUrl = new Map<string, Promise<X509Certificate>>();
  private readonly byHost = new Map<string, string[]>();

  constructor(private readonly options: IssuerFetcherOptions = {}) {}

  /** PEM intermediates already known to complete this host's chain. */
  knownFor(hostPort: string): string[] {
    return this.byHost.get(hostPort) ?? [];
  }

  /** The intermediate that issued `leaf`, checked; throws IncompleteChainError in words otherwise. */
  async issuerOf(leaf: X509Certificate, hostPort: string): Promise<string> {
    const urls = caIssuerUrls(leaf);
    if (urls.length === 0) throw new IncompleteChainError('its server sends an incomplete certificate chain and its certificate names no address for the missing issuer');
    const problems: string[] = [];
    for (const url of urls) {
      let candidate: X509Certificate;
      try {
        candidate = await this.fetchCertificate(url);
      } catch (error) {
        problems.push(`the issuer certificate at ${url} could not be read: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const problem = issuerProblem(leaf, candidate, this.options.now?.() ?? new Date());
      if (problem) {
        problems.push(`the certificate at ${url} (${candidate.subject.replace(/\n/g, ', ')}) ${problem}`);
        continue;
      }
      const pem = candidate.toString();
      this.byHost.set(hostPort, [...new Set([...this.knownFor(hostPort), pem])]);
      return pem;
    }
    throw new IncompleteChainError(`its server sends an incomplete certificate chain, and ${problems.join('; ')}`);
  }

  private fetchCertificate(url: string): Promise<X509Certificate> {
    let pending = this.byUrl.get(url);
    if (!pending) {
      pending = download(url, this.options.timeoutMs ?? 10_000).then((bytes) => {
        try {
          // X509Certificate reads DER and PEM alike.
          return new X509Certificate(bytes);
        } catch {
          throw new Error('it is neither a DER nor a PEM certificate');
        }
      });
      // A failure is not cached: the next poll may find the address working again.
      pending.catch(() => this.byUrl.delete(url));
      this.byUrl.set(url, pending);
    }
    return pending;
  }
}
