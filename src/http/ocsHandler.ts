import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Params, ServerAddress } from '../domain/context.js';
import { isAdmin, isSubAdmin } from '../domain/access.js';
import { InternalServerError, OcsError } from '../ocs/OcsError.js';
import { frameworkFormat, negotiateFormat, type OcsFormat } from '../ocs/negotiate.js';
import type { PhpValue } from '../ocs/php.js';
import type { OcsVersion } from '../ocs/status.js';
import type { OperationBinding } from '../operations.js';
import { recordLogin, type Clock } from '../state/logins.js';
import type { State, User } from '../state/model.js';
import { writeControllerAnswer, writeFrameworkAnswer, writeLoginRedirect, writeMethodNotAllowed, writePlainJson } from './answers.js';
import { authenticate, type AuthMethod } from './auth.js';
import { parseParams, readBody } from './requestParams.js';
import type { RouteTable } from './routeTable.js';

export const NOT_FOUND_MESSAGE =
  'Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n';
export const INTERNAL_ERROR_MESSAGE = 'Internal Server Error\n';

/** /ocs/v1.php and /ocs/v2.php, optionally below a web root such as /nextcloud. */
const OCS_ENTRY = /^(?:\/[^?]*?)?\/ocs\/v([12])\.php(\/[^?]*)?$/;

/** A request on its way through the pipeline, as scenario rules see it. */
export interface OcsRequest {
  method: string;
  version: OcsVersion;
  /** Path below /ocs/v{1,2}.php, decoded, e.g. `/cloud/users/alice`. */
  path: string;
  url: string;
  headers: IncomingHttpHeaders;
  params: Params;
  /** The logged-in user; null when anonymous or when the login failed. */
  actor: User | null;
  operationId: string | null;
}

/** Answers in the exact shapes of the real server, for interceptors that answer instead of it. */
export interface Responder {
  /** An OCS answer as a controller gives it (v1/v2 mapping, negotiated format). */
  ocs(code: number, message: string, data?: PhpValue, headers?: Record<string, string>): void;
  /** An OCS answer as ocs/v1.php itself gives it (ApiHelper: format parameter only, text/xml). */
  framework(code: number, message: string, headers?: Record<string, string>): void;
}

/**
 * Runs before the route's own answer. Returns true when it answered (or dropped the connection);
 * it may also just wait (latency) and return false.
 */
export type Interceptor = (request: OcsRequest, res: ServerResponse, respond: Responder) => Promise<boolean>;

export interface PipelineContext {
  readonly state: State;
  readonly routes: RouteTable;
  readonly operations: Record<string, OperationBinding>;
  readonly interceptors: readonly Interceptor[];
  /** The time logins are recorded at. */
  readonly clock: Clock;
}

function splitUrl(url: string): { rawPath: string; rawQuery: string } {
  const q = url.indexOf('?');
  return q === -1 ? { rawPath: url, rawQuery: '' } : { rawPath: url.slice(0, q), rawQuery: url.slice(q + 1) };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The request's own protocol and Host (Nextcloud trusts no forwarded headers without a proxy config). */
function serverAddress(req: IncomingMessage, webRoot: string, fallbackHost: string): ServerAddress {
  return { protocol: (req.socket as TLSSocket).encrypted ? 'https' : 'http', host: req.headers.host ?? fallbackHost, webRoot };
}

function passesCsrf(headers: IncomingHttpHeaders, method: AuthMethod | undefined): boolean {
  return headers['ocs-apirequest'] === 'true' || method === 'bearer';
}

/** What ocs/v1.php's catch-all answers in: known as soon as the URL and the parameters are read. */
interface ErrorFrame {
  version: OcsVersion;
  formatParam: string;
}

/** The OCS pipeline as one Node request handler: normalise, authenticate, route, guard, handle, render. */
export function createOcsHandler(context: () => PipelineContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const frame: ErrorFrame = { version: 2, formatParam: 'xml' };
    handleOcs(context(), req, res, frame).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      // ocs/v1.php catches every Throwable: ApiHelper::respond(996) in the request's version and `format`.
      writeFrameworkAnswer(res, frame.version, frame.formatParam, 996, INTERNAL_ERROR_MESSAGE);
      process.emitWarning(`ocs-mock: unexpected error: ${(error as Error).stack ?? String(error)}`);
    });
  };
}

/** True when the URL is an OCS entry point this handler serves. */
export function isOcsUrl(url: string): boolean {
  return OCS_ENTRY.test(splitUrl(url).rawPath.replace(/\/{2,}/g, '/'));
}

