import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { buildEnvelope } from '../ocs/envelope.js';
import { legacyRequestedFormat, type OcsFormat } from '../ocs/negotiate.js';
import type { PhpValue } from '../ocs/php.js';
import { CONTROLLER_CONTENT_TYPE, frameworkContentType, renderEnvelope } from '../ocs/render.js';
import type { OcsVersion } from '../ocs/status.js';
import { toPhpJson } from '../ocs/json.js';
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

function requestId(): string {
  const bytes = randomBytes(20);
  let id = '';
  for (const byte of bytes) id += REQUEST_ID_ALPHABET[byte % REQUEST_ID_ALPHABET.length];
  return id;
}

function frameworkCsp(): string {
  const nonce = randomBytes(32).toString('base64');
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

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.statusCode = status;
  res.end(body);
}

function controllerHeaders(contentType: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...SERVER_HEADERS, 'X-Request-Id': requestId(), ...CONTROLLER_HEADERS, 'Content-Type': contentType, ...extra };
}

/** An answer from a controller (or the security middleware re-wrapped by OCSMiddleware). */
export function writeControllerAnswer(
  res: ServerResponse,
  version: OcsVersion,
  format: OcsFormat,
  code: number,
  message: string,
  data: PhpValue,
  extraHeaders?: Record<string, string>,
): void {
  const { httpStatus, envelope } = buildEnvelope(version, code, message, data);
  // BaseResponse renders no body for 204/304 (only reachable on v2).
  const body = httpStatus === 204 || httpStatus === 304 ? '' : renderEnvelope(envelope, format);
  send(res, httpStatus, controllerHeaders(CONTROLLER_CONTENT_TYPE[format], extraHeaders), body);
}

/**
 * An answer rendered by ApiHelper inside ocs/v1.php (unknown route, failed login, uncaught errors,
 * throttling, maintenance): its own Content-Type rule, the `format` parameter only, XML otherwise.
 */
export function writeFrameworkAnswer(
  res: ServerResponse,
  version: OcsVersion,
  formatParam: string,
  code: number,
  message: string,
  extraHeaders: Record<string, string> = {},
): void {
  const { httpStatus, envelope } = buildEnvelope(version, code, message, [], 'framework');
  const body = renderEnvelope(envelope, formatParam === 'json' ? 'json' : 'xml');
  send(res, httpStatus, { ...scriptHeaders(), ...extraHeaders, ...frameworkContentTypeHeader(formatParam) }, body);
}

/**
 * ocs/v1.php in maintenance mode (NC 29), before login and routing: HTTP 503 on v1 and v2, and
 * the legacy OC_API renders it, whose format is the query string's only (`?format=html` is XML).
 */
export function writeMaintenanceAnswer(res: ServerResponse, version: OcsVersion, url: string): void {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const format = legacyRequestedFormat(parsePhpQuery(query).format);
  writeFrameworkAnswer(res, version, format, 503, 'Service unavailable', { 'X-Nextcloud-Maintenance-Mode': '1' });
}

/** A security-middleware failure that OCSMiddleware does not re-wrap: plain JSON (e.g. CSRF 412). */
export function writePlainJson(res: ServerResponse, status: number, body: PhpValue): void {
  send(res, status, controllerHeaders('application/json; charset=utf-8'), toPhpJson(body));
}

/** Known route, wrong method: HTTP 405, no body, only a Content-Type. */
export function writeMethodNotAllowed(res: ServerResponse, formatParam: string): void {
  // Same ApiHelper::setContentType as the other framework answers: format=html gives octet-stream.
  send(res, 405, { ...SERVER_HEADERS, ...frameworkContentTypeHeader(formatParam) }, '');
}

/** Anonymous browser request: the security middleware redirects to the login page. */
export function writeLoginRedirect(res: ServerResponse, requestUrl: string): void {
  send(
    res,
    303,
    { ...SERVER_HEADERS, Location: `/index.php/login?redirect_url=${encodeURIComponent(requestUrl)}`, 'Content-Type': 'text/html; charset=UTF-8' },
    '',
  );
}
