import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import type { Response } from 'supertest';
import type { ScenarioFile, ScenarioRule } from '../../src/scenarios/types.js';
import type { Format, Version } from '../support/mock.js';

/**
 * An independent statement of the reference tables (ocs-framework.md §2, real-nextcloud-findings.md
 * items 1-2), so scenario answers are checked against the documented bytes, not against our renderer.
 */
export interface ExpectedOcs {
  code: number;
  message: string;
  origin?: 'controller' | 'framework';
  /** Framework answers that ignore the request's format (failed login). */
  forcedFormat?: Format;
  /** Inside `"data":`; default `[]`. */
  dataJson?: string;
  /** The lines for `<data>`, one-space indented; default ` <data/>`. */
  dataXml?: string[];
}

export interface ExpectedHttp {
  status: number;
  contentType: string;
  body: string;
}

function v2Http(code: number): number {
  if (code === 997) return 401;
  if (code === 998) return 404;
  if (code === 996 || code === 999) return 500;
  if (code < 200 || code > 600) return 400;
  return code;
}

/** json_encode with JSON_HEX_TAG, for ASCII text: `\/`, `\u003C`, `\u003E`. */
function phpJsonString(text: string): string {
  return JSON.stringify(text).replace(/\//g, '\\/').replace(/</g, '\\u003C').replace(/>/g, '\\u003E');
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function expectedOcs(version: Version, format: Format, expected: ExpectedOcs): ExpectedHttp {
  const framework = expected.origin === 'framework';
  const status = version === 1 ? (expected.code === 997 ? 401 : framework && expected.code === 503 ? 503 : 200) : v2Http(expected.code);
  const statuscode = version === 2 && framework && expected.code !== 997 ? status : expected.code;
  const ok = version === 1 ? statuscode === 100 : statuscode >= 200 && statuscode < 300;
  const counts = version === 1 && !framework;
  const rendered = framework ? (expected.forcedFormat ?? format) : format;
  if (rendered === 'json') {
    const meta =
      `"status":"${ok ? 'ok' : 'failure'}","statuscode":${statuscode},"message":${phpJsonString(ok ? 'OK' : expected.message)}` +
      (counts ? ',"totalitems":"","itemsperpage":""' : '');
    return {
      status,
      contentType: 'application/json; charset=utf-8',
      body: `{"ocs":{"meta":{${meta}},"data":${expected.dataJson ?? '[]'}}}`,
    };
  }
  const lines = [
    '<?xml version="1.0"?>',
    '<ocs>',
    ' <meta>',
    `  <status>${ok ? 'ok' : 'failure'}</status>`,
    `  <statuscode>${statuscode}</statuscode>`,
    `  <message>${xmlText(ok ? 'OK' : expected.message)}</message>`,
    ...(counts ? ['  <totalitems></totalitems>', '  <itemsperpage></itemsperpage>'] : []),
    ' </meta>',
    ...(expected.dataXml ?? [' <data/>']),
    '</ocs>',
  ];
  return {
    status,
    contentType: framework ? 'text/xml; charset=UTF-8' : 'application/xml; charset=utf-8',
    body: lines.join('\n') + '\n',
  };
}

/** Status, Content-Type and body, byte for byte. */
export function expectAnswer(res: Response, expected: ExpectedHttp): void {
  expect({ status: res.status, contentType: res.headers['content-type'], body: res.text }).toEqual({
    status: expected.status,
    contentType: expected.contentType,
    body: expected.body,
  });
}

export function expectOcs(res: Response, version: Version, format: Format, expected: ExpectedOcs): void {
  expectAnswer(res, expectedOcs(version, format, expected));
}

/** What a plain node:http client saw: an answer, or the error it failed with. */
export type ClientOutcome =
  | { kind: 'answer'; status: number; headers: Record<string, string | string[] | undefined>; body: string }
  | { kind: 'error'; code: string | undefined; message: string };

/** One request from a real client (node:http, no keep-alive), giving up after `timeoutMs`. */
export function clientRequest(url: string, options: { method?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<ClientOutcome> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ kind: 'answer', status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'error', code: error.code, message: error.message }));
    });
    if (options.timeoutMs !== undefined) {
      req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
    }
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'error', code: error.code, message: error.message }));
    req.end();
  });
}

export const ADMIN_AUTH = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'OCS-APIRequest': 'true' };

/** A one-rule scenario document. */
export function oneRule(rule: Omit<ScenarioRule, 'name'> & { name?: string }, name = 'test'): ScenarioFile {
  return { name, rules: [{ name: 'rule', ...rule }] };
}
