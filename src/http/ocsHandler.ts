import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';
import type { Params, ServerAddress } from '../domain/context.js';
import { isAdmin, isSubAdmin } from '../domain/access.js';
import { InternalServerError, OcsError } from '../ocs/OcsError.js';
import { frameworkFormat, negotiateFormat } from '../ocs/negotiate.js';
import type { PhpValue } from '../ocs/php.js';
import type { OcsVersion } from '../ocs/status.js';
import type { OperationBinding } from '../operations.js';
import { messageOf } from '../releases/messages.js';
import type { ReleaseProfile } from '../releases/profile.js';
import { recordLogin, type Clock } from '../state/logins.js';
import type { State, User } from '../state/model.js';
import { allowedMethods, nearestRoutes } from '../observe/nearestRoutes.js';
import { captureBody, settle, type Observers } from '../observe/observer.js';
import { startDraft, type RecordDraft } from '../observe/record.js';
import { refusals } from '../observe/refusals.js';
import {
  INTERNAL_ERROR_MESSAGE,
  writeControllerAnswer,
  writeFrameworkAnswer,
  writeLoginRedirect,
  writeMaintenanceAnswer,
  writeBodyTooLarge,
  writeEmptyControllerAnswer,
  writeMethodNotAllowed,
  writePlainJson,
  type AnswerContext,
  type OcsOutcome,
} from './answers.js';
import { authenticate, type AuthMethod, type AuthOutcome } from './auth.js';
import { bindParameters } from './bindParameters.js';
import { answerHeaders, CORS_REQUIRES_BASIC_AUTH, PREFLIGHT_OPERATION, preflightHeaders, type CorsDecision, type CorsPolicy } from './cors.js';
import { absentBody, BodyTooLargeError, DEFAULT_MAX_BODY_BYTES, parseParams, readBody, type ParsedParams } from './requestParams.js';
import type { RouteMatch, RouteTable } from './routeTable.js';

export const NOT_FOUND_MESSAGE =
  'Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n';

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
  /** Set by the interceptor that answers (e.g. the scenario rule's name): the request log and journal name it. */
  answeredBy?: string;
}

/** Answers in the exact shapes of the real server, for interceptors that answer instead of it. */
export interface Responder {
  /** An OCS answer as a controller gives it (v1/v2 mapping, negotiated format). */
  ocs(code: number, message: string, data?: PhpValue, headers?: Record<string, string>): void;
  /** An answer as ocs/v1.php itself gives it (its own format rule); `format` forces one. */
  framework(code: number, message: string, headers?: Record<string, string>, format?: string): void;
  /** ocs/v1.php's maintenance-mode answer. */
  maintenance(): void;
}

/**
 * Runs before the route's own answer. Returns true when it answered (or dropped the connection);
 * it may also just wait (latency) and return false. A plain `false` when there is nothing to do
 * keeps a mock without scenarios off the microtask queue.
 */
export type Interceptor = (request: OcsRequest, res: ServerResponse, respond: Responder) => Promise<boolean> | boolean;

export interface PipelineContext extends Observers {
  readonly state: State;
  /** The release this mock emulates. */
  readonly profile: ReleaseProfile;
  readonly routes: RouteTable;
  readonly operations: Record<string, OperationBinding>;
  /** The scenario hook: may answer or delay before login and routing. */
  readonly scenarios: { readonly intercept: Interceptor };
  /** The time logins are recorded at. */
  readonly clock: Clock;
  /** The session this context is (null: the mock's own parts). */
  readonly sessionId: string | null;
}

function splitUrl(url: string): { rawPath: string; rawQuery: string } {
  const q = url.indexOf('?');
  return q === -1 ? { rawPath: url, rawQuery: '' } : { rawPath: url.slice(0, q), rawQuery: url.slice(q + 1) };
}

