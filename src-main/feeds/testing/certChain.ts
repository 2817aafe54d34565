// A throwaway PKI for TLS tests, made with the openssl command line (node:crypto can verify
// certificates but not issue them): root -> intermediate -> leaf for 127.0.0.1, whose AIA
// "CA Issuers" address is chosen by the test, plus a forged "intermediate" with the real one's
// name but its own key.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestChain {
  rootPem: string;
  intermediatePem: string;
  intermediateDer: Buffer;
  forgedDer: Buffer;
  leafPem: string;
  leafKeyPem: string;
}

export function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function makeTestChain(aiaUrl: string | null): TestChain {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'presswatch-pki-'));
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
  try {
    writeFileSync(path.join(dir, 'ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
    writeFileSync(
      path.join(dir, 'leaf.ext'),
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\nauthorityKeyIdentifier=keyid\n' +
        (aiaUrl ? `authorityInfoAccess=caIssuers;URI:${aiaUrl}\n` : ''),
    );
    run('req', '-x509', ...ec, '-keyout', 'root.key', '-out', 'root.pem', '-days', '30', '-subj', '/CN=PressWatch Test Root', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    run('req', ...ec, '-keyout', 'inter.key', '-out', 'inter.csr', '-subj', '/CN=PressWatch Test Intermediate');
    run('x509', '-req', '-in', 'inter.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', '2', '-days', '30', '-extfile', 'ca.ext', '-out', 'inter.pem');
    run('req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1');
    run('x509', '-req', '-in', 'leaf.csr', '-CA', 'inter.pem', '-CAkey', 'inter.key', '-set_serial', '3', '-days', '30', '-extfile', 'leaf.ext', '-out', 'leaf.pem');
    // Same name as the real intermediate, another key: what an attacker controlling the AIA address could serve.
    run('req', '-x509', ...ec, '-keyout', 'forged.key', '-out', 'forged.pem', '-days', '30', '-subj', '/CN=PressWatch Test Intermediate', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    run('x509', '-in', 'inter.pem', '-outform', 'DER', '-out', 'inter.der');
    run('x509', '-in', 'forged.pem', '-outform', 'DER', '-out', 'forged.der');
    return {
      rootPem: read('root.pem'),
      intermediatePem: read('inter.pem'),
      intermediateDer: readFileSync(path.join(dir, 'inter.der')),
      forgedDer: readFileSync(path.join(dir, 'forged.der')),
      leafPem: read('leaf.pem'),
      leafKeyPem: read('leaf.key'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
