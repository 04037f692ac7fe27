import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import type { OcsMock } from '../mock.js';
import { ControlError, writeControlError, writeJson } from './answers.js';
import { carriesBody, checkToken, checkWrite } from './guards.js';
import { selectSession } from '../sessions/select.js';
import type { ControlRoute } from './route.js';
import { CONTROL_PREFIX, CONTROL_ROUTES } from './routes.js';

export interface ControlOptions {
  /** Every control request then needs `Authorization: Bearer <controlToken>`. */
  controlToken?: string;
}

/** Large enough for any scenario document. */
const BODY_LIMIT = 1024 * 1024;

/** `/__admin/scenarios/{name}` in express's spelling, `/__admin/scenarios/:name`. */
function expressPath(route: ControlRoute): string {
  return route.path.replace(/\{(\w+)\}/g, ':$1');
}

/** body-parser's refusals, as the control API words them. */
function bodyRefusal(error: { type?: string; message?: string }): ControlError | undefined {
  if (error.type === 'entity.too.large') return new ControlError(413, 'body too large', `the control API reads at most ${BODY_LIMIT} bytes`);
  if (error.type === 'entity.parse.failed') return new ControlError(400, 'not JSON', `the body does not parse as JSON (${error.message ?? 'syntax error'})`);
  return undefined;
}

/**
 * The control API under /__admin, built from the route table on express (loaded on the first
 * control request, so a mock that is never steered does not pay for it): token, route and method,
 * write guards, JSON body, handler. Every refusal is JSON with a 4xx.
 */
export async function createControlHandler(mock: OcsMock, options: ControlOptions = {}): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  const { default: express } = await import('express');
  const app: Express = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(CONTROL_PREFIX, (req, _res, next) => next(safely(() => checkToken(req.headers, options.controlToken))));
  const guardWrite: RequestHandler = (req, _res, next) => next(safely(() => checkWrite(req.headers)));
  const json = express.json({ limit: BODY_LIMIT, type: () => true, strict: false });
  // A write without a body has none (undefined), not the `{}` body-parser would leave.
  const parseJson: RequestHandler = (req, res, next) => (carriesBody(req.headers) ? json(req, res, next) : next());
  const paths = new Map<string, ControlRoute[]>();
  for (const route of CONTROL_ROUTES) {
    const path = expressPath(route);
    paths.set(path, [...(paths.get(path) ?? []), route]);
    const answer: RequestHandler = (req, res) => {
      const reply = route.handle({
        mock,
        scope: () => mock.scopeOf(selectSession(req.headers, req.url)),
        params: req.params as Record<string, string>,
        body: req.body as unknown,
        query: req.query as Record<string, unknown>,
      });
      if (reply.body === undefined) res.set('Cache-Control', 'no-store').status(reply.status).end();
      else writeJson(res, reply.status, reply.body);
    };
    const method = route.method === 'GET' ? 'get' : route.method === 'POST' ? 'post' : 'delete';
    if (route.writes) app[method](path, guardWrite, parseJson, answer);
    else app[method](path, answer);
  }
  // A known path asked with another method: 405 with the methods it takes.
  for (const [path, routes] of paths) {
    const allowed = routes.map((route) => route.method).join(', ');
    app.all(path, (req, _res, next) => next(new ControlError(405, 'method not allowed', `${req.path} takes ${allowed}`, {}, { Allow: allowed })));
  }
  app.use((req, _res, next) => next(new ControlError(404, 'unknown route', `no control route ${req.path}; see control-api.json`)));
  const refuse: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    // Drain what is left of an unread body so the connection stays usable.
    req.resume();
    if (res.headersSent) return;
    const known = error instanceof ControlError ? error : bodyRefusal(error as { type?: string; message?: string });
    writeControlError(res, known ?? new ControlError(500, 'internal error', String((error as Error).message ?? error)));
  };
  app.use(refuse);
  return app;
}

/** A guard's ControlError as express's `next(error)` argument, or undefined when it passed. */
function safely(check: () => void): ControlError | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof ControlError) return error;
    throw error;
  }
}