function decodePath(path: string): string {
  if (!path.includes('%')) return path;
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

/** Without a CSRF token an OCS request passes with the OCS-APIRequest header or a Bearer token (§8). */
function passesCsrf(profile: ReleaseProfile, headers: IncomingHttpHeaders, method: AuthMethod | undefined): boolean {
  const header = headers['ocs-apirequest'];
  const sent = profile.ocsApiRequest === 'true' ? header === 'true' : typeof header === 'string' && header !== '';
  return sent || method === 'bearer';
}

/** What ocs/v1.php's catch-all answers in (known once the URL and the parameters are read), and the request's record. */
interface ErrorFrame {
  answer: AnswerContext;
  draft: RecordDraft;
}

/** The OCS pipeline as one Node request handler: find the context, normalise, authenticate, route, guard, handle, render. */
/** What the mock protects itself with (not Nextcloud behaviour). */
export interface PipelineLimits {
  /** A longer request body is not read: 413 and the connection is closed. */
  maxBodyBytes: number;
}

export function createOcsHandler(
  context: (req: IncomingMessage, res: ServerResponse) => PipelineContext | undefined,
  limits: PipelineLimits = { maxBodyBytes: DEFAULT_MAX_BODY_BYTES },
  /** Opt-in CORS (src/http/cors.ts); null: none, as on Nextcloud's provisioning routes. */
  cors: CorsPolicy | null = null,
) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    // The session the request names (or the mock's own parts); none when the lookup has answered it.
    const ctx = context(req, res);
    if (!ctx) return;
    const draft = startDraft((req.method ?? 'GET').toUpperCase(), splitUrl(req.url ?? '/').rawPath, performance.now(), ctx.sessionId);
    if (ctx.log.wantsBody) captureBody(res, draft);
    // What ocs/v1.php's catch-all answers in: the request's version and format once they are read.
    const frame: ErrorFrame = { answer: { version: 2, profile: ctx.profile, negotiated: 'xml', frameworkFormat: 'xml' }, draft };
    const fail = (error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      // ocs/v1.php catches every Throwable: ApiHelper::respond(996) in the request's version and format.
      noteOutcome(draft, writeFrameworkAnswer(res, frame.answer, 996, INTERNAL_ERROR_MESSAGE));
      draft.refusal = refusals.unexpected(error);
      process.emitWarning(`ocs-mock: unexpected error: ${(error as Error).stack ?? String(error)}`);
    };
    let pending: Promise<void> | void = undefined;
    try {
      pending = handleOcs(ctx, req, res, frame, limits, cors);
    } catch (error) {
      fail(error);
    }
    // Most requests (no body to wait for, no scenario that waits) are answered before this returns.
    if (pending) pending.catch(fail).finally(() => settle(ctx, draft, res));
    else settle(ctx, draft, res);
  };
}

function noteOutcome(draft: RecordDraft, outcome: OcsOutcome): void {
  draft.ocsCode = outcome.code;
  draft.ocsMessage = outcome.message;
  if (outcome.why) draft.refusal = outcome.why;
}

/** True when the URL is an OCS entry point this handler serves. */
export function isOcsUrl(url: string): boolean {
  return OCS_ENTRY.test(splitUrl(url).rawPath.replace(/\/{2,}/g, '/'));
}

/**
 * The pipeline in stages; a stage that must wait (a body to read, a multipart body, a scenario that
 * delays) returns a promise, the others run on at once.
 */
function handleOcs(
  ctx: PipelineContext,
  req: IncomingMessage,
  res: ServerResponse,
  frame: ErrorFrame,
  limits: PipelineLimits,
  cors: CorsPolicy | null,
): Promise<void> | void {
  const { draft } = frame;
  const url = req.url ?? '/';
  const method = (req.method ?? 'GET').toUpperCase();
  const { rawPath, rawQuery } = splitUrl(url);
  const entry = OCS_ENTRY.exec(rawPath.replace(/\/{2,}/g, '/'));
  if (!entry) {
    draft.unmatched = { reason: 'not-ocs' };
    draft.refusal = refusals.notOcs;
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('ocs-mock serves /ocs/v1.php and /ocs/v2.php\n');
    return;
  }
  const version = Number(entry[1]) as OcsVersion;
  frame.answer = { ...frame.answer, version };
  const pathInfo = entry[2] && entry[2] !== '/' ? decodePath(entry[2]) : '';
  draft.version = version;
  draft.path = pathInfo;
  const origin = req.headers.origin;
  const corsDecision = cors ? cors.decide(origin) : null;
  if (corsDecision?.kind === 'refused') draft.refusal = refusals.corsOrigin(corsDecision.origin, corsDecision.allowed);
  const request: Received = { ctx, req, res, frame, method, version, pathInfo, url, rawQuery, entry, cors: corsDecision };
  const absent = absentBody(req);
  if (absent) return withBody(request, absent);
  return readBody(req, limits.maxBodyBytes).then(
    (body) => withBody(request, body),
    (error: unknown) => {
      if (!(error instanceof BodyTooLargeError)) throw error;
      draft.refusal = refusals.bodyTooLarge(error.limit);
      writeBodyTooLarge(res, error.limit);
    },
  );
}

