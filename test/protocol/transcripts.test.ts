import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { freshMock, ocs, type TestMock } from '../support/mock.js';
import {
  CT,
  NOT_FOUND_JSON,
  NOT_FOUND_TEXT,
  expectControllerHeaders,
  expectFrameworkHeaders,
  failJson,
  okJson,
  okXml,
  rawHeader,
  xmlDoc,
  xmlList,
} from '../support/protocol.js';

const UNAUTHORISED_XML = xmlDoc({ status: 'failure', statuscode: 997, message: 'Unauthorised', counts: false });
const WWW_AUTHENTICATE = 'Basic realm="Authorisation Required"';

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

describe('real-nextcloud-transcripts.md reproduced byte for byte', () => {
  test('2: v1 list groups, XML by default (default fixture groups)', async () => {
    const res = await ocs(t.app, 'get', 1, '/cloud/groups');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expectControllerHeaders(res);
    expect(res.text).toBe(okXml(1, xmlList('groups', ['admin', 'empty', 'group1', 'group2'])));
  });

  test('3: v1 create group x with a form body -> 100, <data/>', async () => {
    const res = await ocs(t.app, 'post', 1, '/cloud/groups').type('form').send('groupid=x');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expectControllerHeaders(res);
    expect(res.text).toBe(okXml(1));
    const list = await ocs(t.app, 'get', 2, '/cloud/groups', { format: 'json' });
    expect(list.text).toBe(okJson(2, '{"groups":["admin","empty","group1","group2","x"]}'));
  });

  test('4: v1 add group that exists -> 102 "group exists", HTTP 200', async () => {
    await ocs(t.app, 'post', 1, '/cloud/groups').type('form').send('groupid=x');
    const res = await ocs(t.app, 'post', 1, '/cloud/groups').type('form').send('groupid=x');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expect(res.text).toBe(xmlDoc({ status: 'failure', statuscode: 102, message: 'group exists', counts: true }));
  });

  test('5: v2 add group that exists -> 102, HTTP 400, JSON', async () => {
    await ocs(t.app, 'post', 1, '/cloud/groups').type('form').send('groupid=x');
    const res = await ocs(t.app, 'post', 2, '/cloud/groups', { format: 'json' }).type('form').send('groupid=x');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe(CT.json);
    expectControllerHeaders(res);
    expect(res.text).toBe('{"ocs":{"meta":{"status":"failure","statuscode":102,"message":"group exists"},"data":[]}}');
  });

  test('9: v2 without OCS-APIRequest -> 412 plain JSON CSRF check failed', async () => {
    const res = await request(t.app).get('/ocs/v2.php/cloud/users?format=json').auth('admin', 'admin');
    expect(res.status).toBe(412);
    expect(res.headers['content-type']).toBe(CT.json);
    expectControllerHeaders(res);
    expect(res.text).toBe('{"message":"CSRF check failed"}');
  });

  test.each([
    ['v1 XML default', '/ocs/v1.php/cloud/groups'],
    ['v1 format=xml', '/ocs/v1.php/cloud/groups?format=xml'],
    ['v2 format=xml', '/ocs/v2.php/cloud/groups?format=xml'],
    ['v2 Accept json', '/ocs/v2.php/cloud/groups'],
  ])('10: %s without OCS-APIRequest -> the same 412 plain JSON', async (_label, url) => {
    const res = await request(t.app).get(url).auth('admin', 'admin').set('Accept', 'application/json');
    expect(res.status).toBe(412);
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe('{"message":"CSRF check failed"}');
  });

  test('a POST without OCS-APIRequest is refused with 412 and creates nothing', async () => {
    const res = await request(t.app).post('/ocs/v1.php/cloud/groups').auth('admin', 'admin').type('form').send('groupid=sneaky');
    expect(res.status).toBe(412);
    expect(res.text).toBe('{"message":"CSRF check failed"}');
    const list = await ocs(t.app, 'get', 2, '/cloud/groups', { format: 'json' });
    expect(list.text).toBe(okJson(2, '{"groups":["admin","empty","group1","group2"]}'));
  });

  test('11: v2 wrong password with format=json -> 401 XML Unauthorised, WWW-Authenticate, text/xml', async () => {
    const res = await request(t.app).get('/ocs/v2.php/cloud/users?format=json').auth('admin', 'wrong').set('OCS-APIRequest', 'true');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(WWW_AUTHENTICATE);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(res.text).toBe(UNAUTHORISED_XML);
  });

  test('12: v1 wrong password -> 401 XML Unauthorised without totalitems/itemsperpage', async () => {
    const res = await request(t.app).get('/ocs/v1.php/cloud/users').auth('admin', 'wrong').set('OCS-APIRequest', 'true');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(WWW_AUTHENTICATE);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(res.text).toBe(UNAUTHORISED_XML);
  });

  test('wrong password with X-Requested-With: XMLHttpRequest -> WWW-Authenticate DummyBasic', async () => {
    const res = await request(t.app)
      .get('/ocs/v1.php/cloud/users')
      .auth('admin', 'wrong')
      .set('OCS-APIRequest', 'true')
      .set('X-Requested-With', 'XMLHttpRequest');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('DummyBasic realm="Authorisation Required"');
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(res.text).toBe(UNAUTHORISED_XML);
  });

  test.each([1, 2] as const)('disabled user carol with the right password -> the same 997 Unauthorised on v%i', async (version) => {
    const res = await request(t.app)
      .get(`/ocs/v${version}.php/cloud/users/carol?format=json`)
      .auth('carol', 'carol-password')
      .set('OCS-APIRequest', 'true');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(WWW_AUTHENTICATE);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(res.text).toBe(UNAUTHORISED_XML);
  });

  test('13: v2 no credentials, JSON -> 401 997 "Current user is not logged in", no WWW-Authenticate', async () => {
    const res = await request(t.app).get('/ocs/v2.php/cloud/users?format=json').set('OCS-APIRequest', 'true');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.headers['www-authenticate']).toBeUndefined();
    expectControllerHeaders(res);
    expect(res.text).toBe('{"ocs":{"meta":{"status":"failure","statuscode":997,"message":"Current user is not logged in"},"data":[]}}');
  });

  test('13 on v1: no credentials -> 401, controller meta with counts', async () => {
    const xml = await request(t.app).get('/ocs/v1.php/cloud/users').set('OCS-APIRequest', 'true');
    expect(xml.status).toBe(401);
    expect(xml.headers['content-type']).toBe(CT.controllerXml);
    expect(xml.headers['www-authenticate']).toBeUndefined();
    expect(xml.text).toBe(xmlDoc({ status: 'failure', statuscode: 997, message: 'Current user is not logged in', counts: true }));
    const json = await request(t.app).get('/ocs/v1.php/cloud/users?format=json').set('OCS-APIRequest', 'true');
    expect(json.status).toBe(401);
    expect(json.headers['content-type']).toBe(CT.json);
    expect(json.text).toBe(failJson(1, 997, 'Current user is not logged in'));
  });

  test('14: v2 unknown route with format=json -> HTTP 404, statuscode 404, message with trailing newline', async () => {
    const res = await ocs(t.app, 'get', 2, '/cloud/nonexistent', { format: 'json' });
    expect(res.status).toBe(404);
    expectFrameworkHeaders(res, CT.json);
    expect(res.text).toBe(`{"ocs":{"meta":{"status":"failure","statuscode":404,"message":"${NOT_FOUND_JSON}"},"data":[]}}`);
  });

  test('15: v1 unknown route -> HTTP 200 XML statuscode 998, no counts, text/xml', async () => {
    const res = await ocs(t.app, 'get', 1, '/cloud/nonexistent');
    expect(res.status).toBe(200);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(res.text).toBe(xmlDoc({ status: 'failure', statuscode: 998, message: NOT_FOUND_TEXT, counts: false }));
  });

  test('unknown route ignores Accept: application/json -> still text/xml on v1 and v2', async () => {
    const v1 = await ocs(t.app, 'get', 1, '/cloud/nonexistent').set('Accept', 'application/json');
    expect(v1.status).toBe(200);
    expectFrameworkHeaders(v1, CT.frameworkXml);
    expect(v1.text).toBe(xmlDoc({ status: 'failure', statuscode: 998, message: NOT_FOUND_TEXT, counts: false }));
    const v2 = await ocs(t.app, 'get', 2, '/cloud/nonexistent').set('Accept', 'application/json');
    expect(v2.status).toBe(404);
    expectFrameworkHeaders(v2, CT.frameworkXml);
    expect(v2.text).toBe(xmlDoc({ status: 'failure', statuscode: 404, message: NOT_FOUND_TEXT, counts: false }));
  });

  test('unknown route with format=json on v1 -> JSON statuscode 998', async () => {
    const res = await ocs(t.app, 'get', 1, '/cloud/nonexistent', { format: 'json' });
    expect(res.status).toBe(200);
    expectFrameworkHeaders(res, CT.json);
    expect(res.text).toBe(`{"ocs":{"meta":{"status":"failure","statuscode":998,"message":"${NOT_FOUND_JSON}"},"data":[]}}`);
  });

  test('17: v1 delete group x -> 100 <data/>, and x is gone', async () => {
    await ocs(t.app, 'post', 1, '/cloud/groups').type('form').send('groupid=x');
    const res = await ocs(t.app, 'delete', 1, '/cloud/groups/x');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expectControllerHeaders(res);
    expect(res.text).toBe(okXml(1));
    const list = await ocs(t.app, 'get', 1, '/cloud/groups');
    expect(list.text).toBe(okXml(1, xmlList('groups', ['admin', 'empty', 'group1', 'group2'])));
  });

  test('controller answers are spelled Content-Type; ApiHelper XML answers Content-type', async () => {
    const ok = await ocs(t.app, 'get', 1, '/cloud/groups');
    expect(rawHeader(ok, 'content-type')).toEqual(['Content-Type', CT.controllerXml]);
    const notFound = await ocs(t.app, 'get', 1, '/cloud/nonexistent');
    expect(rawHeader(notFound, 'content-type')).toEqual(['Content-type', CT.frameworkXml]);
  });
});
