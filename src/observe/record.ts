import type { IgnoredCredentials, LoginFailure } from '../http/auth.js';
import type { OcsVersion } from '../ocs/status.js';
import { nowIsoText } from './timeText.js';

/** Why no operation answered: no route for the path, or a route for another method. */
export type Unmatched =
  | { reason: 'no-route'; /** Up to 3 route templates closest to the path, e.g. `GET /cloud/users/{userId}`. */ nearest: string[] }
  | { reason: 'method-not-allowed'; /** The methods the path has routes for. */ allowed: string[] }
  | { reason: 'not-ocs' };

/** How the request logged in, in the words the request log uses. */
export type LoginOutcome =
  | { kind: 'user' }
  | { kind: 'anonymous'; /** Credentials that were sent but ignored. */ ignored?: IgnoredCredentials }
  | { kind: 'failed'; reason: LoginFailure; loginName: string };

/**
 * One request as the mock received and answered it: built once per request by the OCS pipeline
 * and handed to the journal and the request log. Never holds a password, token or Authorization value.
 */
export interface RequestRecord {
  /** Sequence number within the mock, from 1. */
  id: number;
  /** When the request arrived (ISO 8601). */
  time: string;
  /** Milliseconds from arrival to the end of the answer. */
  durationMs: number;
  method: string;
  /** null when the URL names no OCS entry point. */
  version: OcsVersion | null;
  /** Path below /ocs/v{1,2}.php, decoded (the whole URL path when it names no entry point). */
  path: string;
  /** The session the request named (X-Mock-Session or /session/<id>/); null for the mock's own. */
  session: string | null;
  /** The logged-in user id; null when anonymous or the login failed. */
  user: string | null;
  login: LoginOutcome;
  /** Parameters (redacted): as bound to the operation's arguments when it got that far, else as sent. */
  params: Record<string, unknown>;
  /** Whether `params` are the bound arguments. */
  bound: boolean;
  operationId: string | null;
  unmatched: Unmatched | null;
  /** HTTP status; null when no answer was sent (the connection was dropped). */
  status: number | null;
  /** The OCS `meta` statuscode and message the client read (v2 carries 997/998/996 as 401/404/500); null for answers without an envelope (405, 412, redirects, raw answers). */
  ocsCode: number | null;
  ocsMessage: string | null;
  /** The scenario rule that answered, if one did. */
  rule: string | null;
  /** Why the mock refused the request, in words (null when the operation answered itself). */
  refusal: string | null;
}

/** The record while the request is on its way; the pipeline fills it as it learns. */
export type RecordDraft = Omit<RequestRecord, 'id' | 'durationMs' | 'status' | 'time'> & {
  readonly started: number;
  readonly time: string;
  /** The answer body, captured only when the log wants it (debug). */
  body: string | null;
};

export function startDraft(method: string, path: string, now: number, session: string | null): RecordDraft {
  return {
    started: now,
    time: nowIsoText(),
    method,
    version: null,
    path,
    session,
    user: null,
    login: { kind: 'anonymous' },
    params: {},
    bound: false,
    operationId: null,
    unmatched: null,
    ocsCode: null,
    ocsMessage: null,
    rule: null,
    refusal: null,
    body: null,
  };
}
