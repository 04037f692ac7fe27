import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { freshMock, ocs } from '../support/mock.js';
import { expectOcs } from '../support/operations.js';

const GROUP_EXISTS = { ocs: { statuscode: 102, message: 'group exists' } };

describe('a session is its own state, scenarios and journal', () => {
  it('made from the fixture on first use, whatever the mock itself has been through', async () => {
    const { mock, app } = await freshMock();
    await ocs(app, 'post', 2, '/cloud/groups').send({ groupid: 'mock-only' }).expect(200);
    await ocs(app, 'delete', 2, '/cloud/users/bob').expect(200);
    const session = mock.session('late');
    expect([session.state.groups.has('mock-only'), session.state.users.has('bob'), session.state.users.size, session.state.groups.size]).toEqual([false, true, 5, 4]);
  });

  it('starts with the start-up scenarios (counters of its own), not those loaded later', async () => {
    const { mock, app } = await freshMock({ scenarios: [{ name: 'boot', rules: [{ name: 'add fails', match: { operationId: 'groups-add-group' }, answer: GROUP_EXISTS }] }] });
    mock.fail('groups-get-groups', { ocs: 997 });
    await ocs(app, 'post', 2, '/cloud/groups').send({ groupid: 'x' });
    expect(mock.session('s').scenarios.list()).toEqual([{ name: 'boot', rules: [{ name: 'add fails', matched: 0, applied: 0, active: true }] }]);
    await expectOcs(await ocs(app, 'post', 1, '/cloud/groups').set('X-Mock-Session', 's').send({ groupid: 'x' }), 1, 'xml', { code: 102, message: 'group exists' });
    expect(mock.scenarios.list()[0].rules[0]).toEqual({ name: 'add fails', matched: 1, applied: 1, active: true });
    expect(mock.session('s').scenarios.list()[0].rules[0]).toEqual({ name: 'add fails', matched: 1, applied: 1, active: true });
  });

  it('mock.session(id).fail and POST /__admin/scenarios with the header act on that session only', async () => {
    const { mock, app } = await freshMock();
    mock.session('a').fail('groups-add-group', { ocs: 103 });
    const loaded = await request(app).post('/__admin/scenarios').set('X-Mock-Session', 'b').send({ shipped: 'group-exists' });
    expect(loaded.status).toBe(201);
    const add = (session?: string) => {
      const req = ocs(app, 'post', 1, '/cloud/groups');
      return (session ? req.set('X-Mock-Session', session) : req).send({ groupid: 'g' });
    };
    await expectOcs(await add('a'), 1, 'xml', { code: 103, message: '' });
    await expectOcs(await add('b'), 1, 'xml', { code: 102, message: 'group exists' });
    await expectOcs(await add('c'), 1, 'xml', { code: 100, message: 'OK' });
    await expectOcs(await add(), 1, 'xml', { code: 100, message: 'OK' });
    expect((await request(app).get('/__admin/scenarios').set('X-Mock-Session', 'a')).body.scenarios.map((s: { name: string }) => s.name)).toEqual(['fail-1']);
    expect((await request(app).get('/__admin/scenarios').set('X-Mock-Session', 'b')).body.scenarios.map((s: { name: string }) => s.name)).toEqual(['group-exists']);
    expect((await request(app).get('/__admin/scenarios')).body).toEqual({ scenarios: [] });
  });

  it("GET /__admin/requests with the header lists that session's requests only; mock.session(id).requests the same", async () => {
    const { mock, app } = await freshMock();
    await ocs(app, 'get', 2, '/cloud/users/alice').set('X-Mock-Session', 'a');
    await request(app).get('/session/b/ocs/v2.php/cloud/groups').auth('admin', 'admin').set('OCS-APIRequest', 'true');
    await ocs(app, 'get', 2, '/cloud/apps');
    const listed = (session?: string) => {
      const req = request(app).get('/__admin/requests');
      return session ? req.set('X-Mock-Session', session) : req;
    };
    const ops = (records: { operationId: string | null }[]) => records.map((r) => r.operationId);
    expect(ops((await listed('a')).body.requests)).toEqual(['users-get-user']);
    expect(ops((await listed('b')).body.requests)).toEqual(['groups-get-groups']);
    expect(ops((await listed()).body.requests)).toEqual(['apps-get-apps']);
    expect(ops((await request(app).get('/session/b/__admin/requests')).body.requests)).toEqual(['groups-get-groups']);
    expect(ops(mock.session('a').requests())).toEqual(['users-get-user']);
    expect((await listed('b')).body.requests[0]).toMatchObject({ id: 1, path: '/cloud/groups', status: 200 });
  });

  it('POST /__admin/reset with the header resets that session only; DELETE /__admin/requests likewise', async () => {
    const { mock, app } = await freshMock();
    for (const session of ['a', 'b']) await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', session).send({ groupid: 'g' }).expect(200);
    await ocs(app, 'post', 2, '/cloud/groups').send({ groupid: 'g' }).expect(200);
    expect((await request(app).post('/__admin/reset').set('X-Mock-Session', 'a')).status).toBe(204);
    expect([mock.session('a').state.groups.has('g'), mock.session('b').state.groups.has('g'), mock.state.groups.has('g')]).toEqual([false, true, true]);
    expect([mock.session('a').requests().length, mock.session('b').requests().length, mock.requests().length]).toEqual([0, 1, 1]);
    expect((await request(app).delete('/__admin/requests').set('X-Mock-Session', 'b')).status).toBe(204);
    expect([mock.session('b').requests().length, mock.requests().length]).toEqual([0, 1]);
    mock.session('b').reset({ keep: ['state'] });
    expect(mock.session('b').state.groups.has('g')).toBe(true);
  });

  it('GET /__admin/health with the header counts that session', async () => {
    const { app } = await freshMock();
    await ocs(app, 'delete', 2, '/cloud/users/bob').set('X-Mock-Session', 'h').expect(200);
    expect((await request(app).get('/__admin/health').set('X-Mock-Session', 'h')).body).toEqual({ status: 'ok', users: 4, groups: 4 });
    expect((await request(app).get('/__admin/health')).body).toEqual({ status: 'ok', users: 5, groups: 4 });
  });
});
