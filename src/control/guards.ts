import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ControlError } from './answers.js';

/** `Authorization: Bearer <token>` when the control API has a token. */
export function checkToken(headers: IncomingHttpHeaders, token: string | undefined): void {
  if (token === undefined) return;
  const sent = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1] ?? '';
  const same = sent.length === token.length && timingSafeEqual(Buffer.from(sent), Buffer.from(token));
  if (!same) {
    throw new ControlError(401, 'unauthorised', 'the control API needs Authorization: Bearer <control token>', {}, { 'WWW-Authenticate': 'Bearer realm="ocs-mock control"' });
  }
}

/**
 * A web page's request: an Origin naming another host than the one asked (or `null`, an opaque
 * origin), or a browser saying so in Sec-Fetch-Site. Tools such as curl and test clients send neither.
 */
function foreignOrigin(headers: IncomingHttpHeaders): string | undefined {
  if (headers['sec-fetch-site'] === 'cross-site') return 'Sec-Fetch-Site: cross-site';
  const origin = headers.origin;
  if (origin === undefined) return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  return host !== undefined && host === headers.host ? undefined : `Origin: ${origin}`;
}

/** Whether the request carries a body (a length above zero, or a chunked one). */
export function carriesBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

/**
 * Writes cannot come from a web page: not cross-origin, and a body only as application/json (a
 * browser sends that only after a CORS preflight, which the control API never grants).
 */
export function checkWrite(headers: IncomingHttpHeaders): void {
  const foreign = foreignOrigin(headers);
  if (foreign) throw new ControlError(403, 'cross-origin write refused', `${foreign} is not the mock's own origin; the control API takes no writes from web pages`);
  const type = headers['content-type'];
  const json = type !== undefined && /^application\/json\s*(;|$)/i.test(type);
  if (!json && (type !== undefined || carriesBody(headers))) {
    throw new ControlError(400, 'not JSON', `a write's body must be sent as Content-Type: application/json (got ${type ?? 'none'})`);
  }
}
