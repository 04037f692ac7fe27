import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { authorityIn, issueServerCertificate } from './authority.js';
import { certificateNames } from './names.js';
import { isGiven, type GivenTlsOptions, type ServedTls, type TlsOptions } from './options.js';
import { TlsError } from './tlsError.js';

/** What node's TLS server is started with, and what is reported about it. */
export interface PreparedTls {
  cert: string;
  key: string;
  served: ServedTls;
}

/** `DNS:localhost, IP Address:127.0.0.1` -> the names. */
function namesOf(certificate: X509Certificate): string[] {
  return (certificate.subjectAltName ?? '')
    .split(', ')
    .filter((entry) => entry !== '')
    .map((entry) => entry.slice(entry.indexOf(':') + 1));
}

function given(options: GivenTlsOptions): PreparedTls {
  let certificate: X509Certificate;
  let key: KeyObject;
  try {
    certificate = new X509Certificate(options.cert);
  } catch (error) {
    throw new TlsError('cert', `not a PEM certificate (${(error as Error).message})`);
  }
  try {
    key = createPrivateKey(options.key);
  } catch (error) {
    throw new TlsError('key', `not an unencrypted PEM private key (${(error as Error).message})`);
  }
  if (!certificate.checkPrivateKey(key)) throw new TlsError('key', 'is not the private key of the certificate');
  if (new Date(certificate.validTo).getTime() <= Date.now()) throw new TlsError('cert', `expired on ${certificate.validTo}`);
  const served: ServedTls = { cert: options.cert.toString(), fingerprint256: certificate.fingerprint256, names: namesOf(certificate), validTo: new Date(certificate.validTo).toISOString() };
  return { cert: options.cert.toString(), key: options.key.toString(), served };
}

/** The certificate and key to serve: the given ones checked, or a new certificate for the host and names. */
export function prepareTls(options: TlsOptions, host: string): PreparedTls {
  if (isGiven(options)) return given(options);
  const generated = options === true ? {} : options;
  const names = certificateNames(host, generated.names);
  const authority = authorityIn(generated.dir);
  const server = issueServerCertificate(authority, names);
  const certificate = new X509Certificate(server.cert);
  // The server's certificate alone: a client trusts the CA, which it holds already (RFC 8446 4.4.2 lets the root be left out).
  return {
    cert: server.cert,
    key: server.key,
    served: {
      cert: server.cert,
      fingerprint256: certificate.fingerprint256,
      names,
      validTo: new Date(certificate.validTo).toISOString(),
      ca: authority.cert,
      caFingerprint256: new X509Certificate(authority.cert).fingerprint256,
      ...(authority.certFile === undefined ? {} : { caFile: authority.certFile }),
    },
  };
}
