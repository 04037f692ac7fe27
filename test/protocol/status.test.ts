import { describe, expect, test } from 'vitest';
import { buildEnvelope } from '../../src/ocs/envelope.js';
import { frameStatus } from '../../src/ocs/status.js';

describe('frameStatus: controller answers (V1Response / V2Response)', () => {
  test('success: v1 200 -> statuscode 100 ok with counts, HTTP 200; v2 200 -> statuscode 200 ok, HTTP 200', () => {
    expect(frameStatus(1, 200)).toEqual({ statuscode: 100, ok: true, httpStatus: 200, withCounts: true });
    expect(frameStatus(2, 200)).toEqual({ statuscode: 200, ok: true, httpStatus: 200, withCounts: false });
  });

  test('v1 100 stays 100 ok; v2 100 is below 200 -> HTTP 400 failure', () => {
    expect(frameStatus(1, 100)).toEqual({ statuscode: 100, ok: true, httpStatus: 200, withCounts: true });
    expect(frameStatus(2, 100)).toEqual({ statuscode: 100, ok: false, httpStatus: 400, withCounts: false });
  });

  test.each([101, 102, 103, 104, 105])('custom code %i: v1 HTTP 200, v2 HTTP 400, statuscode kept', (code) => {
    expect(frameStatus(1, code)).toEqual({ statuscode: code, ok: false, httpStatus: 200, withCounts: true });
    expect(frameStatus(2, code)).toEqual({ statuscode: code, ok: false, httpStatus: 400, withCounts: false });
  });

  test.each([403, 404, 400, 412])('%i: v1 HTTP 200, v2 HTTP passes through', (code) => {
    expect(frameStatus(1, code)).toEqual({ statuscode: code, ok: false, httpStatus: 200, withCounts: true });
    expect(frameStatus(2, code)).toEqual({ statuscode: code, ok: false, httpStatus: code, withCounts: false });
  });

  test('997: HTTP 401 on v1 and on v2', () => {
    expect(frameStatus(1, 997)).toEqual({ statuscode: 997, ok: false, httpStatus: 401, withCounts: true });
    expect(frameStatus(2, 997)).toEqual({ statuscode: 997, ok: false, httpStatus: 401, withCounts: false });
  });

  test('998: v1 HTTP 200, v2 HTTP 404, statuscode 998 on both', () => {
    expect(frameStatus(1, 998)).toEqual({ statuscode: 998, ok: false, httpStatus: 200, withCounts: true });
    expect(frameStatus(2, 998)).toEqual({ statuscode: 998, ok: false, httpStatus: 404, withCounts: false });
  });

  test.each([996, 999])('%i: v1 HTTP 200, v2 HTTP 500, statuscode kept', (code) => {
    expect(frameStatus(1, code)).toEqual({ statuscode: code, ok: false, httpStatus: 200, withCounts: true });
    expect(frameStatus(2, code)).toEqual({ statuscode: code, ok: false, httpStatus: 500, withCounts: false });
  });

  test('v1 201 is a failure (only 200 maps to 100); v2 201 is ok with HTTP 201', () => {
    expect(frameStatus(1, 201)).toEqual({ statuscode: 201, ok: false, httpStatus: 200, withCounts: true });
    expect(frameStatus(2, 201)).toEqual({ statuscode: 201, ok: true, httpStatus: 201, withCounts: false });
  });

  test('v2 codes above 600 -> HTTP 400, 600 itself passes through', () => {
    expect(frameStatus(2, 601).httpStatus).toBe(400);
    expect(frameStatus(2, 600).httpStatus).toBe(600);
  });
});

