import request, { type Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { CorsError, CorsPolicy } from '../../src/http/cors.js';
import { createMock } from '../../src/mock.js';
import { expectFramework996, expectOcs } from '../support/operations.js';
import { FORMATS, freshMock, MATRIX, ocs, VERSIONS, type Version } from '../support/mock.js';

/**
 * Opt-in --cors: OCS routes as a Nextcloud controller method marked #[CORS] with an OPTIONS route to
 * ApiController::preflightedCors (lib/private/AppFramework/Middleware/Security/CORSMiddleware.php,
 * lib/public/AppFramework/ApiController.php, lib/public/AppFramework/OCSController.php, NC 29).
 * Without it, no CORS at all, as the recordings of a real 29.0.6 show.
 */

const ORIGIN = 'http://client.example:5173';
const USERS = ['admin', 'alice', 'bob', 'carol', 'dave'];

/** The Access-Control-* headers of an answer, and nothing else. */
function corsHeadersOf(res: Response): Record<string, string> {
  return Object.fromEntries(Object.entries(res.headers as Record<string, string>).filter(([name]) => name.startsWith('access-control-')));
}

/** ApiController::preflightedCors with OCSController's defaults. */
function preflightAnswerHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'PUT, POST, GET, DELETE, PATCH',
    'access-control-max-age': '1728000',
    'access-control-allow-headers': 'Authorization, Content-Type, Accept, OCS-APIRequest',
    'access-control-allow-credentials': 'false',
  };
}

function preflight(app: Parameters<typeof request>[0], version: Version, origin?: string) {
  let req = request(app)
    .options(`/ocs/v${version}.php/cloud/users`)
    .set('Access-Control-Request-Method', 'GET')
    .set('Access-Control-Request-Headers', 'authorization, ocs-apirequest');
  if (origin !== undefined) req = req.set('Origin', origin);
  return req;
}

const usersList = { code: 100, data: { users: USERS } };

/** The mock answers preflights: what a test of an answer without CORS headers shows is not that --cors is off. */
async function expectCorsOn(app: Parameters<typeof request>[0]): Promise<void> {
  expect((await preflight(app, 2, ORIGIN)).status).toBe(200);
}

describe('without --cors (Nextcloud sends no CORS headers on provisioning routes)', () => {
  it.each(VERSIONS)('v%i preflight -> HTTP 405, empty body, no CORS headers (recording options/cors-preflight)', async (version) => {
    const { app } = await freshMock();
    const res = await preflight(app, version, 'https://client.example');
    // Recorded: 405, text/xml; charset=UTF-8, no body, no access-control-* header.
    expect({ status: res.status, type: res.headers['content-type'], body: res.text, cors: corsHeadersOf(res) }).toEqual({
      status: 405,
      type: 'text/xml; charset=UTF-8',
      body: '',
      cors: {},
    });
  });

  it('v2 GET with an Origin -> the ordinary answer, no CORS headers (recording cors/origin-on-get.v2-json)', async () => {
    const { app } = await freshMock();
    const res = await ocs(app, 'get', 2, '/cloud/users', { format: 'json' }).set('Origin', 'https://client.example');
    expect(res.text).toBe('{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":{"users":["admin","alice","bob","carol","dave"]}}}');
    expect(res.status).toBe(200);
    expect(corsHeadersOf(res)).toEqual({});
  });

  it('anonymous v2 with an Origin -> 997 "Current user is not logged in", no CORS headers', async () => {
    const { app } = await freshMock();
    const res = await ocs(app, 'get', 2, '/cloud/users', { user: null, format: 'json' }).set('Origin', ORIGIN);
    await expectOcs(res, 2, 'json', { code: 997, message: 'Current user is not logged in' });
    expect(corsHeadersOf(res)).toEqual({});
  });

  it('a Bearer token is accepted', async () => {
    const { app } = await freshMock();
    const res = await request(app)
      .get('/ocs/v2.php/cloud/users?format=json')
      .set('Authorization', 'Bearer adminAppPassword-0000000000000000000000000000000000000000000000000000000000000000')
      .set('Origin', ORIGIN);
    await expectOcs(res, 2, 'json', usersList, 'users-get-users');
  });
});

