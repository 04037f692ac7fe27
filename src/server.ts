import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './http/app.js';
import { isOcsUrl } from './http/ocsHandler.js';
import { createMock, type MockOptions, type OcsMock } from './mock.js';

export interface ServerOptions extends MockOptions, AppOptions {
  /** Default 0: a free port (read it from `url`). */
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  mock: OcsMock;
  server: Server;
  close(): Promise<void>;
}

/** Starts a mock on node:http; OCS traffic goes straight to the pipeline, the rest through createApp. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const mock = await createMock(options);
  const app = createApp(mock, options);
  const server = createServer((req, res) => (isOcsUrl(req.url ?? '/') ? mock.handle(req, res) : app(req, res)));
  const host = options.host ?? '127.0.0.1';
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
    url: `http://${urlHost}:${port}`,
    mock,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
