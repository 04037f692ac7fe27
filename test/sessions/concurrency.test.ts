import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.js';
import { TEST_NOW, TEST_RELEASE } from '../support/mock.js';

const SESSIONS = 20;
const AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
const CONFIG = '/apps/provisioning_api/api/v1/config/apps/myapp/shared_key';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, clock: () => TEST_NOW, nextcloud: TEST_RELEASE });
});
afterAll(() => server.close());

/** One OCS v2 JSON call in a session, by header (even sessions) or URL prefix (odd ones); the OCS status code. */
async function call(session: number, method: string, path: string, body?: Record<string, string>): Promise<number> {
  const id = `s${session}`;
  const base = session % 2 === 0 ? server.url : `${server.url}/session/${id}`;
  const headers: Record<string, string> = { Authorization: AUTH, 'OCS-APIRequest': 'true', 'Content-Type': 'application/json' };
  if (session % 2 === 0) headers['X-Mock-Session'] = id;
  const res = await fetch(`${base}/ocs/v2.php${path}?format=json`, { method, headers, body: body && JSON.stringify(body) });
  return ((await res.json()) as { ocs: { meta: { statuscode: number } } }).ocs.meta.statuscode;
}

/**
 * Ten writes that conflict between sessions (the same group id, the same user in and out of it,
 * the same app config key and group name set to different values, the same scenario name), run in order within a
 * session while all sessions run at once.
 */
async function writes(session: number): Promise<number[]> {
  const codes: number[] = [];
  codes.push(await call(session, 'POST', '/cloud/groups', { groupid: 'shared' }));
  codes.push(await call(session, 'POST', '/cloud/groups', { groupid: 'shared' }));
  codes.push(await call(session, 'POST', '/cloud/users/alice/groups', { groupid: 'shared' }));
  if (session % 3 === 0) codes.push(await call(session, 'DELETE', '/cloud/users/alice/groups', { groupid: 'shared' }));
  else codes.push(await call(session, 'POST', '/cloud/users/bob/groups', { groupid: 'shared' }));
  codes.push(await call(session, 'POST', CONFIG, { value: `value-${session}` }));
  const scenario = {
    name: 'shared-name',
    rules: [{ name: `only-${session}`, match: { operationId: 'groups-get-group-users' }, answer: { ocs: { statuscode: 100 + session } } }],
  };
  const loaded = await fetch(`${server.url}/__admin/scenarios`, {
    method: 'POST',
    headers: { 'X-Mock-Session': `s${session}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(scenario),
  });
  codes.push(loaded.status);
  codes.push(await call(session, 'GET', '/cloud/groups/shared/users'));
  codes.push(await call(session, 'POST', CONFIG, { value: `again-${session}` }));
  codes.push(await call(session, 'PUT', '/cloud/groups/shared', { key: 'displayname', value: `name-${session}` }));
  codes.push(await call(session, 'POST', '/cloud/users/carol/groups', { groupid: 'shared' }));
  return codes;
}

describe('sessions under concurrency', () => {
  it(`${SESSIONS} sessions x 10 conflicting writes at once: each sees exactly its own state, scenarios and journal`, async () => {
    const results = await Promise.all(Array.from({ length: SESSIONS }, (_, session) => writes(session)));
    const { mock } = server;
    for (let session = 0; session < SESSIONS; session++) {
      const inSession = mock.session(`s${session}`);
      // 102 (and v2's 400) only for the second create: no session saw another's group.
      expect({ session, codes: results[session] }).toEqual({ session, codes: [200, 102, 200, 200, 200, 201, 100 + session, 200, 200, 200] });
      const shared = inSession.state.groups.get('shared');
      expect({ session, name: shared?.displayname, members: [...(shared?.members ?? [])].sort() }).toEqual({
        session,
        name: `name-${session}`,
        members: session % 3 === 0 ? ['carol'] : ['alice', 'bob', 'carol'],
      });
      expect({ session, value: inSession.state.appConfig.get('myapp')?.get('shared_key') }).toEqual({ session, value: `again-${session}` });
      expect({ session, scenarios: inSession.scenarios.list() }).toEqual({
        session,
        scenarios: [{ name: 'shared-name', rules: [{ name: `only-${session}`, matched: 1, applied: 1, active: true }] }],
      });
      expect({ session, journal: inSession.requests().map((r) => `${r.method} ${r.path} ${r.params.value ?? r.params.groupid ?? ''}`) }).toEqual({
        session,
        journal: [
          'POST /cloud/groups shared',
          'POST /cloud/groups shared',
          'POST /cloud/users/alice/groups shared',
          session % 3 === 0 ? 'DELETE /cloud/users/alice/groups shared' : 'POST /cloud/users/bob/groups shared',
          `POST ${CONFIG} value-${session}`,
          'GET /cloud/groups/shared/users ',
          `POST ${CONFIG} again-${session}`,
          `PUT /cloud/groups/shared name-${session}`,
          'POST /cloud/users/carol/groups shared',
        ],
      });
    }
    expect(mock.state.groups.has('shared')).toBe(false);
    expect(mock.requests()).toEqual([]);
    expect(mock.scenarios.list()).toEqual([]);
  });
});