describe('--cors (any origin)', () => {
  it.each(VERSIONS)('v%i preflight -> HTTP 200, no body, the Origin echoed with preflightedCors headers', async (version) => {
    const { app, mock } = await freshMock({ cors: true });
    const res = await preflight(app, version, ORIGIN);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers['content-length']).toBe('0');
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(corsHeadersOf(res)).toEqual(preflightAnswerHeaders(ORIGIN));
    expect(mock.requests().map((r) => [r.method, r.operationId, r.status, r.refusal])).toEqual([['OPTIONS', 'preflighted-cors', 200, null]]);
  });

  it('v2 preflight without an Origin -> Access-Control-Allow-Origin *', async () => {
    const { app } = await freshMock({ cors: true });
    const res = await preflight(app, 2);
    expect(res.status).toBe(200);
    expect(corsHeadersOf(res)).toEqual(preflightAnswerHeaders('*'));
  });

  it('v2 preflight of a path no route has -> the same preflight answer (the OPTIONS route covers every path)', async () => {
    const { app } = await freshMock({ cors: true });
    const res = await request(app).options('/ocs/v2.php/cloud/nowhere').set('Origin', ORIGIN).set('Access-Control-Request-Method', 'DELETE');
    expect(res.status).toBe(200);
    expect(corsHeadersOf(res)).toEqual(preflightAnswerHeaders(ORIGIN));
  });

  for (const { version, format } of MATRIX) {
    it(`v${version} ${format} GET users with an Origin -> the ordinary answer plus Access-Control-Allow-Origin only`, async () => {
      const { app } = await freshMock({ cors: true });
      const res = await ocs(app, 'get', version, '/cloud/users', { format }).set('Origin', ORIGIN);
      await expectOcs(res, version, format, usersList, 'users-get-users');
      expect(corsHeadersOf(res)).toEqual({ 'access-control-allow-origin': ORIGIN });
    });
  }

  it('v2 GET without an Origin -> no CORS headers (CORSMiddleware::afterController needs one)', async () => {
    const { app } = await freshMock({ cors: true });
    await expectCorsOn(app);
    const res = await ocs(app, 'get', 2, '/cloud/users', { format: 'json' });
    await expectOcs(res, 2, 'json', usersList, 'users-get-users');
    expect(corsHeadersOf(res)).toEqual({});
  });

  it('v2 GET with an app password as Basic password -> 200 with the Origin echoed', async () => {
    const { app } = await freshMock({ cors: true });
    const res = await request(app)
      .get('/ocs/v2.php/cloud/users?format=json')
      .auth('admin', 'adminAppPassword-0000000000000000000000000000000000000000000000000000000000000000')
      .set('OCS-APIRequest', 'true')
      .set('Origin', ORIGIN);
    await expectOcs(res, 2, 'json', usersList, 'users-get-users');
    expect(corsHeadersOf(res)).toEqual({ 'access-control-allow-origin': ORIGIN });
  });

  for (const { version, format } of MATRIX) {
    it(`v${version} ${format} anonymous -> 997 'CORS requires basic auth' with the Origin echoed; the journal says why`, async () => {
      const { app, mock } = await freshMock({ cors: true });
      const res = await ocs(app, 'get', version, '/cloud/users', { user: null, format }).set('Origin', ORIGIN);
      await expectOcs(res, version, format, { code: 997, message: 'CORS requires basic auth' });
      expect(corsHeadersOf(res)).toEqual({ 'access-control-allow-origin': ORIGIN });
      expect(mock.requests()[0].refusal).toBe('CORS requires basic auth (CORSMiddleware): no login on a --cors route');
    });
  }

  it.each(VERSIONS)('v%i Bearer token -> 997 "CORS requires basic auth" (the middleware logs the session out and wants Basic)', async (version) => {
    const { app, mock } = await freshMock({ cors: true });
    const res = await request(app)
      .get(`/ocs/v${version}.php/cloud/users?format=json`)
      .set('Authorization', 'Bearer adminAppPassword-0000000000000000000000000000000000000000000000000000000000000000');
    await expectOcs(res, version, 'json', { code: 997, message: 'CORS requires basic auth' });
    expect(mock.requests()[0].refusal).toBe('CORS requires basic auth (CORSMiddleware): a Bearer token is not accepted on a --cors route');
  });

  it('v2 public route (capabilities) anonymous -> served, with the Origin echoed', async () => {
    const { app } = await freshMock({ cors: true });
    const res = await ocs(app, 'get', 2, '/cloud/capabilities', { user: null, format: 'json' }).set('Origin', ORIGIN);
    expect(res.status).toBe(200);
    expect((JSON.parse(res.text) as { ocs: { meta: unknown } }).ocs.meta).toEqual({ status: 'ok', statuscode: 200, message: 'OK' });
    expect(corsHeadersOf(res)).toEqual({ 'access-control-allow-origin': ORIGIN });
  });

  it('v2 non-admin -> 403 from the security middleware, Origin echoed (recording users-get-users-details/as-user.v2-json)', async () => {
    const { app } = await freshMock({ cors: true });
    const res = await ocs(app, 'get', 2, '/cloud/users/details', { user: 'bob', format: 'json' }).set('Origin', ORIGIN);
    await expectOcs(res, 2, 'json', { code: 403, message: 'Logged in account must be at least a sub admin' });
    expect(corsHeadersOf(res)).toEqual({ 'access-control-allow-origin': ORIGIN });
  });

  it('v1 without the OCS-APIRequest header -> 412 CSRF JSON, Origin echoed (recording users-get-users-details/no-ocs-header.v1-json)', async () => {
    const { app } = await freshMock({ cors: true });
    const res = await request(app).get('/ocs/v1.php/cloud/users/details?format=json').auth('admin', 'admin').set('Origin', ORIGIN);
    expect({ status: res.status, body: res.text }).toEqual({ status: 412, body: '{"message":"CSRF check failed"}' });
    expect(corsHeadersOf(res)).toEqual({ 'access-control-allow-origin': ORIGIN });
  });

  it('answers ocs/v1.php gives itself carry no CORS header: unknown route (998), failed login (997 Unauthorised)', async () => {
    const { app } = await freshMock({ cors: true });
    await expectCorsOn(app);
    const unknown = await ocs(app, 'get', 2, '/cloud/nowhere', { format: 'json' }).set('Origin', ORIGIN);
    expect(unknown.status).toBe(404);
    expect(corsHeadersOf(unknown)).toEqual({});
    const failed = await request(app).get('/ocs/v2.php/cloud/users?format=json').auth('admin', 'wrong').set('OCS-APIRequest', 'true').set('Origin', ORIGIN);
    expect(failed.status).toBe(401);
    expect(failed.text).toContain('<message>Unauthorised</message>');
    expect(corsHeadersOf(failed)).toEqual({});
  });
});

