import { fileURLToPath } from 'node:url';
import request, { type Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs, VERSIONS } from '../support/mock.js';
import { expectedAnswer } from '../support/oracle.js';

/**
 * status.php and OCS under maintenance mode (NC 29: status.php, ocs/v1.php, lib/base.php,
 * lib/private/legacy/OC_API.php), the mode declared by a scenario (`"maintenance": true`).
 */

const MAINTENANCE = fileURLToPath(new URL('../../scenarios/maintenance-mode.json', import.meta.url));

/** Recording status.php/anonymous, byte for byte. */
const STATUS_BODY =
  '{"installed":true,"maintenance":false,"needsDbUpgrade":false,"version":"29.0.6.1","versionstring":"29.0.6","edition":"","productname":"Nextcloud","extendedSupport":false}';
const MAINTENANCE_STATUS_BODY = STATUS_BODY.replace('"maintenance":false', '"maintenance":true');

/** The headers of the recorded status.php answers, plus the constant ones the recorder left out (transcript 18). */
function expectStatusHeaders(res: Response): void {
  expect(res.headers).toMatchObject({
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-robots-tag': 'noindex, nofollow',
    'x-xss-protection': '1; mode=block',
    'referrer-policy': 'no-referrer',
  });
  expect(res.headers['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]+'; style-src 'self' 'unsafe-inline';/);
  expect(res.headers.etag).toBeUndefined();
}

const MAINTENANCE_ANSWER = { code: 503, message: 'Service unavailable', origin: 'framework' } as const;

function expectMaintenance(res: Response, version: 1 | 2, format: 'json' | 'xml'): void {
  const expected = expectedAnswer(version, format, MAINTENANCE_ANSWER);
  expect({ status: res.status, type: res.headers['content-type'], body: res.text }).toEqual({
    status: expected.status,
    type: expected.contentType,
    body: expected.body,
  });
  expect(res.headers['x-nextcloud-maintenance-mode']).toBe('1');
}

describe('status.php', () => {
  it('GET -> HTTP 200, the recorded body, Content-Type application/json without charset, security headers (status.php/anonymous)', async () => {
    const { app } = await freshMock();
    const res = await request(app).get('/status.php');
    expect(res.status).toBe(200);
    expect(res.text).toBe(STATUS_BODY);
    expectStatusHeaders(res);
  });

  it('HEAD -> HTTP 200, no body, the same headers (head/status.php)', async () => {
    const { app } = await freshMock();
    const res = await request(app).head('/status.php');
    expect(res.status).toBe(200);
    expect(res.text ?? '').toBe('');
    expectStatusHeaders(res);
  });

  it('in maintenance mode -> still HTTP 200 with the same headers, "maintenance":true', async () => {
    const { app } = await freshMock({ scenarios: [MAINTENANCE] });
    const res = await request(app).get('/status.php');
    expect(res.status).toBe(200);
    expect(res.text).toBe(MAINTENANCE_STATUS_BODY);
    expectStatusHeaders(res);
  });

  it('follows the scenario set: maintenance on when loaded through the control API, off when removed', async () => {
    const { app } = await freshMock();
    await request(app).post('/__admin/scenarios').send({ name: 'upgrade', maintenance: true }).expect(201);
    expect((await request(app).get('/status.php')).text).toBe(MAINTENANCE_STATUS_BODY);
    await request(app).delete('/__admin/scenarios/upgrade').expect(204);
    expect((await request(app).get('/status.php')).text).toBe(STATUS_BODY);
  });
});

describe('OCS in maintenance mode', () => {
  it.each(MATRIX)('v$version $format: any route, even unknown -> 503 Service unavailable, HTTP 503', async ({ version, format }) => {
    const { app } = await freshMock({ scenarios: [{ maintenance: true }] });
    expectMaintenance(await ocs(app, 'get', version, '/cloud/users', { format }), version, format);
    expectMaintenance(await ocs(app, 'get', version, '/cloud/nosuch', { format }), version, format);
  });

  it.each(VERSIONS)('v%s format from the query string only (OC_API::requestedFormat): format=html is XML, a form body format=json is XML', async (version) => {
    const { app } = await freshMock({ scenarios: [MAINTENANCE] });
    expectMaintenance(await ocs(app, 'get', version, '/cloud/users?format=html'), version, 'xml');
    expectMaintenance(await ocs(app, 'post', version, '/cloud/groups').type('form').send({ groupid: 'x', format: 'json' }), version, 'xml');
  });

  it('a rule of a scenario answers before the maintenance answer, whatever the load order', async () => {
    const groupExists = { name: 'taken', rules: [{ name: 'taken', match: { operationId: 'groups-add-group' }, answer: { ocs: { statuscode: 102, message: 'group exists' } } }] };
    const { app } = await freshMock({ scenarios: [MAINTENANCE, groupExists] });
    const taken = await ocs(app, 'post', 2, '/cloud/groups', { format: 'json' }).send({ groupid: 'new' });
    expect({ status: taken.status, body: taken.text }).toEqual({ status: 400, body: '{"ocs":{"meta":{"status":"failure","statuscode":102,"message":"group exists"},"data":[]}}' });
    expectMaintenance(await ocs(app, 'get', 2, '/cloud/groups', { format: 'json' }), 2, 'json');
  });
});