describe('frameStatus: framework answers (ApiHelper, measured on NC 29)', () => {
  test('v2 meta statuscode carries the HTTP code: 998 -> 404, 996 -> 500, 999 -> 500', () => {
    expect(frameStatus(2, 998, 'framework')).toEqual({ statuscode: 404, ok: false, httpStatus: 404, withCounts: false });
    expect(frameStatus(2, 996, 'framework')).toEqual({ statuscode: 500, ok: false, httpStatus: 500, withCounts: false });
    expect(frameStatus(2, 999, 'framework')).toEqual({ statuscode: 500, ok: false, httpStatus: 500, withCounts: false });
  });

  test('v2 997 keeps 997 in meta, HTTP 401', () => {
    expect(frameStatus(2, 997, 'framework')).toEqual({ statuscode: 997, ok: false, httpStatus: 401, withCounts: false });
  });

  test('v1 framework answers keep 996/997/998 and have no totalitems/itemsperpage', () => {
    expect(frameStatus(1, 998, 'framework')).toEqual({ statuscode: 998, ok: false, httpStatus: 200, withCounts: false });
    expect(frameStatus(1, 996, 'framework')).toEqual({ statuscode: 996, ok: false, httpStatus: 200, withCounts: false });
    expect(frameStatus(1, 997, 'framework')).toEqual({ statuscode: 997, ok: false, httpStatus: 401, withCounts: false });
  });

  test('maintenance 503 is forced to HTTP 503 on v1 too', () => {
    expect(frameStatus(1, 503, 'framework')).toEqual({ statuscode: 503, ok: false, httpStatus: 503, withCounts: false });
    expect(frameStatus(2, 503, 'framework')).toEqual({ statuscode: 503, ok: false, httpStatus: 503, withCounts: false });
  });
});

describe('buildEnvelope', () => {
  test('v1 success: meta status, statuscode, message OK, then empty counts; data kept', () => {
    const answer = buildEnvelope(1, 200, 'ignored', { users: ['admin'] });
    expect(answer.httpStatus).toBe(200);
    expect(JSON.stringify(answer.envelope)).toBe(
      '{"ocs":{"meta":{"status":"ok","statuscode":100,"message":"OK","totalitems":"","itemsperpage":""},"data":{"users":["admin"]}}}',
    );
  });

  test('v2 success: three meta keys, message OK', () => {
    const answer = buildEnvelope(2, 200, '', []);
    expect(answer.httpStatus).toBe(200);
    expect(JSON.stringify(answer.envelope)).toBe('{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":[]}}');
  });

  test('v1 add group that exists -> 102, HTTP 200, message kept, counts present', () => {
    const answer = buildEnvelope(1, 102, 'group exists', []);
    expect(answer.httpStatus).toBe(200);
    expect(JSON.stringify(answer.envelope)).toBe(
      '{"ocs":{"meta":{"status":"failure","statuscode":102,"message":"group exists","totalitems":"","itemsperpage":""},"data":[]}}',
    );
  });

  test('v2 add group that exists -> 102, HTTP 400', () => {
    const answer = buildEnvelope(2, 102, 'group exists', []);
    expect(answer.httpStatus).toBe(400);
    expect(JSON.stringify(answer.envelope)).toBe('{"ocs":{"meta":{"status":"failure","statuscode":102,"message":"group exists"},"data":[]}}');
  });

  test('an error keeps its data (app config 403 carries {data: {message}})', () => {
    const answer = buildEnvelope(2, 403, '', { data: { message: 'Invalid app id given' } });
    expect(answer.httpStatus).toBe(403);
    expect(answer.envelope.ocs.data).toEqual({ data: { message: 'Invalid app id given' } });
    expect(answer.envelope.ocs.meta).toEqual({ status: 'failure', statuscode: 403, message: '' });
  });

  test('v1 framework 998: no counts in meta', () => {
    expect(buildEnvelope(1, 998, 'x', [], 'framework').envelope.ocs.meta).toEqual({ status: 'failure', statuscode: 998, message: 'x' });
  });

  test('v2 framework 996: meta statuscode 500, HTTP 500', () => {
    const answer = buildEnvelope(2, 996, 'Internal Server Error\n', [], 'framework');
    expect(answer.httpStatus).toBe(500);
    expect(answer.envelope.ocs.meta).toEqual({ status: 'failure', statuscode: 500, message: 'Internal Server Error\n' });
  });
});
