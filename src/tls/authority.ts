import { createPrivateKey, createPublicKey, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CA_CERT_FILE, CA_KEY_FILE } from './options.js';
import { TlsError } from './tlsError.js';
import { issueCertificate, type Issuer, type Subject } from './x509.js';


const DAY_MS = 86_400_000;
/** A development root lasts ten years: installed once on a device, it keeps working. */
const CA_DAYS = 3650;
/**
 * Server certificates: at most 397 days (Apple's and Chrome's limit for TLS server certificates), valid
 * from a day ago so a device or emulator whose clock is behind accepts them too.
 */
const SERVER_DAYS = 397;
const BACKDATE_MS = DAY_MS;

export interface Authority {
  issuer: Issuer;
  /** PEM of the CA certificate, what clients trust. */
  cert: string;
  /** Where the CA certificate is on disk, when kept in a directory. */
  certFile?: string;
}

/** P-256: generated in about a millisecond (RSA 2048 takes tens to hundreds) and accepted by every TLS client we reach. */
function newKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

function newAuthority(): Authority {
  const { privateKey, publicKey } = newKeyPair();
  const created = new Date();
  // A name per CA: several installed on one device (other machines, other runs) stay apart in its list.
  const subject: Subject = { organization: 'ocs-mock development CA', commonName: `ocs-mock CA ${hostname()} ${created.toISOString()}` };
  const issuer: Issuer = { subject, key: privateKey, publicKey };
  const cert = issueCertificate({
    subject,
    publicKey,
    issuer,
    notBefore: new Date(created.getTime() - BACKDATE_MS),
    notAfter: new Date(created.getTime() + CA_DAYS * DAY_MS),
    role: { ca: true },
  });
  return { issuer, cert };
}

function readKept(dir: string): Authority {
  const certFile = join(dir, CA_CERT_FILE);
  const keyFile = join(dir, CA_KEY_FILE);
  let certificate: X509Certificate;
  let key: KeyObject;
  try {
    certificate = new X509Certificate(readFileSync(certFile));
  } catch (error) {
    throw new TlsError('dir', `${certFile}: not a readable PEM certificate (${(error as Error).message})`);
  }
  try {
    key = createPrivateKey(readFileSync(keyFile));
  } catch (error) {
    throw new TlsError('dir', `${keyFile}: not a readable unencrypted PEM private key (${(error as Error).message})`);
  }
  if (!certificate.ca) throw new TlsError('dir', `${certFile} is not a CA certificate`);
  if (!certificate.checkPrivateKey(key)) throw new TlsError('dir', `${keyFile} is not the key of ${certFile}`);
  if (new Date(certificate.validTo).getTime() <= Date.now()) throw new TlsError('dir', `${certFile} expired on ${certificate.validTo}; delete both files for a new CA`);
  const subject = subjectOf(certificate);
  return { issuer: { subject, key, publicKey: createPublicKey(key) }, cert: certificate.toString(), certFile };
}

/** The organisation and common name of a CA we wrote (node's X509Certificate.subject: one `name=value` a line). */
function subjectOf(certificate: X509Certificate): Subject {
  const fields = new Map(certificate.subject.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  return { organization: fields.get('O') ?? '', commonName: fields.get('CN') ?? '' };
}

/**
 * The CA kept in `dir` (made there on first use), so a device trusts the server across restarts;
 * without a directory, a CA that lives as long as the process.
 */
export function authorityIn(dir: string | undefined): Authority {
  if (dir === undefined) return newAuthority();
  if (existsSync(join(dir, CA_CERT_FILE)) || existsSync(join(dir, CA_KEY_FILE))) return readKept(dir);
  const authority = newAuthority();
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // The key signs certificates a device trusts: only its owner may read it.
    writeFileSync(join(dir, CA_KEY_FILE), authority.issuer.key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    writeFileSync(join(dir, CA_CERT_FILE), authority.cert, { flag: 'wx' });
  } catch (error) {
    throw new TlsError('dir', `cannot keep the CA in ${dir} (${(error as Error).message})`);
  }
  return { ...authority, certFile: join(dir, CA_CERT_FILE) };
}

/** A fresh server key and a certificate for `names`, signed by the CA. */
export function issueServerCertificate(authority: Authority, names: readonly string[]): { cert: string; key: string } {
  const { privateKey, publicKey } = newKeyPair();
  const now = Date.now();
  const cert = issueCertificate({
    subject: { organization: 'ocs-mock', commonName: names[0] ?? 'localhost' },
    publicKey,
    issuer: authority.issuer,
    notBefore: new Date(now - BACKDATE_MS),
    notAfter: new Date(now + SERVER_DAYS * DAY_MS),
    role: { ca: false, names },
  });
  return { cert, key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}
