import { afterAll, describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../../src/scenarios/types.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { freshMock, MATRIX, ocs } from '../support/mock.js';
import { ADMIN_AUTH, clientRequest, expectOcs, oneRule } from './support.js';

describe.each(MATRIX)('answers, v$version $format', ({ version, format }) => {
  const query = format === 'json' ? '?format=json' : '';

  it('ocs (controller): envelope, data and extra headers as a controller renders them', async () => {
    const { app } = await freshMock({
      scenarios: [oneRule({ answer: { ocs: { statuscode: 403, message: 'Nope & <no>', data: { why: ['a/b', 1] }, headers: { 'X-Extra': 'yes' } } } })],
    });
    const res = await ocs(app, 'get', version, '/cloud/groups', { format });
    expectOcs(res, version, format, {
      code: 403,
      message: 'Nope & <no>',
      dataJson: '{"why":["a\\/b",1]}',
      dataXml: [' <data>', '  <why>', '   <element>a/b</element>', '   <element>1</element>', '  </why>', ' </data>'],
    });
    expect(res.headers['x-extra']).toBe('yes');
    expect(res.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
  });

  it('ocs (controller): Accept negotiates the format as for real answers', async () => {
    const { app } = await freshMock({ scenarios: [oneRule({ answer: { ocs: { statuscode: 102, message: 'taken' } } })] });
    const res = await ocs(app, 'post', version, '/cloud/groups').set('Accept', format === 'json' ? 'application/json' : 'application/xml');
    expectOcs(res, version, format, { code: 102, message: 'taken' });
  });

  it('ocs (framework): ApiHelper framing, format parameter only, Accept ignored', async () => {
    const { app } = await freshMock({ scenarios: [oneRule({ answer: { ocs: { statuscode: 996, message: 'Internal Server Error\n', origin: 'framework' } } })] });
    const res = await ocs(app, 'get', version, '/cloud/groups', { format }).set('Accept', 'application/json');
    expectOcs(res, version, format, { code: 996, message: 'Internal Server Error\n', origin: 'framework' });
  });

  it('ocs (framework) with a forced format: XML even when JSON was asked for', async () => {
    const { app } = await freshMock({ scenarios: [oneRule({ answer: { ocs: { statuscode: 997, message: 'Unauthorised', origin: 'framework', format: 'xml' } } })] });
    const res = await ocs(app, 'get', version, '/cloud/groups', { format });
    expectOcs(res, version, format, { code: 997, message: 'Unauthorised', origin: 'framework', forcedFormat: 'xml' });
  });

  it('ocs (framework) 503: HTTP 503 on v1 too, with the maintenance header', async () => {
    const { app } = await freshMock({
      scenarios: [oneRule({ answer: { ocs: { statuscode: 503, message: 'Service unavailable', origin: 'framework', headers: { 'X-Nextcloud-Maintenance-Mode': '1' } } } })],
    });
    const res = await ocs(app, 'get', version, '/cloud/groups', { format });
    expectOcs(res, version, format, { code: 503, message: 'Service unavailable', origin: 'framework' });
    expect(res.status).toBe(503);
    expect(res.headers['x-nextcloud-maintenance-mode']).toBe('1');
  });

  it('http: status, headers and body sent as given, nothing added', async () => {
    const { app } = await freshMock({ scenarios: [oneRule({ answer: { http: { status: 502, headers: { 'Content-Type': 'text/plain', 'X-Proxy': 'edge' }, body: 'upstream down\n' } } })] });
    const res = await ocs(app, 'get', version, `/cloud/groups${query}`);
    expect({ status: res.status, type: res.headers['content-type'], proxy: res.headers['x-proxy'], body: res.text, csp: res.headers['content-security-policy'] }).toEqual({
      status: 502,
      type: 'text/plain',
      proxy: 'edge',
      body: 'upstream down\n',
      csp: undefined,
    });
  });

  it('http with json: PHP json_encode bytes and a JSON Content-Type (a 412 as the security middleware sends it)', async () => {
    const { app } = await freshMock({ scenarios: [oneRule({ answer: { http: { status: 412, json: { message: 'CSRF check failed', path: 'a/b' } } } })] });
    const res = await ocs(app, 'post', version, `/cloud/groups${query}`);
    expect({ status: res.status, type: res.headers['content-type'], body: res.text }).toEqual({
      status: 412,
      type: 'application/json; charset=utf-8',
      body: '{"message":"CSRF check failed","path":"a\\/b"}',
    });
  });

  it('delay then answer: the answer waits the fixed delay', async () => {
    const { app } = await freshMock({ scenarios: [oneRule({ delay: 150, answer: { ocs: { statuscode: 102, message: 'late' } } })] });
    const started = performance.now();
    const res = await ocs(app, 'get', version, '/cloud/groups', { format });
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expectOcs(res, version, format, { code: 102, message: 'late' });
  });

  it('delay only: the real handler answers after a random delay from the range, and does its work', async () => {
    const { app } = await freshMock({ scenarios: [oneRule({ delay: { min: 100, max: 200 } })] });
    const started = performance.now();
    const created = await ocs(app, 'post', version, `/cloud/groups${query}`).send({ groupid: 'slowgroup' });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(1000);
    expect(created.status).toBe(200);
    const again = await ocs(app, 'post', version, '/cloud/groups', { format }).send({ groupid: 'slowgroup' });
    expectOcs(again, version, format, { code: 102, message: 'group exists' });
  });
});

describe('network faults seen by a real client', () => {
  const servers: RunningServer[] = [];
  const serve = async (scenario: ScenarioFile) => {
    const running = await startServer({ port: 0, scenarios: [scenario] });
    servers.push(running);
    return running.url;
  };
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  describe.each(MATRIX)('v$version $format', ({ version, format }) => {
    const path = `/ocs/v${version}.php/cloud/groups${format === 'json' ? '?format=json' : ''}`;

    it('reset: the connection is reset (ECONNRESET), nothing is answered', async () => {
      const url = await serve(oneRule({ answer: { fault: 'reset' } }));
      expect(await clientRequest(`${url}${path}`, { headers: ADMIN_AUTH })).toEqual({ kind: 'error', code: 'ECONNRESET', message: 'read ECONNRESET' });
    });

    it('empty: the connection closes without a byte (socket hang up)', async () => {
      const url = await serve(oneRule({ answer: { fault: 'empty' } }));
      expect(await clientRequest(`${url}${path}`, { headers: ADMIN_AUTH })).toEqual({ kind: 'error', code: 'ECONNRESET', message: 'socket hang up' });
    });

    it('hang: no answer until the client gives up; the server keeps serving others', async () => {
      const url = await serve({ name: 'hang', rules: [{ name: 'hang once', answer: { fault: 'hang' }, lifetime: 'once' }] });
      const started = performance.now();
      expect(await clientRequest(`${url}${path}`, { headers: ADMIN_AUTH, timeoutMs: 200 })).toEqual({ kind: 'error', code: 'CLIENT_TIMEOUT', message: 'client timeout' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(195);
      expect(await clientRequest(`${url}${path}`, { headers: ADMIN_AUTH })).toMatchObject({ kind: 'answer', status: 200 });
    });
  });

  it('fetch sees a reset as "fetch failed" caused by ECONNRESET, and an empty reply as a closed socket', async () => {
    const url = await serve({
      name: 'faults',
      rules: [
        { name: 'reset', match: { path: '/cloud/groups' }, answer: { fault: 'reset' } },
        { name: 'empty', match: { path: '/cloud/users' }, answer: { fault: 'empty' } },
      ],
    });
    const failure = (path: string) =>
      fetch(`${url}/ocs/v2.php${path}`, { headers: ADMIN_AUTH }).then(
        () => 'answered',
        (error: Error & { cause?: { code?: string } }) => `${error.message}: ${error.cause?.code}`,
      );
    expect(await failure('/cloud/groups')).toBe('fetch failed: ECONNRESET');
    expect(await failure('/cloud/users')).toBe('fetch failed: UND_ERR_SOCKET');
  });

  it('a delay before a fault: the reset comes after the delay', async () => {
    const url = await serve(oneRule({ delay: 120, answer: { fault: 'reset' } }));
    const started = performance.now();
    expect(await clientRequest(`${url}/ocs/v2.php/cloud/groups`, { headers: ADMIN_AUTH })).toMatchObject({ kind: 'error', code: 'ECONNRESET' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });
});
