import { expect } from 'vitest';
import type { Response, Test } from 'supertest';

/** Transcript 14/15: the route-not-found text of NC 29, trailing newline included. */
export const NOT_FOUND_TEXT =
  'Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n';
export const NOT_FOUND_JSON =
  'Invalid query, please check the syntax. API specifications are here: http:\\/\\/www.freedesktop.org\\/wiki\\/Specifications\\/open-collaboration-services.\\n';

export const CT = {
  controllerXml: 'application/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  frameworkXml: 'text/xml; charset=UTF-8',
  octet: 'application/octet-stream; charset=utf-8',
} as const;

export interface ExpectedXml {
  status: 'ok' | 'failure';
  statuscode: number;
  message: string;
  /** v1 controller answers carry empty totalitems/itemsperpage. */
  counts: boolean;
  /** The lines inside <ocs> after </meta>, one-space indented; default ` <data/>`. */
  data?: string[];
}

/** An OCS XML document written out line by line, as PHP's XMLWriter prints it. */
export function xmlDoc(expected: ExpectedXml): string {
  const lines = [
    '<?xml version="1.0"?>',
    '<ocs>',
    ' <meta>',
    `  <status>${expected.status}</status>`,
    `  <statuscode>${expected.statuscode}</statuscode>`,
    `  <message>${expected.message}</message>`,
    ...(expected.counts ? ['  <totalitems></totalitems>', '  <itemsperpage></itemsperpage>'] : []),
    ' </meta>',
    ...(expected.data ?? [' <data/>']),
    '</ocs>',
  ];
  return lines.join('\n') + '\n';
}

/** `<data>` holding one list of `<element>`s under `key`. */
export function xmlList(key: string, items: string[]): string[] {
  return [' <data>', `  <${key}>`, ...items.map((item) => `   <element>${item}</element>`), `  </${key}>`, ' </data>'];
}

/** The success envelope of each version, with empty data. */
export function okXml(version: 1 | 2, data?: string[]): string {
  return xmlDoc({ status: 'ok', statuscode: version === 1 ? 100 : 200, message: 'OK', counts: version === 1, data });
}

/** A JSON envelope spelled out; `metaJson` is the inside of `"meta":{...}`. */
export function jsonDoc(metaJson: string, dataJson = '[]'): string {
  return `{"ocs":{"meta":{${metaJson}},"data":${dataJson}}}`;
}

export function okJson(version: 1 | 2, dataJson = '[]'): string {
  return version === 1
    ? jsonDoc('"status":"ok","statuscode":100,"message":"OK","totalitems":"","itemsperpage":""', dataJson)
    : jsonDoc('"status":"ok","statuscode":200,"message":"OK"', dataJson);
}

/** A failure meta of a controller answer (v1 with counts). */
export function failJson(version: 1 | 2, statuscode: number, message: string, dataJson = '[]'): string {
  const counts = version === 1 ? ',"totalitems":"","itemsperpage":""' : '';
  return jsonDoc(`"status":"failure","statuscode":${statuscode},"message":${JSON.stringify(message)}${counts}`, dataJson);
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
