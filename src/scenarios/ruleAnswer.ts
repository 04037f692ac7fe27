import { validateHeaderName, validateHeaderValue, type ServerResponse } from 'node:http';
import type { OcsRequest, Responder } from '../http/ocsHandler.js';
import { toPhpJson } from '../ocs/json.js';
import { RuleProblem } from './requestMatcher.js';
import type { Fault, HttpAnswer, OcsAnswer, RuleAnswer } from './types.js';

/** What a rule does instead of the real handler; resolves once the answer is written or the connection is gone. */
export type AnswerAction = (request: OcsRequest, res: ServerResponse, respond: Responder) => Promise<void> | void;

/** Resolves when the connection of `res` is closed (at once if it already is). */
export function closed(res: ServerResponse): Promise<void> {
  if (res.destroyed || res.socket?.destroyed !== false) return Promise.resolve();
  return new Promise((resolve) => res.once('close', () => resolve()));
}

/**
 * Refuses at load what writeHead would refuse on every match (a 500 with no body): names that are
 * not HTTP tokens, values with CR, LF, NUL, other control characters or characters beyond Latin-1 (Node's own checks).
 */
function checkHeaders(headers: Record<string, string> | undefined, field: string): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    try {
      validateHeaderName(name);
    } catch {
      throw new RuleProblem(field, `${JSON.stringify(name)} is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only)`);
    }
    try {
      validateHeaderValue(name, value);
    } catch {
      throw new RuleProblem(`${field}.${name}`, `${JSON.stringify(value)} is not a valid header value (no CR, LF, NUL, other control characters or characters beyond Latin-1)`);
    }
  }
}

function ocsAction(answer: OcsAnswer): AnswerAction {
  const { statuscode, message = '', headers } = answer;
  checkHeaders(headers, 'answer.ocs.headers');
  if (answer.origin !== 'framework') {
    if (answer.format !== undefined) {
      throw new RuleProblem('answer.ocs.format', 'only framework answers ignore the negotiated format; drop it or set "origin": "framework"');
    }
    const data = answer.data ?? [];
    return (_request, _res, respond) => respond.ocs(statuscode, message, data, headers);
  }
  if (answer.data !== undefined) {
    throw new RuleProblem('answer.ocs.data', 'framework answers (ApiHelper) always carry empty data; drop data or use "origin": "controller"');
  }
  const forced = answer.format;
  return (_request, _res, respond) => respond.framework(statuscode, message, headers, forced);
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function httpAction(answer: HttpAnswer): AnswerAction {
  if (answer.body !== undefined && answer.json !== undefined) {
    throw new RuleProblem('answer.http', 'give either body or json, not both');
  }
  checkHeaders(answer.headers, 'answer.http.headers');
  const headers = { ...answer.headers };
  let body = answer.body ?? '';
  if (answer.json !== undefined) {
    body = toPhpJson(answer.json);
    if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  const { status } = answer;
  return (_request, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

function faultAction(fault: Fault): AnswerAction {
  switch (fault) {
    case 'reset':
      // RST instead of FIN: the client sees ECONNRESET, as from a crashed proxy or a dropped NAT entry.
      return (_request, res) => void res.socket?.resetAndDestroy();
    case 'empty':
      // FIN with no byte of answer: curl's "Empty reply from server", Node's "socket hang up".
      return (_request, res) => void res.socket?.destroy();
    case 'hang':
      return (_request, res) => closed(res);
  }
}

/** Compiles an answer once, at load time. */
export function compileAnswer(answer: RuleAnswer): AnswerAction {
  if ('ocs' in answer) return ocsAction(answer.ocs);
  if ('http' in answer) return httpAction(answer.http);
  return faultAction(answer.fault);
}
