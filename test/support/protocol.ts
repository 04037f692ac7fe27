import { expect } from 'vitest';
import type { Response, Test } from 'supertest';
import { CONTENT_TYPE, jsonEnvelope, metaFor, xmlEnvelope, type Php, type Version } from './oracle.js';

/** Transcript 14/15: the route-not-found text of NC 29, trailing newline included. */
export const NOT_FOUND_TEXT =
  'Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n';
export const NOT_FOUND_JSON =
  'Invalid query, please check the syntax. API specifications are here: http:\\/\\/www.freedesktop.org\\/wiki\\/Specifications\\/open-collaboration-services.\\n';

export const CT = CONTENT_TYPE;

export interface ExpectedXml {
  status: 'ok' | 'failure';
  statuscode: number;
  message: string;
  /** v1 controller answers carry empty totalitems/itemsperpage. */
  counts: boolean;
  /** The lines inside <ocs> after </meta>, one-space indented; default ` <data/>`. */
  data?: string[];
}

/** An OCS XML document with its meta spelled out and transcript-style data lines. */
export function xmlDoc(expected: ExpectedXml): string {
  const meta: { [key: string]: Php } = { status: expected.status, statuscode: expected.statuscode, message: expected.message };
  if (expected.counts) Object.assign(meta, { totalitems: '', itemsperpage: '' });
  return xmlEnvelope(meta, expected.data);
}

/** `<data>` holding one list of `<element>`s under `key`. */
export function xmlList(key: string, items: string[]): string[] {
  return [' <data>', `  <${key}>`, ...items.map((item) => `   <element>${item}</element>`), `  </${key}>`, ' </data>'];
}

/** The success envelope of each version (controller), with the given data lines. */
export function okXml(version: Version, data?: string[]): string {
  return xmlEnvelope(metaFor(version, 200, ''), data);
}

export function okJson(version: Version, dataJson = '[]'): string {
  return jsonEnvelope(metaFor(version, 200, ''), dataJson);
}

/** A failure of a controller answer (v1 with counts). */
export function failJson(version: Version, statuscode: number, message: string, dataJson = '[]'): string {
  return jsonEnvelope(metaFor(version, statuscode, message), dataJson);
}

/** Reads any body as text, whatever its Content-Type (supertest leaves octet-stream unparsed). */
export function asText(req: Test): Test {
  return req.buffer(true).parse((res, done) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => done(null, text));
  });
}

export function bodyText(res: Response): string {
  return typeof res.body === 'string' ? res.body : res.text;
}

/** The header as the server spelled it (name case included), e.g. `Content-type` from ApiHelper. */
export function rawHeader(res: Response, name: string): [string, string] | undefined {
  const raw = (res as unknown as { res: { rawHeaders: string[] } }).res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].toLowerCase() === name.toLowerCase()) return [raw[i], raw[i + 1]];
  }
  return undefined;
}

/** Headers every AppFramework (controller) answer carries. */
export function expectControllerHeaders(res: Response): void {
  expect(res.headers['x-request-id']).toMatch(/^[A-Za-z0-9]{20}$/);
  expect(res.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
}

/**
 * ApiHelper answers (failed login, unknown route, uncaught errors): no request id, and the header is
 * spelled `Content-type` for XML but `Content-Type` otherwise (transcripts 11, 14, 15).
 */
export function expectFrameworkHeaders(res: Response, contentType: string): void {
  const name = contentType === CT.frameworkXml ? 'Content-type' : 'Content-Type';
  expect(rawHeader(res, 'content-type')).toEqual([name, contentType]);
  expect(res.headers['x-request-id']).toBeUndefined();
  expect(res.headers['cache-control']).toBeUndefined();
}
