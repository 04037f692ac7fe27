/** The files of a kept CA in its directory: the certificate to install on clients (.crt: what Android's installer lists), and its key. */
export const CA_CERT_FILE = 'ca.crt';
export const CA_KEY_FILE = 'ca.key';

/** A certificate generated at start, signed by a CA that is generated too or kept in `dir`. */
export interface GeneratedTlsOptions {
  /** More names for the certificate (a LAN address or host name a phone uses), beyond the defaults and the listening host. */
  names?: string[];
  /** Keep the CA here (ca.crt, ca.key; made on first use) so clients trust the server across restarts. */
  dir?: string;
}

/** A certificate and key of your own (PEM text); `cert` may be a chain, the server's certificate first. */
export interface GivenTlsOptions {
  cert: string | Buffer;
  key: string | Buffer;
}

/** `true`: HTTPS with a generated certificate (the CA lives as long as the server). */
export type TlsOptions = true | GeneratedTlsOptions | GivenTlsOptions;

/** What a running HTTPS server serves, and what a client needs to trust it. */
export interface ServedTls {
  /** The certificate served, PEM (a given chain as given). */
  cert: string;
  /** SHA-256 of the server's certificate, colon hex as browsers and `openssl x509 -fingerprint -sha256` show it. */
  fingerprint256: string;
  /** The names the server's certificate is valid for (its subject alternative names). */
  names: string[];
  /** When the server's certificate expires (ISO 8601). */
  validTo: string;
  /** The generated CA, PEM: install it on a client (or pass it as `ca`) to trust the server. Absent for a given certificate. */
  ca?: string;
  /** SHA-256 of the generated CA certificate, colon hex. */
  caFingerprint256?: string;
  /** Where the CA certificate is kept (with `dir`). */
  caFile?: string;
}

export function isGiven(options: TlsOptions): options is GivenTlsOptions {
  return options !== true && 'cert' in options;
}
