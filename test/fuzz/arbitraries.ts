import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

/** A route as a release's spec files declare it: method, template below /ocs/v{1,2}.php, argument names. */
export interface SpecRoute {
  method: string;
  template: string;
  params: string[];
}

/** One generated HTTP request, as sent on the wire (the path already encoded to Latin-1 bytes Node accepts). */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What the oracle needs to know about the request. */
  version: 1 | 2;
}

/** A password the policy accepts, so that generated addUser and editUser calls succeed. */
const NEW_PASSWORD = 'Fuzz-Password-4711!';

/** Admin, a sub-admin of group1, a plain user, a disabled one, and an account the fuzzer may create (NEW_PASSWORD). */
export const USERS: Record<string, string> = { admin: 'admin', alice: 'alice-password', bob: 'bob-password', carol: 'carol-password', new: NEW_PASSWORD };

const RELEASES_DIR = new URL('../../releases/', import.meta.url);

interface SpecFile {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown }>>;
}

function bodyParamNames(requestBody: unknown): string[] {
  const schema = (requestBody as { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } | undefined)?.content?.[
    'application/json'
  ]?.schema;
  return Object.keys(schema?.properties ?? {});
}

/** Every route of every shipped release (read from releases/<version>/*.json, not from src/). */
export function allSpecRoutes(): SpecRoute[] {
  const seen = new Map<string, SpecRoute>();
  for (const version of readdirSync(RELEASES_DIR)) {
    const dir = new URL(`${version}/`, RELEASES_DIR);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const spec = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as SpecFile;
      for (const [path, item] of Object.entries(spec.paths)) {
        for (const [method, operation] of Object.entries(item)) {
          if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
          const template = path.replace(/^\/ocs\/v[12]\.php/, '');
          const key = `${method} ${template}`;
          const params = [
            ...(operation.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'path').map((p) => p.name),
            ...bodyParamNames(operation.requestBody),
          ];
          const known = seen.get(key);
          seen.set(key, { method: method.toUpperCase(), template, params: [...new Set([...(known?.params ?? []), ...params])] });
        }
      }
    }
  }
  seen.set('get /cloud/capabilities', { method: 'GET', template: '/cloud/capabilities', params: [] });
  return [...seen.values()];
}

/** Names and values that exist in the default fixture, so that requests reach deep into handlers. */
const KNOWN_VALUES = ['admin', 'alice', 'bob', 'carol', 'dave', 'group1', 'group2', 'empty', 'files', 'provisioning_api', 'core', 'theming', 'new', 'New', 'ADMIN', 'Alice'];

/** Path placeholder values: real ids, hostile text and encodings. */
const pathValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...KNOWN_VALUES) },
  { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '..', '.', '%', '%2F', '%00', 'a/b', 'a%2Fb', ' ', '+', '*', '0', '-1', '1e309', 'NaN') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 300 }).map((n) => 'x'.repeat(n)) },
);

/**
 * Node refuses request paths outside U+0021-U+00FF; everything else is sent percent-encoded (UTF-8),
 * sometimes only the unsafe characters, sometimes every one of them.
 */
function encodeSegment(value: string, mode: 'raw' | 'encoded'): string {
  if (mode === 'encoded') return encodeURIComponent(value);
  return [...value].map((c) => (/^[\u0021-\u007e]$/.test(c) && c !== '?' && c !== '#' ? c : encodeURIComponent(c))).join('');
}

const templatedPath = (routes: SpecRoute[]) =>
  fc.record({
    route: fc.constantFrom(...routes),
    values: fc.array(pathValue, { minLength: 4, maxLength: 4 }),
    mode: fc.constantFrom<'raw' | 'encoded'>('raw', 'raw', 'raw', 'encoded'),
    trailing: fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '//') }),
  }).map(({ route, values, mode, trailing }) => {
    let i = 0;
    const path = route.template.replace(/\{[^}]+\}/g, () => encodeSegment(values[i++ % values.length], mode)) + trailing;
    return { route, path };
  });

const strayPath = fc
  .array(fc.oneof(fc.constantFrom('cloud', 'users', 'groups', 'apps', 'config', 'subadmins', 'details', '..', '', 'v2.php'), pathValue), { maxLength: 5 })
  .map((segments) => `/${segments.map((s) => encodeSegment(s, 'raw')).join('/')}`);