/** A request whose entry point is known, on its way through the stages. */
interface Received {
  ctx: PipelineContext;
  req: IncomingMessage;
  res: ServerResponse;
  frame: ErrorFrame;
  method: string;
  version: OcsVersion;
  pathInfo: string;
  url: string;
  rawQuery: string;
  entry: RegExpExecArray;
  /** null without --cors; a refused origin is served as without it. */
  cors: CorsDecision | null;
}

function withBody(received: Received, body: Buffer): Promise<void> | void {
  const parsed = parseParams(received.method, received.req.headers['content-type'] ?? '', received.rawQuery, body);
  return parsed instanceof Promise ? parsed.then((params) => withParams(received, params)) : withParams(received, parsed);
}

function withParams(received: Received, { params, malformedJson }: ParsedParams): Promise<void> | void {
  const { ctx, req, res, frame, method, version, pathInfo, url, rawQuery } = received;
  const { draft } = frame;
  draft.params = params;
  const { state, profile } = ctx;
  const answer: AnswerContext = {
    version,
    profile,
    negotiated: negotiateFormat(profile.negotiation, params.format, req.headers.accept),
    frameworkFormat: frameworkFormat(profile.framework.format, params.format, req.headers.accept),
  };
  frame.answer = answer;

  const auth = authenticate(state, req.headers);
  const actor = auth.kind === 'user' ? auth.user : null;
  draft.user = actor?.id ?? null;
  draft.login = auth.kind === 'user' ? { kind: 'user' } : auth;
  const match = ctx.routes.match(method, pathInfo);
  if (match.kind === 'found') Object.assign(params, match.pathParams);
  const operationId = match.kind === 'found' ? match.route.operationId : null;
  draft.operationId = operationId;

  // CORSMiddleware::afterController adds its header to every answer a controller gives (scenarios' included).
  const cors = answerHeaders(received.cors);
  const respond: Responder = {
    ocs: (code, message, data = [], headers) =>
      noteOutcome(draft, writeControllerAnswer(res, answer, code, message, data, cors ? { ...headers, ...cors } : headers)),
    framework: (code, message, headers, format) => noteOutcome(draft, writeFrameworkAnswer(res, answer, code, message, headers, format)),
    maintenance: () => noteOutcome(draft, writeMaintenanceAnswer(res, answer, rawQuery)),
  };
  const request: OcsRequest = { method, version, path: pathInfo, url, headers: req.headers, params, actor, operationId };
  const routed: Routed = { received, answer, respond, params, malformedJson, auth, actor, match, operationId, cors };
  // Scenarios come first: on a real server maintenance mode answers before anyone logs in.
  const intercepted = ctx.scenarios.intercept(request, res, respond);
  if (intercepted === false) return dispatch(routed);
  if (intercepted === true) {
    draft.rule = request.answeredBy ?? null;
    return;
  }
  return intercepted.then((answered) => {
    if (!answered) return dispatch(routed);
    draft.rule = request.answeredBy ?? null;
  });
}

/** A request logged in and routed, that no scenario answered. */
interface Routed {
  received: Received;
  answer: AnswerContext;
  respond: Responder;
  params: Params;
  malformedJson: boolean;
  auth: AuthOutcome;
  actor: User | null;
  match: RouteMatch;
  operationId: string | null;
  /** The CORS header controller answers carry, if any. */
  cors: Record<string, string> | undefined;
}

