import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { RequestLog } from '../observe/requestLog.js';
import type { ServedTls, TlsOptions } from './options.js';
import { prepareTls } from './prepare.js';

/** What a failed handshake usually means for the person at the client (OpenSSL's error codes as node names them). */
const HINTS: Record<string, string> = {
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: 'the client does not trust the certificate: install the CA certificate on it',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the client does not trust the certificate: install the CA certificate on it',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'the client does not trust the certificate: install the CA certificate on it',
  ERR_SSL_HTTP_REQUEST: 'plain HTTP sent to the HTTPS port: use an https:// URL',
};

/** A handshake that fails is a line in the request log (a phone refusing the certificate says so only here). */
function logHandshakeFailures(server: Server, log: RequestLog): void {
  server.on('tlsClientError', (error: NodeJS.ErrnoException, socket) => {
    const address = socket.remoteAddress;
    const remote = address === undefined ? 'unknown' : `${address.includes(':') ? `[${address}]` : address}:${socket.remotePort ?? '?'}`;
    const hint = error.code === undefined ? undefined : HINTS[error.code];
    log.connection('closed', remote, `TLS handshake failed (${error.code ?? error.message})${hint ? `: ${hint}` : ''}`);
  });
}

/**
 * An HTTPS server for the listener, with the given certificate or one generated for `host`; a
 * client that opens a connection and never completes the handshake is dropped after `handshakeTimeoutMs`.
 */
export function createHttpsServer(
  options: TlsOptions,
  host: string,
  listener: (req: IncomingMessage, res: ServerResponse) => void,
  log: RequestLog,
  handshakeTimeoutMs: number,
): { server: Server; served: ServedTls } {
  const tls = prepareTls(options, host);
  const server = createServer({ cert: tls.cert, key: tls.key, handshakeTimeout: handshakeTimeoutMs }, listener);
  logHandshakeFailures(server, log);
  return { server, served: tls.served };
}
