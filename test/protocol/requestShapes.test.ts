import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { freshMock, ocs, type TestMock } from '../support/mock.js';
import { CT, failJson, okJson, okXml, xmlList } from '../support/protocol.js';

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

async function groupsOf(user: string): Promise<string> {
  return (await ocs(t.app, 'get', 2, `/cloud/users/${user}/groups`, { format: 'json' })).text;
}

async function groupList(): Promise<string> {
  return (await ocs(t.app, 'get', 2, '/cloud/groups', { format: 'json' })).text;
}

describe('request shapes of client-requests.md', () => {
  test('nextcloud-node-client: pretty-printed JSON body on POST, JSON Accept only', async () => {
    const res = await ocs(t.app, 'post', 1, '/cloud/groups')
      .set('Accept', 'application/json')
      .set('Content-Type', 'application/json')
      .send('{\n    "groupid": "pretty"\n}');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe(okJson(1));
    expect(await groupList()).toBe(okJson(2, '{"groups":["admin","empty","group1","group2","pretty"]}'));
  });

  test('JSON body on PUT: group displayname', async () => {
    const res = await ocs(t.app, 'put', 2, '/cloud/groups/group2', { format: 'json' }).send({ key: 'displayname', value: 'Group Two' });
    expect(res.status).toBe(200);
    expect(res.text).toBe(okJson(2));
    const details = await ocs(t.app, 'get', 2, '/cloud/groups/details?search=group2', { format: 'json' });
    expect(JSON.parse(details.text).ocs.data.groups[0].displayname).toBe('Group Two');
  });

  test('DELETE with a JSON body: remove bob from group2', async () => {
    const res = await ocs(t.app, 'delete', 1, '/cloud/users/bob/groups').set('Content-Type', 'application/json').send('{\n    "groupid": "group2"\n}');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expect(res.text).toBe(okXml(1));
    expect(await groupsOf('bob')).toBe(okJson(2, '{"groups":["group1"]}'));
  });

  test('DELETE with a form body: remove bob from group1', async () => {
    const res = await ocs(t.app, 'delete', 2, '/cloud/users/bob/groups').type('form').send('groupid=group1');
    expect(res.status).toBe(200);
    expect(res.text).toBe(okXml(2));
    expect(await groupsOf('bob')).toBe(okJson(2, '{"groups":["group2"]}'));
  });

  test('urlencoded with + for spaces and groups%5B0%5D=g arrays: create user', async () => {
    const res = await ocs(t.app, 'post', 1, '/cloud/users')
      .type('form')
      .send('userid=erin&password=Very+long+passphrase+42&displayName=Erin+Ellis&groups%5B0%5D=group1&groups%5B1%5D=empty');
    expect(res.status).toBe(200);
    expect(res.text).toBe(okXml(1, [' <data>', '  <id>erin</id>', ' </data>']));
    expect(await groupsOf('erin')).toBe(okJson(2, '{"groups":["group1","empty"]}'));
    const erin = await request(t.app).get('/ocs/v2.php/cloud/users/erin?format=json').auth('erin', 'Very long passphrase 42').set('OCS-APIRequest', 'true');
    expect(erin.status).toBe(200);
    expect(JSON.parse(erin.text).ocs.data.displayname).toBe('Erin Ellis');
  });

  test('multipart/form-data POST with boundary: create group', async () => {
    const res = await ocs(t.app, 'post', 1, '/cloud/groups').field('groupid', 'multi part');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.controllerXml);
    expect(res.text).toBe(okXml(1));
    expect(await groupList()).toBe(okJson(2, '{"groups":["admin","empty","group1","group2","multi part"]}'));
  });

  test('multipart Content-Type with no boundary and no body does not fail: GET /cloud/users', async () => {
    const res = await ocs(t.app, 'get', 1, '/cloud/users').set('Content-Type', 'multipart/form-data');
    expect(res.status).toBe(200);
    expect(res.text).toBe(okXml(1, xmlList('users', ['admin', 'alice', 'bob', 'carol', 'dave'])));
  });

  test('empty body with Content-Type application/json: PUT disable user, DELETE group', async () => {
    const disable = await ocs(t.app, 'put', 1, '/cloud/users/bob/disable').set('Content-Type', 'application/json').send('');
    expect(disable.status).toBe(200);
    expect(disable.text).toBe(okXml(1));
    const del = await ocs(t.app, 'delete', 2, '/cloud/groups/empty').set('Content-Type', 'application/json').send('');
    expect(del.status).toBe(200);
    expect(del.text).toBe(okXml(2));
    expect(await groupList()).toBe(okJson(2, '{"groups":["admin","group1","group2"]}'));
  });

  test("owncloud-sdk's junk DELETE body 'undefined=undefined' is harmless", async () => {
    const res = await ocs(t.app, 'delete', 1, '/cloud/groups/empty').type('form').send('undefined=undefined');
    expect(res.status).toBe(200);
    expect(res.text).toBe(okXml(1));
    expect(await groupList()).toBe(okJson(2, '{"groups":["admin","group1","group2"]}'));
  });

  test('a JSON body parameter overrides the same query parameter', async () => {
    const res = await ocs(t.app, 'post', 2, '/cloud/groups?groupid=fromQuery', { format: 'json' }).send({ groupid: 'fromBody' });
    expect(res.status).toBe(200);
    expect(await groupList()).toBe(okJson(2, '{"groups":["admin","empty","fromBody","group1","group2"]}'));
  });

  test('groupid from the query string alone creates the group (findings item 9)', async () => {
    const res = await ocs(t.app, 'post', 1, '/cloud/groups?groupid=onlyQuery');
    expect(res.status).toBe(200);
    expect(res.text).toBe(okXml(1));
    expect(await groupList()).toBe(okJson(2, '{"groups":["admin","empty","group1","group2","onlyQuery"]}'));
  });

  test('the route placeholder beats a body parameter of the same name', async () => {
    const res = await ocs(t.app, 'get', 2, '/cloud/users/bob/groups', { format: 'json' }).send({ userId: 'alice' });
    expect(res.status).toBe(200);
    expect(res.text).toBe(okJson(2, '{"groups":["group1","group2"]}'));
  });

  test('a JSON body on GET is read (format=json in the body)', async () => {
    const res = await ocs(t.app, 'get', 1, '/cloud/groups').send({ format: 'json' });
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe(okJson(1, '{"groups":["admin","empty","group1","group2"]}'));
  });

  test('a form body on GET is ignored', async () => {
    const res = await ocs(t.app, 'get', 1, '/cloud/groups').type('form').send('format=json');
    expect(res.headers['content-type']).toBe(CT.controllerXml);
  });

  test('nextcloud-link: v2 with Accept: application/json, add user to a missing group -> 102 HTTP 400', async () => {
    const res = await ocs(t.app, 'post', 2, '/cloud/users/dave/groups').set('Accept', 'application/json').send({ groupid: 'nope' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe(CT.json);
    expect(res.text).toBe(failJson(2, 102, ''));
  });
});
