import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { freshMock, ocs } from '../support/mock.js';
import { CT, NOT_FOUND_TEXT, expectFrameworkHeaders, okJson, okXml, xmlDoc, xmlList } from '../support/protocol.js';

const GROUPS_JSON = '{"groups":["admin","empty","group1","group2"]}';

describe('routing', () => {
  test.each([1, 2] as const)('v%i /cloud/users/ with a trailing slash -> not found (998 / 404)', async (version) => {
    const { app } = await freshMock();
    const res = await ocs(app, 'get', version, '/cloud/users/');
    expect(res.status).toBe(version === 1 ? 200 : 404);
    expectFrameworkHeaders(res, CT.frameworkXml);
    expect(res.text).toBe(xmlDoc({ status: 'failure', statuscode: version === 1 ? 998 : 404, message: NOT_FOUND_TEXT, counts: false }));
  });

  test('double slashes collapse: /ocs/v2.php//cloud//groups', async () => {
    const { app } = await freshMock();
    const res = await request(app).get('/ocs/v2.php//cloud//groups?format=json').auth('admin', 'admin').set('OCS-APIRequest', 'true');
    expect(res.status).toBe(200);
    expect(res.text).toBe(okJson(2, GROUPS_JSON));
  });

  test('a web-root prefix works: /nextcloud/ocs/v2.php/cloud/groups and /nextcloud/ocs/v1.php/cloud/groups', async () => {
    const { app } = await freshMock();
    const v2 = await request(app).get('/nextcloud/ocs/v2.php/cloud/groups?format=json').auth('admin', 'admin').set('OCS-APIRequest', 'true');
    expect(v2.status).toBe(200);
    expect(v2.text).toBe(okJson(2, GROUPS_JSON));
    const v1 = await request(app).get('/nextcloud/ocs/v1.php/cloud/groups').auth('admin', 'admin').set('OCS-APIRequest', 'true');
    expect(v1.text).toBe(okXml(1, xmlList('groups', ['admin', 'empty', 'group1', 'group2'])));
  });

  test("percent-encoded ids: group 'España' created via JSON, read via an encoded path", async () => {
    const { app } = await freshMock();
    const create = await ocs(app, 'post', 2, '/cloud/groups', { format: 'json' }).send({ groupid: 'España' });
    expect(create.status).toBe(200);
    expect(create.text).toBe(okJson(2));
    const add = await ocs(app, 'post', 1, '/cloud/users/bob/groups').send({ groupid: 'España' });
    expect(add.text).toBe(okXml(1));
    const members = await ocs(app, 'get', 2, '/cloud/groups/Espa%C3%B1a', { format: 'json' });
    expect(members.status).toBe(200);
    expect(members.text).toBe(okJson(2, '{"users":["bob"]}'));
    const xml = await ocs(app, 'get', 1, '/cloud/groups/Espa%C3%B1a');
    expect(xml.text).toBe(okXml(1, xmlList('users', ['bob'])));
    const groups = await ocs(app, 'get', 2, '/cloud/users/bob/groups', { format: 'json' });
    // A user's groups in the order joined (Database::getUserGroups, recording users-get-user/created-full).
    expect(groups.text).toBe(okJson(2, '{"groups":["group1","group2","Espa\\u00f1a"]}'));
  });

  test('30+: /cloud/users/recent routes to the recent-users operation, not to a user named recent', async () => {
    const { app } = await freshMock({ nextcloud: '30' });
    const res = await ocs(app, 'get', 2, '/cloud/users/recent?limit=2', { format: 'json' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(CT.json);
    const data = JSON.parse(res.text).ocs.data as { users: Record<string, { id: string }> };
    expect(Object.keys(data.users)).toEqual(['admin', 'alice']);
    const user = await ocs(app, 'get', 2, '/cloud/users/nobody', { format: 'json' });
    expect(user.status).toBe(404);
  });

  test('paths outside /ocs/v{1,2}.php are not OCS', async () => {
    const { app } = await freshMock();
    const res = await request(app).get('/index.php/ocs/cloud/users');
    expect(res.status).toBe(404);
    expect(res.text).toBe('ocs-mock serves /ocs/v1.php and /ocs/v2.php\n');
  });
});

describe('independence and reset', () => {
  test('two mocks in one process do not share state', async () => {
    const one = await freshMock();
    const two = await freshMock();
    const created = await ocs(one.app, 'post', 2, '/cloud/groups', { format: 'json' }).send({ groupid: 'onlyInOne' });
    expect(created.status).toBe(200);
    expect((await ocs(one.app, 'get', 2, '/cloud/groups', { format: 'json' })).text).toBe(
      okJson(2, '{"groups":["admin","empty","group1","group2","onlyInOne"]}'),
    );
    expect((await ocs(two.app, 'get', 2, '/cloud/groups', { format: 'json' })).text).toBe(okJson(2, GROUPS_JSON));
  });

  test('POST /__admin/reset restores the fixture', async () => {
    const { app } = await freshMock();
    await ocs(app, 'post', 2, '/cloud/groups', { format: 'json' }).send({ groupid: 'temp' });
    await ocs(app, 'delete', 2, '/cloud/users/bob', { format: 'json' });
    const reset = await request(app).post('/__admin/reset');
    expect(reset.status).toBe(204);
    expect(reset.text).toBe('');
    expect((await ocs(app, 'get', 2, '/cloud/groups', { format: 'json' })).text).toBe(okJson(2, GROUPS_JSON));
    expect((await ocs(app, 'get', 2, '/cloud/users', { format: 'json' })).text).toBe(
      okJson(2, '{"users":["admin","alice","bob","carol","dave"]}'),
    );
  });
});
