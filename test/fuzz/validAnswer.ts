import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An answer as the client saw it. */
export interface FuzzAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface AnsweredRequest {
  method: string;
  version: 1 | 2;
}

interface Meta {
  status: unknown;
  statuscode: unknown;
  message: unknown;
  totalitems?: unknown;
  itemsperpage?: unknown;
}

/** What Nextcloud's own non-OCS answers look like (reference/framing.md §8, recordings csrf/*, method/*, negotiation/*). */
const CSRF_BODY = '{"message":"CSRF check failed"}';
const LOGIN_REDIRECT = '/index.php/login?redirect_url=';
/** The mock's answer to a path that is no OCS entry point (the real server has its own 404 page there). */
const NOT_OCS_TEXT = 'ocs-mock serves /ocs/v1.php and /ocs/v2.php\n';
/**
 * The answers a v2 request may get with HTTP 500: ApiHelper::respond(996) for an uncaught error, meta
 * 996 (31+) or 500 (up to 30), and a controller's RESPOND_UNKNOWN_ERROR, which V2Response maps to 500
 * (recording groups-update-group/bad-key.v2-json: HTTP 500, meta 999).
 */
const SERVER_ERROR_CODES = new Set([996, 500, 999]);

function parseEnvelope(text: string): { meta: Meta; hasData: boolean } | string {
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return `body is not JSON: ${(error as Error).message}`;
    }
    const ocs = (parsed as { ocs?: { meta?: Meta; data?: unknown } } | null)?.ocs;
    if (!ocs || typeof ocs !== 'object' || !ocs.meta || typeof ocs.meta !== 'object') return 'JSON body has no ocs.meta';
    const keys = Object.keys(parsed as object);
    if (keys.length !== 1) return `JSON body has keys ${keys.join(',')} beside ocs`;
    return { meta: ocs.meta, hasData: 'data' in ocs };
  }
  if (text.startsWith('<?xml')) {
    const valid = XMLValidator.validate(text);
    if (valid !== true) return `XML is not well-formed: ${valid.err.msg}`;
    const parsed = new XMLParser({ parseTagValue: false, ignoreAttributes: true }).parse(text) as { ocs?: { meta?: Meta; data?: unknown } };
    const ocs = parsed.ocs;
    if (!ocs || typeof ocs !== 'object' || !ocs.meta || typeof ocs.meta !== 'object') return 'XML body has no <ocs><meta>';
    const meta: Meta = { ...ocs.meta, statuscode: Number(ocs.meta.statuscode) };
    return { meta, hasData: 'data' in ocs };
  }
  return `body is neither an OCS envelope nor a known answer: ${JSON.stringify(text.slice(0, 80))}`;
}

function header(answer: FuzzAnswer, name: string): string {
  const value = answer.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/**
 * Null when the answer is one a real Nextcloud gives: an OCS envelope whose meta and HTTP status
 * follow the v1/v2 mapping (reference/framing.md), or one of the server's own non-OCS answers;
 * otherwise why not. Written from the reference, not from src/ocs.
 */
export function invalidAnswer(request: AnsweredRequest, answer: FuzzAnswer): string | null {
  const text = answer.body.toString('utf8');
  const { status } = answer;
  if (request.version === 1 && status >= 500) return `v1 answered HTTP ${status}`;
  // HEAD gets no body; 204/304 have none (BaseResponse).
  if (request.method === 'HEAD' || (request.version === 2 && (status === 204 || status === 304))) {
    if (text !== '') return `HTTP ${status} to ${request.method} with a body`;
    return request.version === 2 && status >= 500 && status !== 500 ? `v2 HEAD answered HTTP ${status}` : null;
  }
  // BruteForceMiddleware's throttled answer: empty, on v1 and v2 (recording users-edit-user-multi-value/rate-limited.v1-json).
  if (status === 429) return text === '' ? null : '429 with a body';
  if (status === 412) return text === CSRF_BODY ? null : `412 with body ${JSON.stringify(text.slice(0, 80))}`;
  if (status === 405) return text === '' ? null : '405 with a body';
  if (status === 303) return text === '' && header(answer, 'location').startsWith(LOGIN_REDIRECT) ? null : '303 that is not the login redirect';
  if (status === 404 && text === NOT_OCS_TEXT) return null;
  const envelope = parseEnvelope(text);
  if (typeof envelope === 'string') return `HTTP ${status}: ${envelope}`;
  const { meta, hasData } = envelope;
  if (!hasData) return 'envelope without data';
  const code = meta.statuscode;
  if (typeof code !== 'number' || !Number.isInteger(code)) return `meta.statuscode ${String(code)} is no integer`;
  if (typeof meta.message !== 'string' && meta.message !== undefined) return 'meta.message is no string';
  if (meta.status !== 'ok' && meta.status !== 'failure') return `meta.status ${String(meta.status)}`;
  const hasCounts = meta.totalitems !== undefined || meta.itemsperpage !== undefined;
  if (request.version === 1) {
    if ((meta.status === 'ok') !== (code === 100)) return `v1 meta.status ${String(meta.status)} with statuscode ${code}`;
    const expectedHttp = code === 997 ? 401 : 200;
    if (status !== expectedHttp) return `v1 statuscode ${code} with HTTP ${status} (expected ${expectedHttp})`;
    return null;
  }
  if (hasCounts) return 'v2 meta with totalitems/itemsperpage';
  if ((meta.status === 'ok') !== (code >= 200 && code < 300)) return `v2 meta.status ${String(meta.status)} with statuscode ${code}`;
  if (status >= 500 && !SERVER_ERROR_CODES.has(code)) return `v2 HTTP ${status} with statuscode ${code}`;
  const expectedHttp = code === 997 ? 401 : code === 998 ? 404 : code === 996 || code === 999 ? 500 : code < 200 || code > 600 ? 400 : code;
  if (status !== expectedHttp) return `v2 statuscode ${code} with HTTP ${status} (expected ${expectedHttp})`;
  return null;
}
