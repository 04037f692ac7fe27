import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { freshMock, type TestMock } from '../support/mock.js';
import { CT, expectControllerHeaders, failJson, okJson, okXml, xmlList } from '../support/protocol.js';

const ADMIN_APP_PASSWORD = 'adminAppPassword-0000000000000000000000000000000000000000000000000000000000000000';
const ALICE_TOKEN = 'aliceToken-1111111111111111111111111111111111111111111111111111111111111111';
const USERS_JSON = '{"users":["admin","alice","bob","carol","dave"]}';

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

describe('authentication', () => {
  test.each([1, 2] as const)('v%i Basic with the password -> 200', async (version) => {
    const res = await request(t.app).get(`/ocs/v${version}.php/cloud/users?format=json`).auth('admin', 'admin').set('OCS-APIRequest', 'true');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe(okJson(version, USERS_JSON));
  });

  test('Basic with an app password -> 200', async () => {
    const res = await request(t.app).get('/ocs/v1.php/cloud/users').auth('admin', ADMIN_APP_PASSWORD).set('OCS-APIRequest', 'true');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expect(res.text).toBe(okXml(1, xmlList('users', ['admin', 'alice', 'bob', 'carol', 'dave'])));
  });

  test("an app password only logs in its owner: alice's token as admin -> 401 Unauthorised", async () => {
    const res = await request(t.app).get('/ocs/v2.php/cloud/users').auth('admin', ALICE_TOKEN).set('OCS-APIRequest', 'true');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="Authorisation Required"');
  });

  test('Bearer with an app password -> 200, exempt from the OCS-APIRequest rule', async () => {
    const res = await request(t.app).get('/ocs/v2.php/cloud/users?format=json').set('Authorization', `Bearer ${ADMIN_APP_PASSWORD}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.json);
    expectControllerHeaders(res);
    expect(res.text).toBe(okJson(2, USERS_JSON));
  });

  test('Bearer POST without OCS-APIRequest creates the group', async () => {
    const res = await request(t.app).post('/ocs/v1.php/cloud/groups?format=json').set('Authorization', `Bearer ${ADMIN_APP_PASSWORD}`).send({ groupid: 'viaBearer' });
    expect(res.status).toBe(200);
    expect(res.text).toBe(okJson(1));
    const list = await request(t.app).get('/ocs/v2.php/cloud/groups?format=json').auth('admin', 'admin').set('OCS-APIRequest', 'true');
    expect(list.text).toBe(okJson(2, '{"groups":["admin","empty","group1","group2","viaBearer"]}'));
  });

  test.each([1, 2] as const)('v%i unknown Bearer -> 401 997 "Current user is not logged in", no WWW-Authenticate', async (version) => {
    const res = await request(t.app).get(`/ocs/v${version}.php/cloud/users?format=json`).set('Authorization', 'Bearer no-such-token');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBeUndefined();
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe(failJson(version, 997, 'Current user is not logged in'));
  });

  test('login by e-mail address', async () => {
    const res = await request(t.app).get('/ocs/v2.php/cloud/users/alice/groups?format=json').auth('alice@example.com', 'alice-password').set('OCS-APIRequest', 'true');
    expect(res.status).toBe(200);
    expect(res.text).toBe(okJson(2, '{"groups":["group1"]}'));
  });

  test('login name is case-insensitive', async () => {
    const res = await request(t.app).get('/ocs/v1.php/cloud/users?format=json').auth('ADMIN', 'admin').set('OCS-APIRequest', 'true');
    expect(res.status).toBe(200);
    expect(res.text).toBe(okJson(1, USERS_JSON));
  });

  test("'OCS-APIREQUEST: true' (upper-case name) passes the CSRF rule", async () => {
    const res = await request(t.app).get('/ocs/v1.php/cloud/users?format=json').auth('admin', 'admin').set('OCS-APIREQUEST', 'true');
    expect(res.status).toBe(200);
    expect(res.text).toBe(okJson(1, USERS_JSON));
  });

  test.each([1, 2] as const)('v%i OCS-APIRequest: false -> 412 CSRF check failed', async (version) => {
    const res = await request(t.app).get(`/ocs/v${version}.php/cloud/users?format=json`).auth('admin', 'admin').set('OCS-APIRequest', 'false');
    expect(res.status).toBe(412);
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe('{"message":"CSRF check failed"}');
  });

  test('anonymous browser (Accept text/html) -> 303 with an empty body, text/html', async () => {
    const res = await request(t.app)
      .get('/ocs/v2.php/cloud/users')
      .set('OCS-APIRequest', 'true')
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .redirects(0);
    expect(res.status).toBe(303);
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(res.text).toBe('');
  });

  test('non-admin on an admin route -> 403 (v1 HTTP 200, v2 HTTP 403)', async () => {
    const v1 = await request(t.app).get('/ocs/v1.php/cloud/apps?format=json').auth('bob', 'bob-password').set('OCS-APIRequest', 'true');
    expect(v1.status).toBe(200);
    expect(v1.text).toBe(failJson(1, 403, 'Logged in account must be an admin'));
    const v2 = await request(t.app).get('/ocs/v2.php/cloud/apps?format=json').auth('bob', 'bob-password').set('OCS-APIRequest', 'true');
    expect(v2.status).toBe(403);
    expect(v2.text).toBe(failJson(2, 403, 'Logged in account must be an admin'));
  });
});
