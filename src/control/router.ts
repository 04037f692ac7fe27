import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OcsMock } from '../mock.js';
import { ControlError, writeControlError, writeJson } from './answers.js';
import { checkToken, checkWrite } from './guards.js';
import type { ControlRoute } from './route.js';
import { CONTROL_ROUTES } from './routes.js';

export interface ControlOptions {
  /** Every control request then needs `Authorization: Bearer <controlToken>`. */
  controlToken?: string;
}

/** Large enough for any scenario document. */
const BODY_LIMIT = 1024 * 1024;

interface CompiledRoute {
  route: ControlRoute;
  pattern: RegExp;
  names: string[];
}

/** `/__admin/scenarios/{name}` -> /^\/__admin\/scenarios\/([^/]+)$/ with names ['name']. */
function compile(route: ControlRoute): CompiledRoute {
  const names: string[] = [];
  const segments = route.path.split('/').map((segment) => {
    const placeholder = /^\{(\w+)\}$/.exec(segment);
    if (!placeholder) return segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
    names.push(placeholder[1]);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${segments.join('\\/')}$`), names };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ControlError(400, 'bad path', `"${segment}" is not a valid percent-encoded path segment`);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new ControlError(413, 'body too large', `the control API reads at most ${BODY_LIMIT} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (error) {
    throw new ControlError(400, 'not JSON', `the body does not parse as JSON (${(error as Error).message})`);
  }
}

/**
 * The control API under /__admin as one node:http handler, driven by the route table: token,
 * route and method, write guards, JSON body, handler. Every refusal is JSON with a 4xx.
 */
export function createControlHandler(mock: OcsMock, options: ControlOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = CONTROL_ROUTES.map(compile);
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    checkToken(req.headers, options.controlToken);
    const path = (req.url ?? '/').split('?')[0];
    const method = (req.method ?? 'GET').toUpperCase();
    const onPath = routes.map((compiled) => ({ compiled, match: compiled.pattern.exec(path) })).filter(({ match }) => match);
    if (onPath.length === 0) throw new ControlError(404, 'unknown route', `no control route ${path}; see control-api.json`);
    const found = onPath.find(({ compiled }) => compiled.route.method === method);
    if (!found) {
      const allowed = onPath.map(({ compiled }) => compiled.route.method).join(', ');
      throw new ControlError(405, 'method not allowed', `${path} takes ${allowed}`, {}, { Allow: allowed });
    }
    const { route, names } = found.compiled;
    if (route.writes) checkWrite(req.headers);
    const body = route.writes ? await readJson(req) : undefined;
    const params = Object.fromEntries(names.map((name, i) => [name, decode(found.match![i + 1])]));
    const reply = route.handle({ mock, params, body });
    if (reply.body === undefined) {
      res.writeHead(reply.status, { 'Cache-Control': 'no-store' });
      res.end();
    } else {
      writeJson(res, reply.status, reply.body);
    }
  };
  return (req, res) => {
    serve(req, res).catch((error: unknown) => {
      // Drain what is left of an unread body so the connection stays usable.
      req.resume();
      if (res.headersSent) return;
      writeControlError(res, error instanceof ControlError ? error : new ControlError(500, 'internal error', String((error as Error).message ?? error)));
    });
  };
}
