import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.js';
import { stateViolations } from '../fuzz/invariants.js';
import { TEST_NOW, TEST_RELEASE } from '../support/mock.js';

const CLIENTS = 50;
const AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
const PASSWORD = 'Concurrent-Writes-4711!';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', clock: () => TEST_NOW, nextcloud: TEST_RELEASE });
});
afterAll(() => server.close());

/** One OCS v2 JSON write as admin; its HTTP status and meta.statuscode. */
async function call(method: string, path: string, body?: Record<string, string>): Promise<string> {
  const res = await fetch(`${server.url}/ocs/v2.php${path}?format=json`, {
    method,
    headers: { Authorization: AUTH, 'OCS-APIRequest': 'true', 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const { ocs } = (await res.json()) as { ocs: { meta: { statuscode: number } } };
  return `${res.status} ${ocs.meta.statuscode}`;
}

/**
 * Twenty writes of one client, in order: its own group, user, memberships, sub-admin right, edits
 * and app config, a group and a user made and deleted again, and writes to shared groups that every
 * client touches at once.
 */
async function client(c: number): Promise<string[]> {
  const [group, user, temp, gone] = [`g${c}`, `u${c}`, `tmp${c}`, `v${c}`];
  return [
    await call('POST', '/cloud/groups', { groupid: group }),
    await call('POST', '/cloud/users', { userid: user, password: PASSWORD }),
    await call('POST', `/cloud/users/${user}/groups`, { groupid: group }),
    await call('POST', `/cloud/users/${user}/groups`, { groupid: 'group1' }),
    await call('POST', `/cloud/users/${user}/subadmins`, { groupid: group }),
    await call('PUT', `/cloud/users/${user}`, { key: 'displayname', value: `User ${c}` }),
    await call('PUT', `/cloud/groups/${group}`, { key: 'displayname', value: `Group ${c}` }),
    await call('POST', `/apps/provisioning_api/api/v1/config/apps/myapp/key${c}`, { value: `value-${c}` }),
    await call('POST', '/cloud/groups', { groupid: temp }),
    await call('POST', `/cloud/users/alice/groups`, { groupid: temp }),
    await call('DELETE', `/cloud/groups/${temp}`),
    await call('POST', '/cloud/users', { userid: gone, password: PASSWORD }),
    await call('POST', `/cloud/users/${gone}/groups`, { groupid: group }),
    await call('POST', `/cloud/users/${gone}/subadmins`, { groupid: 'group2' }),
    await call('DELETE', `/cloud/users/${gone}`),
    await call('POST', `/cloud/users/bob/groups`, { groupid: group }),
    await call('DELETE', `/cloud/users/bob/groups`, { groupid: group }),
    // Every client creates the same group: exactly one is first; the others are told it exists.
    await call('POST', '/cloud/groups', { groupid: 'contended' }),
    await call('POST', `/cloud/users/${user}/groups`, { groupid: 'contended' }),
    await call('POST', `/cloud/users/alice/groups`, { groupid: group }),
  ];
}

describe('concurrent writes', () => {
  it(`${CLIENTS} clients x 20 writes at once: every write acknowledged and visible, state invariants hold`, async () => {
    const answers = await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const ok = '200 200';
    // v2 add group that exists -> 102, HTTP 400 (GroupsController::addGroup).
    const contended = answers.map((a) => a[17]);
    expect(contended.filter((a) => a === ok)).toHaveLength(1);
    expect(contended.filter((a) => a === '400 102')).toHaveLength(CLIENTS - 1);
    for (const [c, a] of answers.entries()) {
      expect({ c, answers: a.filter((_, i) => i !== 17) }).toEqual({ c, answers: Array<string>(19).fill(ok) });
    }

    const { state } = server.mock;
    expect(stateViolations(state)).toEqual([]);
    const users = Array.from({ length: CLIENTS }, (_, c) => `u${c}`);
    for (let c = 0; c < CLIENTS; c++) {
      const group = state.groups.get(`g${c}`);
      expect({ c, name: group?.displayname, members: [...(group?.members ?? [])], subadmins: [...(group?.subadmins ?? [])] }).toEqual({
        c,
        name: `Group ${c}`,
        members: [`u${c}`, 'alice'],
        subadmins: [`u${c}`],
      });
      expect({ c, user: state.users.get(`u${c}`)?.displayname, groups: [...(state.userGroups.get(`u${c}`) ?? [])] }).toEqual({
        c,
        user: `User ${c}`,
        groups: [`g${c}`, 'group1', 'contended'],
      });
      expect({ c, temp: state.groups.has(`tmp${c}`), gone: state.users.has(`v${c}`) }).toEqual({ c, temp: false, gone: false });
      expect({ c, value: state.appConfig.get('myapp')?.get(`key${c}`) }).toEqual({ c, value: `value-${c}` });
    }
    expect([...(state.groups.get('contended')?.members ?? [])].sort()).toEqual([...users].sort());
    expect([...(state.groups.get('group1')?.members ?? [])].filter((uid) => uid.startsWith('u')).sort()).toEqual([...users].sort());
    expect([...(state.groups.get('group2')?.subadmins ?? [])].filter((uid) => uid.startsWith('v'))).toEqual([]);
    expect([...(state.userGroups.get('bob') ?? [])].filter((gid) => gid.startsWith('g') && gid !== 'group1' && gid !== 'group2')).toEqual([]);
    expect([...(state.userGroups.get('alice') ?? [])].filter((gid) => gid.startsWith('tmp'))).toEqual([]);
  });
});
