import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { freshMock, ocs, type TestMock } from '../support/mock.js';
import {
  CT,
  asText,
  bodyText,
  expectControllerHeaders,
  expectFrameworkHeaders,
  okJson,
  okXml,
  xmlDoc,
  xmlList,
} from '../support/protocol.js';

const GROUPS = ['admin', 'empty', 'group1', 'group2'];
const GROUPS_JSON = '{"groups":["admin","empty","group1","group2"]}';

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

function ise(version: 1 | 2): string {
  return xmlDoc({ status: 'failure', statuscode: version === 1 ? 996 : 500, message: 'Internal Server Error\n', counts: false });
}

describe('405: known path, wrong method', () => {
  test.each([
    ['PATCH', '/ocs/v2.php/cloud/groups'],
    ['PUT', '/ocs/v1.php/cloud/groups'],
    ['DELETE', '/ocs/v2.php/cloud/apps'],
    ['DELETE', '/ocs/v1.php/cloud/apps'],
  ])('%s %s -> 405, empty body, Content-type text/xml', async (method, url) => {
    const res = await asText(request(t.app)[method.toLowerCase() as 'patch'](url).auth('admin', 'admin').set('OCS-APIRequest', 'true'));
    expect(res.status).toBe(405);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(bodyText(res)).toBe('');
  });

  test.each([
    ['PATCH', '/ocs/v2.php/cloud/groups?format=json'],
    ['PUT', '/ocs/v1.php/cloud/groups?format=json'],
    ['DELETE', '/ocs/v2.php/cloud/apps?format=json'],
  ])('%s %s -> 405, empty body, application/json', async (method, url) => {
    const res = await asText(request(t.app)[method.toLowerCase() as 'patch'](url).auth('admin', 'admin').set('OCS-APIRequest', 'true'));
    expect(res.status).toBe(405);
    expectFrameworkHeaders(res, CT.json);
    expect(bodyText(res)).toBe('');
  });

  test('405 with format=html -> application/octet-stream (ApiHelper::setContentType)', async () => {
    const res = await asText(request(t.app).patch('/ocs/v2.php/cloud/groups?format=html').auth('admin', 'admin').set('OCS-APIRequest', 'true'));
    expect(res.status).toBe(405);
    expectFrameworkHeaders(res, CT.octet);
    expect(bodyText(res)).toBe('');
  });

  test('405 ignores Accept: application/json', async () => {
    const res = await asText(ocs(t.app, 'put', 2, '/cloud/groups').set('Accept', 'application/json'));
    expect(res.status).toBe(405);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(bodyText(res)).toBe('');
  });
});

