/**
 * The test oracle: what a real Nextcloud sends for an OCS answer, written from the references
 * (ocs-framework.md §2, §4, §5; real-nextcloud-findings.md items 1-3) and independent of src/ocs.
 * Every expected body in the suite is built here, so the status mapping, the meta and PHP's
 * escaping live in one place.
 */

export type Version = 1 | 2;
export type Format = 'json' | 'xml';

/** A value as PHP holds it before rendering: arrays are lists, objects are associative arrays. */
export type Php = null | boolean | number | string | Php[] | { [key: string]: Php };

/**
 * How ocs/v1.php frames its own answers (DIFFERENCES.md §9.3): OC_API up to 30 (v2 meta carries the
 * HTTP status, v1 has no counts), ApiHelper from 31 (raw OCS code in v2 meta, v1 counts as a
 * controller's). The suite's default is 29.0.6's.
 */
export type FrameworkStyle = 'OC_API' | 'ApiHelper';

export function frameworkStyleOf(release: string): FrameworkStyle {
  return Number.parseInt(release, 10) <= 30 ? 'OC_API' : 'ApiHelper';
}

/**
 * Who framed the answer: a controller (AppFramework OCS response) or ocs/v1.php's ApiHelper
 * (unknown route, failed login, uncaught exception).
 */
export type Origin = 'controller' | 'framework';

export const CONTENT_TYPE = {
  controllerXml: 'application/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  frameworkXml: 'text/xml; charset=UTF-8',
  octet: 'application/octet-stream; charset=utf-8',
} as const;

function isSuccess(code: number): boolean {
  return code === 100 || code === 200;
}

/**
 * HTTP status of an answer (V1Response/V2Response::getStatus for controllers; ApiHelper for the
 * framework): v1 is 200 but for 997 (and a framework 503, maintenance); v2 maps the OCS code.
 */
export function httpStatusFor(version: Version, code: number, origin: Origin = 'controller'): number {
  if (version === 1) return code === 997 ? 401 : origin === 'framework' && code === 503 ? 503 : 200;
  if (isSuccess(code)) return 200;
  if (code === 997) return 401;
  if (code === 998) return 404;
  if (code === 996 || code === 999) return 500;
  if (code < 200 || code > 600) return 400;
  return code;
}

/**
 * The meta of an answer: controllers put 100/200 and "OK" on success, v1 adds empty counts;
 * ApiHelper has no counts and its v2 statuscode is the HTTP status (but for 997).
 */
export function metaFor(
  version: Version,
  code: number,
  message: string,
  origin: Origin = 'controller',
  style: FrameworkStyle = 'OC_API',
): { [key: string]: Php } {
  let statuscode: number;
  let ok: boolean;
  if (origin === 'framework') {
    statuscode = version === 2 && code !== 997 && style === 'OC_API' ? httpStatusFor(2, code, origin) : code;
    ok = version === 1 ? statuscode === 100 : statuscode >= 200 && statuscode < 300;
  } else if (isSuccess(code)) {
    statuscode = version === 1 ? 100 : 200;
    ok = true;
  } else {
    statuscode = code;
    ok = version === 2 && code >= 200 && code < 300;
  }
  const meta: { [key: string]: Php } = { status: ok ? 'ok' : 'failure', statuscode, message: ok ? 'OK' : message };
  if (version === 1 && (origin === 'controller' || style === 'ApiHelper')) {
    meta.totalitems = '';
    meta.itemsperpage = '';
  }
  return meta;
}

/** The meta of a controller answer (v1 keeps counts as empty strings, v2 has exactly three keys). */
export function controllerMeta(version: Version, code: number, message: string): { [key: string]: Php } {
  return metaFor(version, code, message, 'controller');
}

/** json_encode($v, JSON_HEX_TAG): escaped slashes, \uXXXX for non-ASCII, \u003C/\u003E for tags. */
export function phpJson(value: Php): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/</g, '\\u003C')
    .replace(/>/g, '\\u003E')
    .replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function scalarText(value: boolean | number | string): string {
  if (value === true) return '1';
  if (value === false) return '';
  return String(value);
}

