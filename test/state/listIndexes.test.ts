import { describe, expect, it } from 'vitest';
import { freshMock, type TestMock } from '../support/mock.js';
import type { Php } from '../support/operations.js';
import { call, okData } from '../support/usersApi.js';

/**
 * The orders, sub-admin rights and disabled-member counts kept beside the state (src/state/listIndex.ts,
 * subAdminRights.ts, memberships.ts) follow every change made through the API. Default fixture:
 * admin "admin", alice "Alice Adams" (sub-admin of group1), bob "Bob Brown" (group1, group2),
 * carol "Carol Clark" (group2, disabled), dave "Dave Davis".
 */

async function ok(t: TestMock, method: 'get' | 'post' | 'put' | 'delete', path: string, body?: Record<string, string | string[]>, as = 'admin'): Promise<Php> {
  const res = await call(t, method, 2, path, { user: as, format: 'json', ...(body ? { body } : {}) });
  expect(res.status, res.text).toBe(200);
  return okData(res);
}

const group = (id: string, displayname: string, usercount: number, disabled: number) => ({ id, displayname, usercount, disabled, canAdd: true, canRemove: true });

describe('indexes follow the state', () => {
  it('a renamed user moves in the display-name order the user list pages in', async () => {
    const t = await freshMock();
    expect(await ok(t, 'get', '/cloud/users?limit=2')).toEqual({ users: ['admin', 'alice'] });
    await ok(t, 'put', '/cloud/users/dave', { key: 'displayname', value: 'Aaron Ash' });
    // "aaron ash" < "admin" < "alice adams"; the page is then sorted by id.
    expect(await ok(t, 'get', '/cloud/users?limit=2')).toEqual({ users: ['admin', 'dave'] });
    expect(await ok(t, 'get', '/cloud/users?limit=1&offset=4')).toEqual({ users: ['carol'] });
  });

  it('a created user is listed at its place and searched by its e-mail; a deleted one is gone', async () => {
    const t = await freshMock();
    await ok(t, 'post', '/cloud/users', { userid: 'zed', password: 'zed-secret-4711', displayName: 'Bert Bauer', email: 'zed@example.org' });
    expect(await ok(t, 'get', '/cloud/users?limit=2&offset=2')).toEqual({ users: ['bob', 'zed'] });
    expect(await ok(t, 'get', '/cloud/users?search=EXAMPLE.ORG')).toEqual({ users: ['zed'] });
    await ok(t, 'put', '/cloud/users/zed', { key: 'email', value: 'zed@example.net' });
    expect(await ok(t, 'get', '/cloud/users?search=example.org')).toEqual({ users: [] });
    await ok(t, 'delete', '/cloud/users/zed');
    expect(await ok(t, 'get', '/cloud/users?limit=2&offset=2')).toEqual({ users: ['bob', 'carol'] });
  });

  it('a created group is listed in id order, a deleted one is not', async () => {
    const t = await freshMock();
    await ok(t, 'post', '/cloud/groups', { groupid: 'aaa' });
    expect(await ok(t, 'get', '/cloud/groups?limit=2')).toEqual({ groups: ['aaa', 'admin'] });
    await ok(t, 'delete', '/cloud/groups/aaa');
    await ok(t, 'delete', '/cloud/groups/empty');
    expect(await ok(t, 'get', '/cloud/groups')).toEqual({ groups: ['admin', 'group1', 'group2'] });
  });

  it("a deleted group takes the sub-admin's rights: its details and sub-admin groups show none", async () => {
    const t = await freshMock();
    expect(await ok(t, 'get', '/cloud/users/alice/subadmins')).toEqual(['group1']);
    await ok(t, 'delete', '/cloud/groups/group1');
    expect(await ok(t, 'get', '/cloud/users/alice/subadmins')).toEqual([]);
    expect(((await ok(t, 'get', '/cloud/users/alice')) as { subadmin: Php }).subadmin).toEqual([]);
    // No longer a sub-admin anywhere: the sub-admin endpoints refuse her (403 from the access check).
    const res = await call(t, 'get', 2, '/cloud/users', { user: 'alice', format: 'json' });
    expect(res.status).toBe(403);
  });

  it('sub-admin rights granted and revoked through the API decide what the sub-admin may read', async () => {
    const t = await freshMock();
    expect((await call(t, 'get', 2, '/cloud/users/carol', { user: 'alice', format: 'json' })).status).toBe(404);
    await ok(t, 'post', '/cloud/users/alice/subadmins', { groupid: 'group2' });
    expect(await ok(t, 'get', '/cloud/users/alice/subadmins')).toEqual(['group1', 'group2']);
    expect(((await ok(t, 'get', '/cloud/users/carol', undefined, 'alice')) as { id: string }).id).toBe('carol');
    await ok(t, 'delete', '/cloud/users/alice/subadmins', { groupid: 'group2' });
    expect((await call(t, 'get', 2, '/cloud/users/carol', { user: 'alice', format: 'json' })).status).toBe(404);
  });

  it('a deleted user loses the sub-admin rights they were created with', async () => {
    const t = await freshMock();
    await ok(t, 'post', '/cloud/users', { userid: 'sam', password: 'sam-secret-4711', subadmin: ['group2'] });
    expect(await ok(t, 'get', '/cloud/groups/group2/subadmins')).toEqual(['sam']);
    await ok(t, 'delete', '/cloud/users/sam');
    expect(await ok(t, 'get', '/cloud/groups/group2/subadmins')).toEqual([]);
    await ok(t, 'post', '/cloud/users', { userid: 'sam', password: 'sam-secret-4711' });
    expect(await ok(t, 'get', '/cloud/users/sam/subadmins')).toEqual([]);
  });

  it('disabled members are counted as members are disabled, enabled, leave, join and are deleted', async () => {
    const t = await freshMock();
    const details = async () => ((await ok(t, 'get', '/cloud/groups/details?search=group')) as { groups: Php[] }).groups;
    expect(await details()).toEqual([group('group1', 'Group One', 2, 0), group('group2', 'group2', 2, 1)]);
    await ok(t, 'put', '/cloud/users/bob/disable');
    expect(await details()).toEqual([group('group1', 'Group One', 2, 1), group('group2', 'group2', 2, 2)]);
    await ok(t, 'delete', '/cloud/users/bob/groups', { groupid: 'group1' });
    await ok(t, 'put', '/cloud/users/carol/enable');
    expect(await details()).toEqual([group('group1', 'Group One', 1, 0), group('group2', 'group2', 2, 1)]);
    await ok(t, 'post', '/cloud/users/bob/groups', { groupid: 'group1' });
    expect(await details()).toEqual([group('group1', 'Group One', 2, 1), group('group2', 'group2', 2, 1)]);
    await ok(t, 'delete', '/cloud/users/bob');
    expect(await details()).toEqual([group('group1', 'Group One', 1, 0), group('group2', 'group2', 1, 0)]);
  });

  it('a login moves the account to the front of the recent logins (30+)', async () => {
    const t = await freshMock({ nextcloud: '30' });
    const recent = async () => Object.keys(((await ok(t, 'get', '/cloud/users/recent')) as { users: Record<string, Php> }).users);
    // admin's own request logs it in at the test clock; alice, bob and carol logged in before; dave never.
    expect(await recent()).toEqual(['admin', 'alice', 'bob', 'carol']);
    await ok(t, 'get', '/cloud/users/dave', undefined, 'dave');
    expect(await recent()).toEqual(['admin', 'dave', 'alice', 'bob', 'carol']);
  });
});
