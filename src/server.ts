import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnswerQueue } from './http/answerQueue.js';
import { createApp, type AppOptions } from './http/app.js';
import { DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_MAX_CONNECTIONS, limitConnections } from './http/connectionLimits.js';
import { isOcsUrl } from './http/ocsHandler.js';
import { createMock, type MockOptions, type OcsMock } from './mock.js';
import type { ServedTls, TlsOptions } from './tls/options.js';

export interface ServerOptions extends MockOptions, AppOptions {
  /** Default 0: a free port (read it from `url`). */
  port?: number;
  host?: string;
  /** A connection that sends nothing, or does not read its answer, this long is closed (default 30 s). */
  idleTimeoutMs?: number;
  /** Connections open at once (default 500); one more is dropped. */
  maxConnections?: number;
  /** Serve HTTPS: `true` with a generated certificate, `{ names, dir }` to shape it, `{ cert, key }` (PEM) your own. */
  tls?: TlsOptions;
}

export interface RunningServer {
  url: string;
  mock: OcsMock;
  server: Server;
  /** With `tls`: the certificate served, its fingerprint, and the CA a client trusts. */
  tls?: ServedTls;
  close(): Promise<void>;
}

/**
 * Starts a mock on node:http; OCS traffic goes straight to the pipeline, the rest through createApp.
 * One answer at a time per connection, idle connections closed, connections capped (issue 11).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const mock = await createMock(options);
  const app = createApp(mock, options);
  const queue = new AnswerQueue((req, res) => (isOcsUrl(req.url ?? '/') ? mock.handle(req, res) : app(req, res)));
  const host = options.host ?? '127.0.0.1';
  // The certificate code loads only for HTTPS: plain starts stay lean.
  const https = options.tls
    ? (await import('./tls/httpsServer.js')).createHttpsServer(options.tls, host, queue.listener, mock.log, options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS)
    : undefined;
  const server: Server = https?.server ?? createServer(queue.listener);
  limitConnections(server, queue, mock.log, {
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  if (!options.cloudHost) mock.setCloudHost(`${urlHost}:${port}`);
  return {
    url: `${https ? 'https' : 'http'}://${urlHost}:${port}`,
    mock,
    server,
    ...(https ? { tls: https.served } : {}),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
