import type { IncomingHttpHeaders } from 'node:http';
import { ControlError } from '../control/answers.js';

/** The header naming the session a request belongs to. */
export const SESSION_HEADER = 'x-mock-session';

/** The URL prefix naming it, for clients that only take a base URL: `/session/<id>/ocs/v2.php/...`. */
export const SESSION_PREFIX = '/session/';

/** Ids fit in a header and a path segment without encoding. */
const SESSION_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A 400 unless `id` is a valid session id; `where` says where it came from. */
export function checkSessionId(id: string, where: string): string {
  if (SESSION_ID.test(id)) return id;
  throw new ControlError(400, 'invalid session id', `${where} "${id}" is not a session id: 1 to 64 characters of A-Z a-z 0-9 . _ -`);
}

/** `/session/<id>/rest` split into the id (unchecked) and `/rest`; undefined without the prefix. */
export function sessionPrefix(url: string): { id: string; rest: string } | undefined {
  if (!url.startsWith(SESSION_PREFIX)) return undefined;
  const end = url.slice(SESSION_PREFIX.length).search(/[/?]/);
  const cut = end === -1 ? url.length : SESSION_PREFIX.length + end;
  const rest = url.slice(cut);
  return { id: url.slice(SESSION_PREFIX.length, cut), rest: rest.startsWith('/') ? rest : `/${rest}` };
}

/**
 * The session a request names (header or URL prefix), undefined when none; a 400 for an invalid id
 * or for a header and a prefix naming different sessions.
 */
export function selectSession(headers: IncomingHttpHeaders, url: string): string | undefined {
  const header = headers[SESSION_HEADER];
  if (header === undefined && !url.startsWith(SESSION_PREFIX)) return undefined;
  const fromHeader = header === undefined ? undefined : checkSessionId(Array.isArray(header) ? header.join(', ') : header, 'X-Mock-Session');
  const prefix = sessionPrefix(url);
  const fromPrefix = prefix === undefined ? undefined : checkSessionId(prefix.id, 'the URL prefix /session/<id>: id');
  if (fromHeader !== undefined && fromPrefix !== undefined && fromHeader !== fromPrefix) {
    throw new ControlError(400, 'two sessions named', `X-Mock-Session says "${fromHeader}" but the URL prefix says "${fromPrefix}"; name one session`);
  }
  return fromHeader ?? fromPrefix;
}
