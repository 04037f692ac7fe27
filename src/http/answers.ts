import type { ServerResponse } from 'node:http';
import { buildEnvelope } from '../ocs/envelope.js';
import { legacyRequestedFormat, type OcsFormat } from '../ocs/negotiate.js';
import type { PhpValue } from '../ocs/php.js';
import { CONTROLLER_CONTENT_TYPE, frameworkContentType, renderEnvelope } from '../ocs/render.js';
import type { OcsVersion } from '../ocs/status.js';
import type { ReleaseProfile } from '../releases/profile.js';
import { toPhpJson } from '../ocs/json.js';
import { randomChunk } from './randomPool.js';
import { parsePhpQuery } from './requestParams.js';

/** Sent by the web server configuration on every answer. */
const SERVER_HEADERS: Record<string, string> = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '1; mode=block',
};

/** Response::getHeaders() of every AppFramework (controller) answer. */
const CONTROLLER_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-cache, no-store, must-revalidate',
  'Content-Security-Policy': "default-src 'none';base-uri 'none';manifest-src 'self';frame-ancestors 'none'",
  'Feature-Policy': "autoplay 'none';camera 'none';fullscreen 'none';geolocation 'none';microphone 'none';payment 'none'",
  'X-Robots-Tag': 'noindex, nofollow',
};

const REQUEST_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const REQUEST_ID_LENGTH = 20;

function requestId(): string {
  const bytes = randomChunk(REQUEST_ID_LENGTH);
  let id = '';
  for (const byte of bytes) id += REQUEST_ID_ALPHABET[byte % REQUEST_ID_ALPHABET.length];
  return id;
}

function frameworkCsp(): string {
  const nonce = randomChunk(32).toString('base64');
  return `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; frame-src *; img-src * data: blob:; font-src 'self' data:; media-src *; connect-src *; object-src 'none'; base-uri 'self';`;
}

/** What lib/base.php sends on every answer of an entry script itself (OC_Response::addSecurityHeaders). */
export function scriptHeaders(): Record<string, string> {
  return { ...SERVER_HEADERS, 'Content-Security-Policy': frameworkCsp(), 'X-Robots-Tag': 'noindex, nofollow' };
}

/** ApiHelper::setContentType spells the header `Content-type` for XML only (transcripts 14, 15). */
function frameworkContentTypeHeader(format: string): Record<string, string> {
  return { [format === 'xml' ? 'Content-type' : 'Content-Type']: frameworkContentType(format) };
}

/** Headers as writeHead takes them without building a header map: name, value, name, value... */
type HeaderList = string[];

/** Sends an answer; node adds Content-Length (after its own Date and Connection) unless the headers name it. */
function send(res: ServerResponse, status: number, headers: Record<string, string> | HeaderList, body: string): void {
  if (Array.isArray(headers)) {
    // writeHead builds no header map: the controller answers' fast path (they carry Content-Length).
    res.writeHead(status, headers);
  } else {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.statusCode = status;
  }
  res.end(body);
}

const SERVER_HEADER_LIST: HeaderList = Object.entries(SERVER_HEADERS).flat();
const CONTROLLER_HEADER_LIST: HeaderList = Object.entries(CONTROLLER_HEADERS).flat();

/**
 * A controller answer's headers in the order Nextcloud sends them; `extra` ones replace same-named ones.
 * The app framework sends the length of every answer it renders, also to HEAD, which gets no body
 * (head/*); answers of the entry scripts themselves have none.
 */
function controllerHeaders(contentType: string, body: string, extra?: Record<string, string>): HeaderList {
  const headers = [
    ...SERVER_HEADER_LIST,
    'X-Request-Id',
    requestId(),
    ...CONTROLLER_HEADER_LIST,
    'Content-Type',
    contentType,
    'Content-Length',
    String(Buffer.byteLength(body)),
  ];
  if (!extra) return headers;
  const merged: Record<string, string> = {};
  for (let i = 0; i < headers.length - 2; i += 2) merged[headers[i]] = headers[i + 1];
  return Object.entries({ ...merged, ...extra, 'Content-Length': headers[headers.length - 1] }).flat();
}

/** What every answer to one request is written with: its version, formats and release. */
export interface AnswerContext {
  version: OcsVersion;
  profile: ReleaseProfile;
  /** The controller format, or the raw `format` no responder serves. */
  negotiated: OcsFormat | { unknown: string };
  /** The format ocs/v1.php renders its own answers in (may name no responder). */
  frameworkFormat: string;
}

export const INTERNAL_ERROR_MESSAGE = 'Internal Server Error\n';

/** The OCS status an answer carries, as the client reads it in `meta` (for the request log and journal). */
export interface OcsOutcome {
  code: number;
  message: string;
  /** Why the answer is not the one asked for, when the writer changed it. */
  why?: string;
}