async function handleOcs(ctx: PipelineContext, req: IncomingMessage, res: ServerResponse, frame: ErrorFrame): Promise<void> {
  const url = req.url ?? '/';
  const method = (req.method ?? 'GET').toUpperCase();
  const { rawPath, rawQuery } = splitUrl(url);
  const entry = OCS_ENTRY.exec(rawPath.replace(/\/{2,}/g, '/'));
  if (!entry) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('ocs-mock serves /ocs/v1.php and /ocs/v2.php\n');
    return;
  }
  const version = Number(entry[1]) as OcsVersion;
  frame.version = version;
  const pathInfo = entry[2] && entry[2] !== '/' ? decodePath(entry[2]) : '';
  const body = await readBody(req);
  const { params, malformedJson } = await parseParams(method, req.headers['content-type'] ?? '', rawQuery, body);
  // ApiHelper reads getParam('format', 'xml'): no format means text/xml, not octet-stream.
  const formatParam = frameworkFormat(params.format);
  frame.formatParam = formatParam;
  const { state } = ctx;

  const auth = authenticate(state, req.headers);
  const actor = auth.kind === 'user' ? auth.user : null;
  const match = ctx.routes.match(method, pathInfo);
  if (match.kind === 'found') Object.assign(params, match.pathParams);
  const operationId = match.kind === 'found' ? match.route.operationId : null;

  const negotiated = negotiateFormat(params.format, req.headers.accept);
  const respond: Responder = {
    ocs: (code, message, data = [], headers) => writeAnswer(res, version, negotiated, formatParam, code, message, data, headers),
    framework: (code, message, headers) => writeFrameworkAnswer(res, version, formatParam, code, message, headers),
  };
  const request: OcsRequest = { method, version, path: pathInfo, url, headers: req.headers, params, actor, operationId };
  // Scenarios come first: on a real server maintenance mode answers before anyone logs in.
  for (const interceptor of ctx.interceptors) {
    if (await interceptor(request, res, respond)) return;
  }
  if (auth.kind === 'failed') {
    const realm = req.headers['x-requested-with'] === 'XMLHttpRequest' ? 'DummyBasic' : 'Basic';
    // Login runs before parameters are read: this answer is XML whatever `format` says (measured).
    writeFrameworkAnswer(res, version, 'xml', 997, 'Unauthorised', { 'WWW-Authenticate': `${realm} realm="Authorisation Required"` });
    return;
  }
  // ocs/v1.php logs in (OC::handleLogin) before it routes: every authenticated request counts,
  // unknown routes and refused ones included; what scenarios answer above never got that far.
  if (auth.kind === 'user') {
    recordLogin(state, auth.user, Math.floor(ctx.clock() / 1000), auth.method === 'password' ? 'password' : 'token');
  }

  if (malformedJson) return respond.framework(996, INTERNAL_ERROR_MESSAGE);
  if (match.kind === 'method-not-allowed') return writeMethodNotAllowed(res, formatParam);
  const binding = operationId ? ctx.operations[operationId] : undefined;
  if (match.kind === 'not-found' || !binding) return respond.framework(998, NOT_FOUND_MESSAGE);

  // SecurityMiddleware: login, admin, CSRF; then the provisioning middleware's sub-admin check.
  if (binding.access !== 'public' && !actor) {
    if (/html/i.test(req.headers.accept ?? '')) return writeLoginRedirect(res, url);
    return respond.ocs(997, 'Current user is not logged in');
  }
  if (binding.access === 'admin' && !isAdmin(state, actor!.id)) return respond.ocs(403, 'Logged in account must be an admin');
  if (!passesCsrf(req.headers, auth.kind === 'user' ? auth.method : undefined)) {
    return writePlainJson(res, 412, { message: 'CSRF check failed' });
  }
  if (binding.access === 'subadmin' && !isAdmin(state, actor!.id) && !isSubAdmin(state, actor!.id)) {
    return respond.ocs(403, 'Logged in account must be at least a sub admin');
  }
  // Request::getParam is isset(): a JSON null is as absent as a missing key, and null binds to no required parameter.
  if (match.kind === 'found' && match.route.requiredParams.some((name) => params[name] === undefined || params[name] === null)) {
    return respond.framework(996, INTERNAL_ERROR_MESSAGE);
  }

  // The path is web root + '/ocs/vN.php' + path info.
  const webRoot = entry.input.slice(0, entry.input.length - '/ocs/v1.php'.length - (entry[2]?.length ?? 0));
  const server = serverAddress(req, webRoot, state.settings.cloudHost);
  let result: { code: number; message: string; data: PhpValue };
  try {
    const data =
      binding.access === 'public' ? binding.handler({ state, actor, params, server }) : binding.handler({ state, actor: actor!, params, server });
    result = { code: 200, message: '', data };
  } catch (error) {
    if (error instanceof OcsError) {
      result = { code: error.statuscode, message: error.message, data: error.data };
    } else if (error instanceof InternalServerError) {
      return respond.framework(996, INTERNAL_ERROR_MESSAGE);
    } else {
      throw error;
    }
  }
  respond.ocs(result.code, result.message, result.data);
}

function writeAnswer(
  res: ServerResponse,
  version: OcsVersion,
  negotiated: OcsFormat | { unknown: string },
  formatParam: string,
  code: number,
  message: string,
  data: PhpValue,
  headers?: Record<string, string>,
): void {
  // A format no responder serves makes Controller::buildResponse throw: ocs/v1.php answers 996.
  if (typeof negotiated !== 'string') return writeFrameworkAnswer(res, version, formatParam, 996, INTERNAL_ERROR_MESSAGE);
  writeControllerAnswer(res, version, negotiated, code, message, data, headers);
}