/** BaseResponse::toXML with XMLWriter's one-space indent. */
function xmlElement(key: string, value: Php, depth: number): string {
  const indent = ' '.repeat(depth);
  const name = /^-?\d+(\.\d+)?$/.test(key) ? 'element' : key;
  if (value === null) return `${indent}<${name}/>\n`;
  if (typeof value !== 'object') return `${indent}<${name}>${escapeText(scalarText(value))}</${name}>\n`;
  let attributes = '';
  let children = '';
  const entries: [string, Php][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  for (const [childKey, child] of entries) {
    if (childKey === '@attributes' && child !== null && typeof child === 'object' && !Array.isArray(child)) {
      for (const [attr, attrValue] of Object.entries(child)) attributes += ` ${attr}="${escapeAttribute(scalarText(attrValue as string))}"`;
    } else if (childKey.startsWith('@')) {
      attributes += ` ${childKey.slice(1)}="${escapeAttribute(scalarText(child as string))}"`;
    } else {
      children += xmlElement(childKey, child, depth + 1);
    }
  }
  if (children === '') return `${indent}<${name}${attributes}/>\n`;
  return `${indent}<${name}${attributes}>\n${children}${indent}</${name}>\n`;
}

export function phpXml(document: { [key: string]: Php }): string {
  const [[root, value]] = Object.entries(document);
  return `<?xml version="1.0"?>\n${xmlElement(root, value, 0)}`;
}

/**
 * An envelope whose data is given as already-rendered text (transcript style): JSON text for
 * `"data":`, or the XML lines inside `<ocs>` after `</meta>`, one-space indented.
 */
export function jsonEnvelope(meta: { [key: string]: Php }, dataJson = '[]'): string {
  return `{"ocs":{"meta":${phpJson(meta)},"data":${dataJson}}}`;
}

export function xmlEnvelope(meta: { [key: string]: Php }, dataLines: string[] = [' <data/>']): string {
  const head = phpXml({ ocs: { meta } }).replace(/<\/ocs>\n$/, '');
  return `${head}${dataLines.join('\n')}\n</ocs>\n`;
}

export interface ExpectedAnswer {
  /** 100/200 for success (either works), otherwise the OCS code. */
  code: number;
  message?: string;
  origin?: Origin;
  /** Framework answers that ignore the requested format (a failed login is always XML). */
  forcedFormat?: Format;
  /** ocs/v1.php's framing of the release (default OC_API, 29.0.6's). */
  style?: FrameworkStyle;
  /** Data as PHP holds it; or pre-rendered `dataJson` / `dataXml` lines. Default: empty. */
  data?: Php;
  dataJson?: string;
  dataXml?: string[];
}

export interface ExpectedHttp {
  status: number;
  contentType: string;
  body: string;
}

/** Status, Content-Type and exact body of an OCS answer in the given version and format. */
export function expectedAnswer(version: Version, format: Format, expected: ExpectedAnswer): ExpectedHttp {
  const origin = expected.origin ?? 'controller';
  const meta = metaFor(version, expected.code, expected.message ?? '', origin, expected.style);
  const rendered = origin === 'framework' ? (expected.forcedFormat ?? format) : format;
  const status = httpStatusFor(version, expected.code, origin);
  if (rendered === 'json') {
    const dataJson = expected.dataJson ?? phpJson(expected.data ?? []);
    return { status, contentType: CONTENT_TYPE.json, body: jsonEnvelope(meta, dataJson) };
  }
  const contentType = origin === 'framework' ? CONTENT_TYPE.frameworkXml : CONTENT_TYPE.controllerXml;
  const body = expected.dataXml ? xmlEnvelope(meta, expected.dataXml) : phpXml({ ocs: { meta, data: expected.data ?? [] } });
  return { status, contentType, body };
}

/** The exact body of a controller answer in the given version and format. */
export function controllerBody(version: Version, format: Format, expected: ExpectedAnswer): string {
  return expectedAnswer(version, format, { ...expected, origin: 'controller' }).body;
}

/** The JSON body of a controller's success answer carrying `data`. */
export function okJsonOf(version: Version, data: Php): string {
  return expectedAnswer(version, 'json', { code: 200, data }).body;
}