function dispatch(routed: Routed): void {
  const { received, answer, respond, params, malformedJson, auth, actor, match, operationId, cors } = routed;
  const { ctx, req, res, frame, method, pathInfo, url, entry } = received;
  const { draft } = frame;
  const { state, profile } = ctx;
  // 32+ rethrow a JSON decoding error before login and routing; older releases ignore the body.
  if (malformedJson && profile.malformedJson === 'error') {
    draft.refusal = refusals.malformedJson;
    return respond.framework(996, INTERNAL_ERROR_MESSAGE);
  }
  if (auth.kind === 'failed') {
    draft.refusal = refusals.loginFailed(auth.reason, auth.loginName);
    const realm = req.headers['x-requested-with'] === 'XMLHttpRequest' ? 'DummyBasic' : 'Basic';
    // Up to 30 the login runs before parameters are read: XML whatever `format` says (measured on 29).
    const format = profile.framework.loginFailureXml ? 'xml' : answer.frameworkFormat;
    return respond.framework(997, 'Unauthorised', { 'WWW-Authenticate': `${realm} realm="Authorisation Required"` }, format);
  }
  // ocs/v1.php logs in (OC::handleLogin) before it routes: every authenticated request counts,
  // unknown routes and refused ones included; what scenarios answer above never got that far.
  if (auth.kind === 'user') {
    recordLogin(state, auth.user, Math.floor(ctx.clock() / 1000), auth.method === 'password' ? 'password' : 'token', profile.logins);
  }

  // With --cors an OPTIONS route to ApiController::preflightedCors (a public page) covers every path.
  if (method === 'OPTIONS' && received.cors?.kind === 'cors') {
    draft.operationId = PREFLIGHT_OPERATION;
    return writeEmptyControllerAnswer(res, preflightHeaders(received.cors.origin));
  }
  if (match.kind === 'method-not-allowed') {
    const allowed = allowedMethods(ctx.routes, pathInfo);
    draft.unmatched = { reason: 'method-not-allowed', allowed };
    // A preflight from an origin --cors refuses keeps that reason: it is why the browser fails.
    if (!(method === 'OPTIONS' && received.cors?.kind === 'refused')) draft.refusal = refusals.methodNotAllowed(allowed);
    return writeMethodNotAllowed(res, answer);
  }
  const binding = operationId ? ctx.operations[operationId] : undefined;
  if (match.kind === 'not-found') {
    const nearest = nearestRoutes(ctx.routes, method, pathInfo);
    draft.unmatched = { reason: 'no-route', nearest };
    draft.refusal = refusals.noRoute(nearest);
    return respond.framework(998, NOT_FOUND_MESSAGE);
  }
  if (!binding) {
    draft.refusal = refusals.noHandler(match.route.operationId);
    return respond.framework(998, NOT_FOUND_MESSAGE);
  }

  // CORSMiddleware::beforeController runs before SecurityMiddleware (DIContainer registers it first).
  const basicLogin = auth.kind === 'user' && auth.method !== 'bearer';
  if (received.cors?.kind === 'cors' && (binding.access !== 'public' || actor) && !basicLogin) {
    draft.refusal = refusals.corsBasicAuth(actor ? 'bearer' : 'none');
    return respond.ocs(997, CORS_REQUIRES_BASIC_AUTH);
  }
  // SecurityMiddleware: login, admin, CSRF; then the provisioning middleware's sub-admin check.
  if (binding.access !== 'public' && !actor) {
    if (/html/i.test(req.headers.accept ?? '')) {
      draft.refusal = refusals.loginRedirect;
      return writeLoginRedirect(res, url);
    }
    draft.refusal = refusals.notLoggedIn;
    return respond.ocs(997, 'Current user is not logged in');
  }
  if ((binding.access === 'admin' || binding.access === 'admin-setting') && !isAdmin(state, actor!.id)) {
    draft.refusal = refusals.notAdmin(actor!.id);
    return respond.ocs(403, messageOf(profile, binding.access === 'admin' ? 'adminRequired' : 'adminSettingRequired'));
  }
  if (!passesCsrf(profile, req.headers, auth.kind === 'user' ? auth.method : undefined)) {
    const header = req.headers['ocs-apirequest'];
    draft.refusal = refusals.csrf(Array.isArray(header) ? header.join(', ') : header);
    return writePlainJson(res, 412, { message: 'CSRF check failed' }, cors);
  }
  if (binding.access === 'subadmin' && !isAdmin(state, actor!.id) && !isSubAdmin(state, actor!.id)) {
    draft.refusal = refusals.notSubAdmin(actor!.id);
    return respond.ocs(403, messageOf(profile, 'subAdminRequired'));
  }
  // The path is web root + '/ocs/vN.php' + path info.
  const webRoot = entry.input.slice(0, entry.input.length - '/ocs/v1.php'.length - (entry[2]?.length ?? 0));
  const server = serverAddress(req, webRoot, state.settings.cloudHost);
  let result: { code: number; message: string; data: PhpValue };
  try {
    // Dispatcher::executeController binds the arguments once the middlewares have passed.
    const args = bindParameters(match.route.parameters, params);
    draft.params = args;
    draft.bound = true;
    // Literals, not a spread of a shared part: V8 builds a spread with an extra key on its slow path.
    const data =
      binding.access === 'public'
        ? binding.handler({ state, args, server, profile, actor })
        : binding.handler({ state, args, server, profile, actor: actor! });
    result = { code: 200, message: '', data };
  } catch (error) {
    if (error instanceof OcsError) {
      result = { code: error.statuscode, message: error.message, data: error.data };
    } else if (error instanceof InternalServerError) {
      draft.refusal = error.reason;
      return respond.framework(996, INTERNAL_ERROR_MESSAGE);
    } else {
      throw error;
    }
  }
  respond.ocs(result.code, result.message, result.data);
}
