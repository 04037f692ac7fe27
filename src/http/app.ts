import type { IncomingMessage, ServerResponse } from 'node:http';
import { createControlHandler, type ControlOptions } from '../control/router.js';
import { CONTROL_PREFIX } from '../control/routes.js';
import type { OcsMock } from '../mock.js';
import { writeStatus } from './statusPhp.js';

export interface AppOptions extends ControlOptions {
  /** false: no control API; /__admin answers 404 like any unknown path. Default true. */
  control?: boolean;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

function underControl(url: string): boolean {
  return url === CONTROL_PREFIX || url.startsWith(`${CONTROL_PREFIX}/`) || url.startsWith(`${CONTROL_PREFIX}?`);
}

/**
 * One mock as a node:http handler: status.php, the control API (WireMock-style, under /__admin)
 * and every OCS route. Mount it in express with `app.use(handler)`, or hand it to supertest.
 */
export function createApp(mock: OcsMock, options: AppOptions = {}): RequestHandler {
  let control: Promise<RequestHandler> | undefined;
  return (req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    if (path === '/status.php' && (req.method === 'GET' || req.method === 'HEAD')) return writeStatus(res, mock.profile.release, mock.scenarios.maintenance);
    if (options.control !== false && underControl(url)) {
      // express loads on the first control request: start-up and OCS traffic never pay for it.
      control ??= createControlHandler(mock, options);
      void control.then((handler) => handler(req, res));
      return;
    }
    mock.handle(req, res);
  };
}
