import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { invalidAnswer } from './validAnswer.js';

interface Exchange {
  id: string;
  request: { method: string; url: string };
  response: { status: number; headers: Record<string, string>; body: string };
}

const RECORDINGS = JSON.parse(readFileSync(new URL('../fixtures/nc29/recordings.json', import.meta.url), 'utf8')) as Exchange[];
/** The real server's themed HTML 404 page, which the mock deliberately does not serve (known-differences.json). */
const NOT_EMULATED = new Set(['unknown-route/index-php-ocs']);

function answer(status: number, body: string) {
  return { status, headers: {}, body: Buffer.from(body) };
}

describe('fuzz answer oracle', () => {
  it('accepts every answer a real Nextcloud 29.0.6 gave on /ocs/v1.php and /ocs/v2.php (recordings)', () => {
    const rejected: string[] = [];
    let checked = 0;
    for (const exchange of RECORDINGS) {
      const version = /\/ocs\/v([12])\.php/.exec(exchange.request.url)?.[1];
      if (!version || NOT_EMULATED.has(exchange.id)) continue;
      checked++;
      const { status, headers, body } = exchange.response;
      const why = invalidAnswer({ method: exchange.request.method, version: Number(version) as 1 | 2 }, { status, headers, body: Buffer.from(body ?? '') });
      if (why) rejected.push(`${exchange.id}: ${why}`);
    }
    expect(rejected).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
  });

  it('rejects what a real server never answers', () => {
    const v1 = { method: 'GET', version: 1 as const };
    const v2 = { method: 'GET', version: 2 as const };
    const json = (code: number, status = code >= 200 && code < 300 ? 'ok' : 'failure') =>
      `{"ocs":{"meta":{"status":"${status}","statuscode":${code},"message":""},"data":[]}}`;
    expect(invalidAnswer(v1, answer(500, json(996)))).toBe('v1 answered HTTP 500');
    expect(invalidAnswer(v1, answer(200, json(100, 'ok')))).toBeNull();
    expect(invalidAnswer(v1, answer(404, json(998)))).toBe('v1 statuscode 998 with HTTP 404 (expected 200)');
    expect(invalidAnswer(v2, answer(500, json(404)))).toBe('v2 HTTP 500 with statuscode 404');
    expect(invalidAnswer(v2, answer(200, json(102)))).toBe('v2 statuscode 102 with HTTP 200 (expected 400)');
    expect(invalidAnswer(v2, answer(200, json(200, 'failure')))).toBe('v2 meta.status failure with statuscode 200');
    expect(invalidAnswer(v2, answer(200, '<?xml version="1.0"?>\n<ocs><meta><status>ok</status></ocs>'))).toMatch(/^HTTP 200: XML is not well-formed/);
    expect(invalidAnswer(v2, answer(412, '{"message":"nope"}'))).toBe('412 with body "{\\"message\\":\\"nope\\"}"');
    expect(invalidAnswer(v2, answer(200, 'Internal error'))).toMatch(/neither an OCS envelope/);
    expect(invalidAnswer({ method: 'HEAD', version: 2 }, answer(200, json(200)))).toBe('HTTP 200 to HEAD with a body');
  });
});
