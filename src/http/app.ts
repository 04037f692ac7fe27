import type { IncomingMessage, ServerResponse } from 'node:http';
import { ControlError, writeControlError } from '../control/answers.js';
import type { ControlOptions } from '../control/router.js';
import { CONTROL_PREFIX } from '../control/prefix.js';
import type { OcsMock } from '../mock.js';
import { SESSION_HEADER, selectSession, sessionPrefix } from '../sessions/select.js';
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
 * and every OCS route, each also below /session/<id> for the session it names. Mount it in express
 * with `app.use(handler)`, or hand it to supertest.
 */
export function createApp(mock: OcsMock, options: AppOptions = {}): RequestHandler {
  let control: Promise<RequestHandler> | undefined;
  return (req, res) => {
    const url = req.url ?? '/';
    // OCS URLs keep the prefix: it is part of the web root the client sees (see ocsHandler).
    const inner = sessionPrefix(url)?.rest ?? url;
    const path = inner.split('?')[0];
    // status.php checks no method: an OPTIONS preflight gets the same answer as GET (with --cors too).
    if (path === '/status.php') {
      const scope = mock.contextOf(req, res);
      if (scope) writeStatus(res, mock.profile.release, scope.scenarios.maintenance);
      return;
    }
    if (options.control !== false && underControl(inner)) {
      if (inner !== url) {
        // The control router reads the session from the header alone: the prefix becomes one.
        const id = selectOrAnswer(req, res);
        if (id === undefined) return;
        req.url = inner;
        req.headers[SESSION_HEADER] = id;
      }
      // express loads on the first control request: start-up and OCS traffic never pay for it.
      control ??= import('../control/router.js').then(({ createControlHandler }) => createControlHandler(mock, options));
      void control.then((handler) => handler(req, res));
      return;
    }
    mock.handle(req, res);
  };
}

/** The session the request names; undefined once a bad one has been answered with a 400. */
function selectOrAnswer(req: IncomingMessage, res: ServerResponse): string | undefined {
  try {
    return selectSession(req.headers, req.url ?? '/');
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    writeControlError(res, error);
    return undefined;
  }
}