/** An answer from a controller (or the security middleware re-wrapped by OCSMiddleware). */
export function writeControllerAnswer(
  res: ServerResponse,
  ctx: AnswerContext,
  code: number,
  message: string,
  data: PhpValue,
  extraHeaders?: Record<string, string>,
): OcsOutcome {
  // A format no responder serves makes Controller::buildResponse throw: ocs/v1.php answers 996.
  if (typeof ctx.negotiated !== 'string') {
    return { ...writeFrameworkAnswer(res, ctx, 996, INTERNAL_ERROR_MESSAGE), why: `no responder for format "${ctx.negotiated.unknown}"` };
  }
  const { httpStatus, envelope } = buildEnvelope(ctx.version, code, message, data, 'controller', ctx.profile.framework);
  // BaseResponse renders no body for 204/304 (only reachable on v2).
  const body = httpStatus === 204 || httpStatus === 304 ? '' : renderEnvelope(envelope, ctx.negotiated);
  send(res, httpStatus, controllerHeaders(CONTROLLER_CONTENT_TYPE[ctx.negotiated], body, extraHeaders), body);
  return { code: envelope.ocs.meta.statuscode, message: envelope.ocs.meta.message };
}

/**
 * An answer rendered by ocs/v1.php itself (unknown route, failed login, uncaught errors,
 * throttling, maintenance): its own Content-Type rule and format choice, XML otherwise.
 */
export function writeFrameworkAnswer(
  res: ServerResponse,
  ctx: AnswerContext,
  code: number,
  message: string,
  extraHeaders: Record<string, string> = {},
  format = ctx.frameworkFormat,
): OcsOutcome {
  const { httpStatus, envelope } = buildEnvelope(ctx.version, code, message, [], 'framework', ctx.profile.framework);
  const body = renderEnvelope(envelope, format === 'json' ? 'json' : 'xml');
  send(res, httpStatus, { ...scriptHeaders(), ...extraHeaders, ...frameworkContentTypeHeader(format) }, body);
  return { code: envelope.ocs.meta.statuscode, message: envelope.ocs.meta.message };
}

/** ocs/v1.php in maintenance mode, before login and routing: HTTP 503 on v1 and v2 (§9.3). */
export function writeMaintenanceAnswer(res: ServerResponse, ctx: AnswerContext, rawQuery: string): OcsOutcome {
  // Up to 30 the legacy OC_API renders it with the query string's `format` only (`?format=html` is XML).
  const format = ctx.profile.framework.maintenanceFromQuery ? legacyRequestedFormat(parsePhpQuery(rawQuery).format) : ctx.frameworkFormat;
  return writeFrameworkAnswer(res, ctx, 503, 'Service unavailable', { 'X-Nextcloud-Maintenance-Mode': '1' }, format);
}

/** A security-middleware failure that OCSMiddleware does not re-wrap: plain JSON (e.g. CSRF 412). */
export function writePlainJson(res: ServerResponse, status: number, body: PhpValue, extraHeaders?: Record<string, string>): void {
  const text = toPhpJson(body);
  send(res, status, controllerHeaders('application/json; charset=utf-8', text, extraHeaders), text);
}

/**
 * A bare AppFramework Response (e.g. ApiController::preflightedCors): HTTP 200, no body, Content-Length 0
 * (App::main), and no Content-Type of its own, so PHP's default one.
 */
export function writeEmptyControllerAnswer(res: ServerResponse, extraHeaders: Record<string, string>): void {
  send(res, 200, controllerHeaders('text/html; charset=UTF-8', '', extraHeaders), '');
}

/**
 * The mock's own refusal of a body over its `maxBodyBytes` (no Nextcloud answer: PHP would read it).
 * The rest of the body is never read, so the connection is closed after the answer.
 */
export function writeBodyTooLarge(res: ServerResponse, limit: number): void {
  res.setHeader('Connection', 'close');
  writePlainJson(res, 413, {
    message: `ocs-mock: request body larger than the mock's limit of ${limit} bytes (maxBodyBytes, --max-body); this is the mock protecting itself, not a Nextcloud answer`,
  });
}

/** Known route, wrong method: HTTP 405, no body, only a Content-Type. */
export function writeMethodNotAllowed(res: ServerResponse, ctx: AnswerContext): void {
  // Same ApiHelper::setContentType as the other framework answers: format=html gives octet-stream.
  send(res, 405, { ...SERVER_HEADERS, ...frameworkContentTypeHeader(ctx.frameworkFormat) }, '');
}

/**
 * Symfony's UrlGenerator: the query is http_build_query(..., PHP_QUERY_RFC3986) with `/ ? @ : ! ; , *`
 * decoded again, so the redirect keeps the request path readable (negotiation/accept-html-anonymous).
 */
function routeQueryValue(value: string): string {
  const rfc3986 = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return rfc3986.replace(/%2F|%3F|%40|%3A|%21|%3B|%2C|%2A/g, (escaped) => decodeURIComponent(escaped));
}

/** Anonymous browser request: the security middleware redirects to the login page. */
export function writeLoginRedirect(res: ServerResponse, requestUrl: string): void {
  send(
    res,
    303,
    { ...SERVER_HEADERS, Location: `/index.php/login?redirect_url=${routeQueryValue(requestUrl)}`, 'Content-Type': 'text/html; charset=UTF-8' },
    '',
  );
}
