import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import type { Response } from 'supertest';
import type { ScenarioFile, ScenarioRule } from '../../src/scenarios/types.js';
import { expectedAnswer, type ExpectedAnswer, type ExpectedHttp, type Format, type Version } from '../support/oracle.js';

/** A scenario's expected answer: the oracle's, with the code named as a scenario rule names it. */
export type ExpectedOcs = ExpectedAnswer;
export type { ExpectedHttp };

export function expectedOcs(version: Version, format: Format, expected: ExpectedOcs): ExpectedHttp {
  return expectedAnswer(version, format, expected);
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
