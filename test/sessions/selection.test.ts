import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { freshMock, ocs } from '../support/mock.js';
import { expectOcs } from '../support/operations.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Status, Content-Type and the whole JSON body. */
function answer(res: request.Response): { status: number; type: string | undefined; body: unknown } {
  return { status: res.status, type: res.headers['content-type'], body: res.body };
}

async function groupIds(req: request.Test): Promise<string[]> {
  return ((await req).body as { ocs: { data: { groups: string[] } } }).ocs.data.groups;
}

const FIXTURE_GROUPS = ['admin', 'empty', 'group1', 'group2'];

describe('selecting a session', () => {
  it('X-Mock-Session: a write lands in that session only; the mock and other sessions keep the fixture', async () => {
    const { mock, app } = await freshMock();
    const added = await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', 'a').send({ groupid: 'only-a' });
    await expectOcs(added, 2, 'xml', { code: 200, message: 'OK' });
    expect(await groupIds(ocs(app, 'get', 2, '/cloud/groups', { format: 'json' }).set('X-Mock-Session', 'a'))).toEqual([...FIXTURE_GROUPS, 'only-a']);
    expect(await groupIds(ocs(app, 'get', 2, '/cloud/groups', { format: 'json' }))).toEqual(FIXTURE_GROUPS);
    expect(await groupIds(ocs(app, 'get', 2, '/cloud/groups', { format: 'json' }).set('X-Mock-Session', 'b'))).toEqual(FIXTURE_GROUPS);
    expect([mock.session('a').state.groups.has('only-a'), mock.state.groups.has('only-a'), mock.session('b').state.groups.has('only-a')]).toEqual([true, false, false]);
  });

  it('the /session/<id>/ prefix selects the session like the header, v1 and v2', async () => {
    const { mock, app } = await freshMock();
    const v1 = await request(app).post('/session/p/ocs/v1.php/cloud/groups').auth('admin', 'admin').set('OCS-APIRequest', 'true').send({ groupid: 'g1' });
    await expectOcs(v1, 1, 'xml', { code: 100, message: 'OK' });
    const v2 = await request(app).post('/session/p/ocs/v2.php/cloud/groups').auth('admin', 'admin').set('OCS-APIRequest', 'true').send({ groupid: 'g1' });
    await expectOcs(v2, 2, 'xml', { code: 102, message: 'group exists' });
    expect(await groupIds(ocs(app, 'get', 2, '/cloud/groups', { format: 'json' }).set('X-Mock-Session', 'p'))).toContain('g1');
    expect(mock.state.groups.has('g1')).toBe(false);
  });

  it('under the prefix a further web root works, and URLs in answers keep the prefix (they stay in the session)', async () => {
    const { app } = await freshMock();
    const res = await request(app)
      .get('/session/p/nextcloud/ocs/v2.php/cloud/capabilities?format=json')
      .set('Host', 'cloud.example')
      .auth('admin', 'admin')
      .set('OCS-APIRequest', 'true');
    expect(res.status).toBe(200);
    const api = (res.body as { ocs: { data: { capabilities: { password_policy: { api: { generate: string } } } } } }).ocs.data.capabilities.password_policy.api;
    expect(api.generate).toBe('http://cloud.example/session/p/nextcloud/ocs/v2.php/apps/password_policy/api/v1/generate');
  });

  it('header and prefix naming the same session -> served; naming different ones -> 400 JSON, nothing written', async () => {
    const { mock, app } = await freshMock();
    const same = await request(app).post('/session/s/ocs/v2.php/cloud/groups').set('X-Mock-Session', 's').auth('admin', 'admin').set('OCS-APIRequest', 'true').send({ groupid: 'g' });
    expect(same.status).toBe(200);
    const clash = await request(app).post('/session/s/ocs/v2.php/cloud/groups').set('X-Mock-Session', 't').auth('admin', 'admin').set('OCS-APIRequest', 'true').send({ groupid: 'h' });
    expect(answer(clash)).toEqual({
      status: 400,
      type: JSON_TYPE,
      body: { error: 'two sessions named', reason: 'X-Mock-Session says "t" but the URL prefix says "s"; name one session' },
    });
    expect([mock.session('s').state.groups.has('h'), mock.session('t').state.groups.has('h'), mock.state.groups.has('h')]).toEqual([false, false, false]);
  });

  it.each([
    ['a header with a space', { header: 'bad id' }, 'X-Mock-Session "bad id"'],
    ['an empty header', { header: '' }, 'X-Mock-Session ""'],
    ['a 65-character header', { header: 'x'.repeat(65) }, `X-Mock-Session "${'x'.repeat(65)}"`],
    ['a percent-encoded prefix id', { prefix: 'a%20b' }, 'the URL prefix /session/<id>: id "a%20b"'],
    ['an empty prefix id', { prefix: '' }, 'the URL prefix /session/<id>: id ""'],
  ])('%s -> 400 JSON (not an OCS answer), no session made', async (_name, given: { header?: string; prefix?: string }, named) => {
    const { mock, app } = await freshMock();
    const url = `${given.prefix === undefined ? '' : `/session/${given.prefix}`}/ocs/v2.php/cloud/groups`;
    let req = request(app).get(url).auth('admin', 'admin').set('OCS-APIRequest', 'true');
    if (given.header !== undefined) req = req.set('X-Mock-Session', given.header);
    expect(answer(await req)).toEqual({
      status: 400,
      type: JSON_TYPE,
      body: { error: 'invalid session id', reason: `${named} is not a session id: 1 to 64 characters of A-Z a-z 0-9 . _ -` },
    });
    expect(mock.sessions.list()).toEqual([]);
    expect(mock.requests()).toEqual([]);
  });

  it('mock.session with a bad id throws the same refusal', async () => {
    const { mock } = await freshMock();
    expect(() => mock.session('no/slash')).toThrow('invalid session id: mock.session(id): id "no/slash" is not a session id: 1 to 64 characters of A-Z a-z 0-9 . _ -');
  });

  it('status.php below the prefix answers for that session (maintenance from its scenarios)', async () => {
    const { mock, app } = await freshMock();
    mock.session('m').scenarios.loadShipped('maintenance-mode');
    expect(JSON.parse((await request(app).get('/session/m/status.php')).text).maintenance).toBe(true);
    expect(JSON.parse((await request(app).get('/status.php').set('X-Mock-Session', 'm')).text).maintenance).toBe(true);
    expect(JSON.parse((await request(app).get('/status.php')).text).maintenance).toBe(false);
    expect(JSON.parse((await request(app).get('/session/other/status.php')).text).maintenance).toBe(false);
  });
});