/** A PHP-ish parameter value: strings, numbers, booleans, null, nested arrays and objects, huge strings. */
const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...KNOWN_VALUES),
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 10 }),
    fc.constantFrom('', 'true', 'false', '0', '-1', '1.5', NEW_PASSWORD, 'a@b.example', 'quota', 'email', 'displayname', 'password', '5 GB', 'none', 'default', 'de', 'en', 'Europe/Berlin'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.integer({ min: 1_000, max: 70_000 }).map((n) => 'y'.repeat(n)),
    // Nesting deeper than PHP's json_decode depth (512) and than qs's depth.
    fc.integer({ min: 5, max: 1_500 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
    // Many keys at once (PHP's max_input_vars is 1000).
    fc.integer({ min: 500, max: 3_000 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', '0', '1')), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const paramName = (route: SpecRoute | null) =>
  fc.oneof(
    { weight: 6, arbitrary: route && route.params.length > 0 ? fc.constantFrom(...route.params) : fc.constant('format') },
    { weight: 1, arbitrary: fc.constantFrom('format', '__proto__', 'constructor', 'key', 'value', 'groupid', 'userid', 'search', 'limit', 'offset', 'configs', 'groups[]', 'a[b][]', 'x[') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );

/** A value as it can travel in a query string or form: `name=value` pairs in PHP array syntax. */
function phpPairs(name: string, value: unknown): [string, string][] {
  if (value === null) return [[name, '']];
  if (Array.isArray(value)) return value.length === 0 ? [[`${name}[]`, '']] : value.flatMap((v, i) => phpPairs(i % 2 === 0 ? `${name}[]` : `${name}[${i}]`, v));
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => phpPairs(`${name}[${k}]`, v));
  return [[name, String(value)]];
}

function formEncode(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

function multipart(pairs: [string, string][], boundary: string): Buffer {
  const parts = pairs.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '%22')}"\r\n\r\n${v}\r\n`);
  return Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8');
}

/** Room left for the query in a request line Apache accepts. */
const MAX_QUERY = 6000;

type Encoding = 'query' | 'form' | 'json' | 'multipart' | 'broken-json' | 'none';

const authHeader = fc.oneof(
  { weight: 8, arbitrary: fc.constant(`Basic ${Buffer.from('admin:admin').toString('base64')}`) },
  { weight: 4, arbitrary: fc.constantFrom(...Object.entries(USERS)).map(([user, password]) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`) },
  fc.constantFrom(
    `Basic ${Buffer.from('admin:wrong').toString('base64')}`,
    `Basic ${Buffer.from('nobody:x').toString('base64')}`,
    `Basic ${Buffer.from('admin').toString('base64')}`,
    'Basic !!!',
    'Bearer not-a-token',
    'Bearer ',
    'Digest x',
  ),
  fc.constant(''),
);

const formatParam = fc.constantFrom<string | null>(null, null, 'json', 'json', 'json', 'json', 'xml', 'xml', 'html', '', 'JSON');
const acceptHeader = fc.constantFrom('', '', 'application/json', 'application/xml', 'text/html', 'application/json, text/plain', 'text/html,application/xhtml+xml', 'application/foo', '*/*');

/**
 * A request to /ocs/v1.php or /ocs/v2.php (now and then below a web root or off the OCS entry
 * points): any method, route, hostile path values and parameters in any encoding, any credentials.
 */
export function requestArb(routes: SpecRoute[]): fc.Arbitrary<FuzzRequest> {
  const target = fc.oneof({ weight: 19, arbitrary: templatedPath(routes) }, { weight: 1, arbitrary: strayPath.map((path) => ({ route: null, path })) });
  return target
    .chain((t) =>
      fc.record({
        target: fc.constant(t),
        version: fc.constantFrom<1 | 2>(1, 2),
        prefix: fc.constantFrom('', '', '', '', '', '', '', '', '/nextcloud', '/index.php'),
        method: fc.oneof({ weight: 12, arbitrary: fc.constant<string | null>(null) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') }),
        params: fc.array(fc.tuple(paramName(t.route), jsonValue), { maxLength: 4 }),
        encoding: fc.constantFrom<Encoding>('query', 'form', 'json', 'json', 'multipart', 'broken-json', 'none'),
        format: formatParam,
        accept: acceptHeader,
        auth: authHeader,
        apiRequest: fc.oneof({ weight: 12, arbitrary: fc.constant<string | null>('true') }, { weight: 1, arbitrary: fc.constantFrom<string | null>(null, '1', 'false') }),
        requestedWith: fc.boolean(),
        jsonType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'application/vnd.api+json', 'text/plain', 'application/JSON'),
        multipartType: fc.constantFrom('multipart/form-data; boundary=fuzzBoundary', 'multipart/form-data; boundary=fuzzBoundary', 'multipart/form-data', 'multipart/form-data; boundary=other'),
      }),
    )
    .map((r) => {
      const method = r.method ?? r.target.route?.method ?? 'GET';
      const entries: [string, unknown][] = r.params;
      const pairs = entries.flatMap(([name, value]) => phpPairs(name, value));
      const query: [string, string][] = [];
      if (r.format !== null) query.push(['format', r.format]);
      const headers: Record<string, string> = {};
      let body: Buffer | undefined;
      // Apache refuses request lines over 8190 bytes (LimitRequestLine) before Nextcloud sees them: big values travel in the body.
      const tooLong = formEncode(pairs).length > MAX_QUERY;
      const encoding = tooLong && (r.encoding === 'query' || r.encoding === 'none') ? 'json' : r.encoding === 'none' && pairs.length > 0 ? 'query' : r.encoding;
      if (encoding === 'query') query.push(...pairs);
      else if (encoding === 'form') {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = Buffer.from(formEncode(pairs));
      } else if (encoding === 'multipart') {
        headers['content-type'] = r.multipartType;
        body = multipart(pairs, 'fuzzBoundary');
      } else if (encoding === 'json' || encoding === 'broken-json') {
        headers['content-type'] = r.jsonType;
        const object: Record<string, unknown> = {};
        for (const [name, value] of entries) Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
        const text = JSON.stringify(object);
        body = Buffer.from(encoding === 'json' ? text : text.slice(0, Math.max(1, text.length - 1)) + ',');
      }
      if (r.auth) headers.authorization = r.auth;
      if (r.accept) headers.accept = r.accept;
      if (r.apiRequest !== null) headers['ocs-apirequest'] = r.apiRequest;
      if (r.requestedWith) headers['x-requested-with'] = 'XMLHttpRequest';
      const search = query.length > 0 ? `?${formEncode(query)}` : '';
      return { method, path: `${r.prefix}/ocs/v${r.version}.php${r.target.path}${search}`, headers, body, version: r.version };
    });
}