describe('--cors and answers outside the controller', () => {
  it("a scenario's OCS answer is a controller's answer: the Origin is echoed (X-Mock-Scenario group-exists)", async () => {
    const { app } = await freshMock({ cors: true });
    const res = await ocs(app, 'post', 2, '/cloud/groups', { format: 'json' }).set('Origin', ORIGIN).set('X-Mock-Scenario', 'group-exists').send({ groupid: 'x' });
    await expectOcs(res, 2, 'json', { code: 102, message: 'group exists' });
    expect(corsHeadersOf(res)).toEqual({ 'access-control-allow-origin': ORIGIN });
  });

  it('maintenance (ocs/v1.php answers before routing) -> 503 without CORS headers', async () => {
    const { app } = await freshMock({ cors: true, scenarios: ['maintenance-mode'] });
    const res = await ocs(app, 'get', 2, '/cloud/users', { format: 'json' }).set('Origin', ORIGIN);
    expect(res.status).toBe(503);
    expect(corsHeadersOf(res)).toEqual({});
  });

  it('an uncaught error (missing required groupid: 996, HTTP 500) -> no CORS headers', async () => {
    const { app } = await freshMock({ cors: true });
    await expectCorsOn(app);
    const res = await ocs(app, 'post', 2, '/cloud/groups', { format: 'json' }).set('Origin', ORIGIN);
    expectFramework996(res, 2, 'json');
    expect(corsHeadersOf(res)).toEqual({});
  });

  it('the control API answers no preflight and sends no CORS headers, --cors or not', async () => {
    const { app } = await freshMock({ cors: true });
    await expectCorsOn(app);
    const pre = await request(app).options('/__admin/reset').set('Origin', ORIGIN).set('Access-Control-Request-Method', 'POST');
    expect(pre.status).toBe(405);
    expect(corsHeadersOf(pre)).toEqual({});
    const read = await request(app).get('/__admin/scenarios').set('Origin', ORIGIN);
    expect(read.status).toBe(200);
    expect(corsHeadersOf(read)).toEqual({});
  });
});