describe('format negotiation', () => {
  test.each([1, 2] as const)('v%i default is XML (application/xml; charset=utf-8)', async (version) => {
    const res = await ocs(t.app, 'get', version, '/cloud/groups');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expect(res.text).toBe(okXml(version, xmlList('groups', GROUPS)));
  });

  test.each([1, 2] as const)('v%i ?format=json -> JSON', async (version) => {
    const res = await ocs(t.app, 'get', version, '/cloud/groups?format=json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.json);
    expectControllerHeaders(res);
    expect(res.text).toBe(okJson(version, GROUPS_JSON));
  });

  test.each([1, 2] as const)('v%i ?format=xml beats Accept: application/json', async (version) => {
    const res = await ocs(t.app, 'get', version, '/cloud/groups?format=xml').set('Accept', 'application/json');
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expect(res.text).toBe(okXml(version, xmlList('groups', GROUPS)));
  });

  test('format=json in a form body selects JSON (v1 POST)', async () => {
    const res = await ocs(t.app, 'post', 1, '/cloud/groups').type('form').send('groupid=g9&format=json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe(okJson(1));
  });

  test('format=json in a JSON body selects JSON (v2 POST)', async () => {
    const res = await ocs(t.app, 'post', 2, '/cloud/groups').send({ groupid: 'g9', format: 'json' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe(okJson(2));
  });

  test.each([1, 2] as const)('v%i Accept: application/json alone -> JSON', async (version) => {
    const res = await ocs(t.app, 'get', version, '/cloud/groups').set('Accept', 'application/json');
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe(okJson(version, GROUPS_JSON));
  });

  test.each([1, 2] as const)("v%i Accept: 'application/json, text/plain, */*' -> JSON", async (version) => {
    const res = await ocs(t.app, 'get', version, '/cloud/groups').set('Accept', 'application/json, text/plain, */*');
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe(okJson(version, GROUPS_JSON));
  });

  test.each([
    ['application/json;q=0.9', 'parameters break the match'],
    ['text/xml', 'text/xml is no responder name'],
    ['*/*', 'wildcards never match'],
    ['text/html;q=0.9, application/json;q=0.8', 'json with a parameter'],
  ])('Accept: %s -> XML (%s)', async (accept) => {
    const res = await ocs(t.app, 'get', 2, '/cloud/groups').set('Accept', accept);
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expect(res.text).toBe(okXml(2, xmlList('groups', GROUPS)));
  });

  test('the first json/xml piece of Accept wins: application/xml, application/json -> XML', async () => {
    const res = await ocs(t.app, 'get', 2, '/cloud/groups').set('Accept', 'text/plain, application/xml, application/json');
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expect(res.text).toBe(okXml(2, xmlList('groups', GROUPS)));
  });

  test('the first json/xml piece of Accept wins: application/json, application/xml -> JSON', async () => {
    const res = await ocs(t.app, 'get', 2, '/cloud/groups').set('Accept', 'text/plain, APPLICATION/JSON, application/xml');
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe(okJson(2, GROUPS_JSON));
  });

  test('v1 ?format=html -> HTTP 200, statuscode 996, XML body as application/octet-stream', async () => {
    const res = await asText(ocs(t.app, 'get', 1, '/cloud/groups?format=html'));
    expect(res.status).toBe(200);
    expectFrameworkHeaders(res, CT.octet);
    expect(bodyText(res)).toBe(ise(1));
  });

  test('v2 ?format=html -> HTTP 500, statuscode 500, XML body as application/octet-stream', async () => {
    const res = await asText(ocs(t.app, 'get', 2, '/cloud/groups?format=html'));
    expect(res.status).toBe(500);
    expectFrameworkHeaders(res, CT.octet);
    expect(bodyText(res)).toBe(ise(2));
  });
});

describe('uncaught controller errors (findings item 3) and malformed JSON', () => {
  test('v1 POST /cloud/groups without groupid -> HTTP 200, 996 "Internal Server Error\\n", text/xml', async () => {
    const res = await ocs(t.app, 'post', 1, '/cloud/groups');
    expect(res.status).toBe(200);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(res.text).toBe(ise(1));
  });

  test('v2 POST /cloud/groups without groupid -> HTTP 500, statuscode 500, text/xml even with Accept json', async () => {
    const res = await ocs(t.app, 'post', 2, '/cloud/groups').set('Accept', 'application/json');
    expect(res.status).toBe(500);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(res.text).toBe(ise(2));
  });

  test('v2 POST /cloud/groups without groupid, format=json -> JSON 500', async () => {
    const res = await ocs(t.app, 'post', 2, '/cloud/groups', { format: 'json' });
    expect(res.status).toBe(500);
    expectFrameworkHeaders(res, CT.json);
    expect(res.text).toBe('{"ocs":{"meta":{"status":"failure","statuscode":500,"message":"Internal Server Error\\n"},"data":[]}}');
  });

  test.each([1, 2] as const)('v%i POST /cloud/users/bob/subadmins without groupid -> 996 framework answer', async (version) => {
    const res = await ocs(t.app, 'post', version, '/cloud/users/bob/subadmins');
    expect(res.status).toBe(version === 1 ? 200 : 500);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(res.text).toBe(ise(version));
  });

  test.each([1, 2] as const)('v%i malformed JSON body -> 996 framework answer, nothing created', async (version) => {
    const res = await ocs(t.app, 'post', version, '/cloud/groups').set('Content-Type', 'application/json').send('{"groupid": "half');
    expect(res.status).toBe(version === 1 ? 200 : 500);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(res.text).toBe(ise(version));
    const list = await ocs(t.app, 'get', 2, '/cloud/groups', { format: 'json' });
    expect(list.text).toBe(okJson(2, GROUPS_JSON));
  });
});
