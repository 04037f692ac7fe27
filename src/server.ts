import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isOcsUrl } from './http/ocsHandler.js';
import { createMock, type MockOptions, type OcsMock } from './mock.js';

export interface ServerOptions extends MockOptions {
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  mock: OcsMock;
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts a mock on node:http. OCS traffic goes straight to the pipeline; express only hosts the
 * control API, since it costs most of a request's time (see DESIGN.md).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const mock = await createMock(options);
  // express loads on the first control-API request, keeping it off start-up.
  let controlApp: Promise<(req: IncomingMessage, res: ServerResponse) => void> | undefined;
  const control = (req: IncomingMessage, res: ServerResponse) => {
    controlApp ??= import('./http/app.js').then(({ createApp }) => createApp(mock));
    controlApp.then((app) => app(req, res)).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  };
  const server = createServer((req, res) => (isOcsUrl(req.url ?? '/') ? mock.handle(req, res) : control(req, res)));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
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
