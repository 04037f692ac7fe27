import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import type { Format, Version } from './mock.js';

/**
 * Expected answers written from the references (ocs-framework.md §2, §4, §5; real-nextcloud-findings.md),
 * independently of src/ocs: the test renders what PHP would send and compares bodies byte for byte.
 */

/** A value as PHP holds it before rendering: arrays are lists, objects are associative arrays. */
export type Php = null | boolean | number | string | Php[] | { [key: string]: Php };

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** V1Response/V2Response::getStatus(). */
export function httpStatusFor(version: Version, code: number): number {
  if (version === 1) return code === 997 ? 401 : 200;
  if (code === 100 || code === 200) return 200;
  if (code === 997) return 401;
  if (code === 998) return 404;
  if (code === 996 || code === 999) return 500;
  if (code < 200 || code > 600) return 400;
  return code;
}

/** The meta of a controller answer: v1 keeps counts as empty strings, v2 has exactly three keys. */
export function controllerMeta(version: Version, code: number, message: string): { [key: string]: Php } {
  const ok = code === 100 || code === 200;
  const meta: { [key: string]: Php } = {
    status: ok ? 'ok' : 'failure',
    statuscode: ok ? (version === 1 ? 100 : 200) : code,
    message: ok ? 'OK' : message,
  };
  if (version === 1) {
    meta.totalitems = '';
    meta.itemsperpage = '';
  }
  return meta;
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

export const CONTROLLER_CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

export interface Expected {
  /** 100/200 for success (either works), otherwise the OCS code. */
  code: number;
  message?: string;
  data?: Php;
}

/** The exact body of a controller answer in the given version and format. */
export function controllerBody(version: Version, format: Format, expected: Expected): string {
  const envelope = { ocs: { meta: controllerMeta(version, expected.code, expected.message ?? ''), data: expected.data ?? [] } };
  return format === 'json' ? phpJson(envelope) : phpXml(envelope);
}

/**
 * Asserts a controller answer exactly: HTTP status, Content-Type, whole body (meta and data, key
 * order included). Success bodies in JSON are also checked against openapi.json when an
 * operationId is given.
 */
export async function expectOcs(res: Answer, version: Version, format: Format, expected: Expected, operationId?: string): Promise<void> {
  expect(res.headers['content-type']).toBe(CONTROLLER_CONTENT_TYPE[format]);
  expect(res.text).toBe(controllerBody(version, format, expected));
  expect(res.status).toBe(httpStatusFor(version, expected.code));
  if (operationId && format === 'json' && (expected.code === 100 || expected.code === 200)) {
    await expectValidResponse(operationId, res.status, JSON.parse(res.text));
  }
}

export const INTERNAL_SERVER_ERROR = 'Internal Server Error\n';

/**
 * An answer of ocs/v1.php's ApiHelper (uncaught exception): v1 HTTP 200 / 996 without counts,
 * v2 HTTP 500 with 500 in meta; text/xml unless format=json (findings 1-3).
 */
export function expectFramework996(res: Answer, version: Version, format: Format): void {
  const statuscode = version === 1 ? 996 : 500;
  const envelope = { ocs: { meta: { status: 'failure', statuscode, message: INTERNAL_SERVER_ERROR }, data: [] } };
  expect(res.headers['content-type']).toBe(format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=UTF-8');
  expect(res.text).toBe(format === 'json' ? phpJson(envelope) : phpXml(envelope));
  expect(res.status).toBe(version === 1 ? 200 : 500);
}

export const SPEC_FILE = new URL('../../openapi.json', import.meta.url);
/** The seed spec the product was created from (../shared/seeds/openapi.json), kept in the repo. */
export const SEED_SPEC_FILE = new URL('../fixtures/seed-openapi.json', import.meta.url);

let backend: Promise<OpenAPIBackend> | null = null;

/** openapi-backend on the top-level openapi.json, quick init (validators compile on first use). */
export function specBackend(): Promise<OpenAPIBackend> {
  backend ??= (async () => {
    const definition = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Document;
    const api = new OpenAPIBackend({ definition, quick: true });
    await api.init();
    return api;
  })();
  return backend;
}

/**
 * The body validates against the operation's response schema for that status. Fails when the spec
 * has no schema for it (openapi-backend would otherwise pass silently).
 */
export async function expectValidResponse(operationId: string, status: number, body: unknown): Promise<void> {
  const api = await specBackend();
  const operation = api.getOperation(operationId);
  expect(operation, `operation ${operationId} in openapi.json`).toBeDefined();
  const response = operation!.responses?.[String(status)] as { content?: Record<string, { schema?: unknown }> } | undefined;
  expect(response?.content?.['application/json']?.schema, `${operationId} ${status} has a response schema`).toBeDefined();
  const result = api.validateResponse(body, operationId, status);
  expect(result.errors ?? [], `${operationId} ${status} body matches openapi.json`).toEqual([]);
}