describe('--cors with an origin list', () => {
  const allowed = ['http://localhost:5173', ORIGIN];

  it.each(allowed)('preflight from %s (listed) -> 200 with it echoed', async (origin) => {
    const { app } = await freshMock({ cors: allowed });
    const res = await preflight(app, 2, origin);
    expect(res.status).toBe(200);
    expect(corsHeadersOf(res)).toEqual(preflightAnswerHeaders(origin));
  });

  it.each(VERSIONS)('v%i preflight from an unlisted origin -> 405 as without --cors; the journal names the origin', async (version) => {
    const { app, mock } = await freshMock({ cors: 'http://localhost:5173, http://client.example:5173' });
    const res = await preflight(app, version, 'http://evil.example');
    expect({ status: res.status, body: res.text, cors: corsHeadersOf(res) }).toEqual({ status: 405, body: '', cors: {} });
    expect(mock.requests()[0].refusal).toBe(
      'CORS: origin http://evil.example is not in --cors (http://localhost:5173, http://client.example:5173): answered as without --cors, no CORS headers',
    );
  });

  for (const format of FORMATS) {
    it(`v2 ${format} GET from an unlisted origin -> the answer without CORS headers; the journal says why`, async () => {
      const { app, mock } = await freshMock({ cors: allowed });
      const res = await ocs(app, 'get', 2, '/cloud/users', { format }).set('Origin', 'http://evil.example');
      await expectOcs(res, 2, format, usersList, 'users-get-users');
      expect(corsHeadersOf(res)).toEqual({});
      expect(mock.requests()[0].refusal).toMatch(/^CORS: origin http:\/\/evil\.example is not in --cors/);
    });
  }

  it('an unlisted origin is served as without --cors: a Bearer token is accepted', async () => {
    const { app, mock } = await freshMock({ cors: allowed });
    const res = await request(app)
      .get('/ocs/v2.php/cloud/users?format=json')
      .set('Authorization', 'Bearer adminAppPassword-0000000000000000000000000000000000000000000000000000000000000000')
      .set('Origin', 'http://evil.example');
    await expectOcs(res, 2, 'json', usersList, 'users-get-users');
    expect(mock.requests()[0].refusal).toMatch(/^CORS: origin http:\/\/evil\.example is not in --cors/);
  });

  it('"*" in the list allows any origin', async () => {
    const { app } = await freshMock({ cors: '*' });
    expect(corsHeadersOf(await preflight(app, 2, 'http://anything.example'))).toEqual(preflightAnswerHeaders('http://anything.example'));
  });
});

describe('status.php (its own header, not the middleware)', () => {
  it.each([false, true])('OPTIONS preflight (cors %s) -> HTTP 200 with the JSON and Access-Control-Allow-Origin * only (status.php checks no method)', async (cors) => {
    const { app } = await freshMock({ cors });
    const res = await request(app).options('/status.php').set('Origin', ORIGIN).set('Access-Control-Request-Method', 'GET');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe(
      '{"installed":true,"maintenance":false,"needsDbUpgrade":false,"version":"29.0.6.1","versionstring":"29.0.6","edition":"","productname":"Nextcloud","extendedSupport":false}',
    );
    expect(corsHeadersOf(res)).toEqual({ 'access-control-allow-origin': '*' });
  });
});

describe('the cors option', () => {
  it.each([
    ['localhost:5173', '"localhost:5173" is not an origin'],
    ['http://localhost:5173/app', '"http://localhost:5173/app" is not an origin; write it as scheme://host[:port] without path or query (here: http://localhost:5173)'],
    [' , ', 'the origin list is empty'],
  ])('%j -> CorsError naming the fault', async (option, message) => {
    expect(() => CorsPolicy.of(option)).toThrow(CorsError);
    expect(() => CorsPolicy.of(option)).toThrow(message);
    await expect(createMock({ cors: option })).rejects.toThrow(message);
  });

  it('a trailing slash is accepted and dropped; false and undefined mean off', () => {
    expect(CorsPolicy.of('http://localhost:5173/')?.describe()).toBe('http://localhost:5173');
    expect(CorsPolicy.of(false)).toBeNull();
    expect(CorsPolicy.of(undefined)).toBeNull();
  });
});

