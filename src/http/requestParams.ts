import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type busboy from 'busboy';
import qs from 'qs';
import type { Params } from '../domain/context.js';

/** Parameters as Nextcloud's Request merges them (route placeholders are added later, on top). */
export interface ParsedParams {
  params: Params;
  /** A JSON body that does not parse: newest Nextcloud rethrows it as a 996. */
  malformedJson: boolean;
}

const JSON_CONTENT_TYPE = /^application\/(?:[a-z0-9.-]+\+)?json\b/;
/**
 * PHP's post_max_size (8M on the recorded server): PHP reads a bigger body but drops its data, so
 * the parameters are missing (recordings big-body/9mib-*); 2 MiB bodies are read whole (big-body/2mib-*).
 */
const POST_MAX_SIZE = 8 * 1024 * 1024;

/** PHP parse_str semantics: `a[]=1&a[]=2` and `a[b][]=1` become nested arrays. */
export function parsePhpQuery(text: string): Params {
  // Null-prototype objects: a `__proto__` key stays an ordinary parameter.
  return qs.parse(text, { depth: 10, arrayLimit: 1000, parameterLimit: 10000, plainObjects: true }) as Params;
}

const NO_BODY = Buffer.alloc(0);

/** The mock's own default ceiling for a request body (not a Nextcloud limit): see readBody. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** A body over the mock's `maxBodyBytes`: the mock stops reading and answers 413 itself. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/**
 * The whole body is read (the connection stays usable), but one over post_max_size counts as empty.
 * Beyond `maxBytes` (the mock protecting itself) reading stops and BodyTooLargeError is thrown: a
 * truncated body never reaches the pipeline.
 */
/**
 * HTTP/1.1 (RFC 9112 §6.3): without Content-Length or Transfer-Encoding there is no body, so there is
 * nothing to wait for (most GETs); the stream is drained for the connection's next request.
 * Undefined when the request has a body to read.
 */
export function absentBody(req: IncomingMessage): Buffer | undefined {
  const { headers } = req;
  if (req.destroyed || headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && Number(headers['content-length']) !== 0)) return undefined;
  req.resume();
  return NO_BODY;
}

export function readBody(req: IncomingMessage, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) return Promise.reject(new BodyTooLargeError(maxBytes));
  if (req.destroyed) return Promise.reject(new Error('the client closed the connection before the body ended'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Paused, not destroyed: the 413 still has to go out on this socket.
        stop();
        req.pause();
        reject(new BodyTooLargeError(maxBytes));
      } else if (size <= POST_MAX_SIZE) {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      stop();
      resolve(size > POST_MAX_SIZE ? Buffer.alloc(0) : Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => onError(new Error('the client closed the connection before the body ended'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

const require = createRequire(import.meta.url);

/** busboy loads with the first multipart body. */
function createBusboy(config: busboy.BusboyConfig): busboy.Busboy {
  return (require('busboy') as typeof busboy)(config);
}

/** multipart/form-data fields as PHP's $_POST sees them; no boundary or a broken body gives none. */
async function parseMultipart(contentType: string, body: Buffer): Promise<Params> {
  if (body.length === 0 || !/boundary=/i.test(contentType)) return {};
  return new Promise((resolve) => {
    const pairs: string[] = [];
    let parser: busboy.Busboy;
    try {
      parser = createBusboy({ headers: { 'content-type': contentType } });
    } catch {
      resolve({});
      return;
    }
    parser.on('field', (name, value) => pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`));
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('close', () => resolve(parsePhpQuery(pairs.join('&'))));
    parser.on('error', () => resolve(parsePhpQuery(pairs.join('&'))));
    parser.end(body);
  });
}

/** Query strings parsed before: clients repeat a few short ones (`format=json`), and qs costs microseconds each. */
const parsedQueries = new Map<string, Params>();
const PARSED_QUERIES_KEPT = 256;
const PARSED_QUERY_MAX_LENGTH = 256;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** parsePhpQuery of the URL's query, from the cache when it was seen; nested values are shared, frozen. */
function parseQueryString(text: string): Params {
  if (text.length > PARSED_QUERY_MAX_LENGTH) return parsePhpQuery(text);
  let parsed = parsedQueries.get(text);
  if (!parsed) {
    parsed = deepFreeze(parsePhpQuery(text));
    if (parsedQueries.size >= PARSED_QUERIES_KEPT) parsedQueries.delete(parsedQueries.keys().next().value!);
    parsedQueries.set(text, parsed);
  }
  // A loop of stores: Object.assign into a null-prototype object takes V8's slow path.
  const params = Object.create(null) as Params;
  for (const name of Object.keys(parsed)) params[name] = parsed[name];
  return params;
}

/**
 * Query string, then the form body (urlencoded or multipart for POST, urlencoded for PUT, PATCH and
 * DELETE: what PHP and Request::decodeContent read), then a JSON body for any method.
 */
export function parseParams(method: string, contentType: string, rawQuery: string, body: Buffer): ParsedParams | Promise<ParsedParams> {
  const params = parseQueryString(rawQuery);
  if (JSON_CONTENT_TYPE.test(contentType)) {
    const text = body.toString('utf8');
    if (text.trim() === '') return { params, malformedJson: false };
    let decoded: unknown;
    try {
      decoded = JSON.parse(text);
    } catch {
      return { params, malformedJson: true };
    }
    if (decoded !== null && typeof decoded === 'object' && Object.keys(decoded).length > 0) {
      Object.assign(params, Array.isArray(decoded) ? { ...decoded } : decoded);
    }
    return { params, malformedJson: false };
  }
  const isForm = contentType.includes('application/x-www-form-urlencoded');
  if (method === 'POST') {
    if (isForm) Object.assign(params, parsePhpQuery(body.toString('utf8')));
    // Only multipart is read asynchronously (busboy streams): the rest answers without a microtask.
    else if (contentType.startsWith('multipart/form-data')) {
      return parseMultipart(contentType, body).then((fields) => ({ params: Object.assign(params, fields), malformedJson: false }));
    }
  } else if (method !== 'GET' && isForm) {
    Object.assign(params, parsePhpQuery(body.toString('utf8')));
  }
  return { params, malformedJson: false };
}
