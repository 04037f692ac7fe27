import { describe, expect, it } from 'vitest';
import { newUser } from 'ocs-mock';
import { freshMock, type TestMock } from '../support/mock.js';
import type { Php } from '../support/operations.js';
import { call, okData } from '../support/usersApi.js';

/**
 * A test may arrange `mock.state` directly instead of through the API (README, Library): the list
 * orders, memberships, sub-admin rights and disabled-member counts follow (src/state/accounts.ts,
 * user.ts, groupSets.ts). Default fixture: admin "admin", alice "Alice Adams" (sub-admin of group1),
 * bob "Bob Brown" (group1, group2), carol "Carol Clark" (group2, disabled), dave "Dave Davis";
 * groups admin, empty, group1 "Group One", group2.
 */

async function ok(t: TestMock, path: string, as = 'admin'): Promise<Php> {
  const res = await call(t, 'get', 2, path, { user: as, format: 'json' });
  expect(res.status, res.text).toBe(200);
  return okData(res);
}

const group = (id: string, displayname: string, usercount: number, disabled: number) => ({ id, displayname, usercount, disabled, canAdd: true, canRemove: true });
const groupDetails = async (t: TestMock, search: string) => ((await ok(t, `/cloud/groups/details?search=${search}`)) as { groups: Php[] }).groups;
const groupsOfUser = async (t: TestMock, uid: string) => ((await ok(t, `/cloud/users/${uid}`)) as { groups: Php }).groups;

describe('state arranged directly', () => {
  it('a display name set on the account moves it in the user list order', async () => {
    const t = await freshMock();
    t.mock.state.users.get('dave')!.displayname = 'Aaron Ash';
    // "aaron ash" < "admin" < "alice adams"; the page is then sorted by id.
    expect(await ok(t, '/cloud/users?limit=2')).toEqual({ users: ['admin', 'dave'] });
    expect(await ok(t, '/cloud/users?limit=1&offset=4')).toEqual({ users: ['carol'] });
  });

  it("an account disabled or enabled directly counts in its groups' disabled members", async () => {
    const t = await freshMock();
    t.mock.state.users.get('bob')!.enabled = false;
    expect(await groupDetails(t, 'group')).toEqual([group('group1', 'Group One', 2, 1), group('group2', 'group2', 2, 2)]);
    t.mock.state.users.get('carol')!.enabled = true;
    expect(await groupDetails(t, 'group')).toEqual([group('group1', 'Group One', 2, 1), group('group2', 'group2', 2, 1)]);
    expect(Object.keys(((await ok(t, '/cloud/users/disabled')) as { users: Record<string, Php> }).users)).toEqual(['bob']);
  });

  it('a last login set on the account moves it in the recent logins (30+)', async () => {
    const t = await freshMock({ nextcloud: '30' });
    const recent = async () => Object.keys(((await ok(t, '/cloud/users/recent')) as { users: Record<string, Php> }).users);
    expect(await recent()).toEqual(['admin', 'alice', 'bob', 'carol']);
    // Later than every fixture login, earlier than the test clock admin's request logs in at.
    t.mock.state.users.get('dave')!.lastLogin = Date.UTC(2026, 10, 30) / 1000;
    t.mock.state.users.get('carol')!.lastLogin = 0;
    expect(await recent()).toEqual(['admin', 'dave', 'alice', 'bob']);
  });

  it("a member added to or deleted from a group's members is in the user's groups and the counts", async () => {
    const t = await freshMock();
    t.mock.state.groups.get('group2')!.members.add('dave');
    t.mock.state.groups.get('group1')!.members.delete('bob');
    expect(await groupsOfUser(t, 'dave')).toEqual(['group2']);
    expect(await groupsOfUser(t, 'bob')).toEqual(['group2']);
    expect(await ok(t, '/cloud/groups/group1/users')).toEqual({ users: ['alice'] });
    expect(await groupDetails(t, 'group')).toEqual([group('group1', 'Group One', 1, 0), group('group2', 'group2', 3, 1)]);
    // bob is no longer in a group alice administers.
    expect((await call(t, 'get', 2, '/cloud/users/bob', { user: 'alice', format: 'json' })).status).toBe(404);
  });

  it("a sub-admin added to a group's sub-admins administers it; one deleted does not", async () => {
    const t = await freshMock();
    t.mock.state.groups.get('group2')!.subadmins.add('dave');
    t.mock.state.groups.get('group1')!.subadmins.delete('alice');
    expect(await ok(t, '/cloud/users/dave/subadmins')).toEqual(['group2']);
    expect(await ok(t, '/cloud/users/alice/subadmins')).toEqual([]);
    // dave may now list group2's members as a sub-admin (getUsers: his groups searched), alice nothing.
    expect(await ok(t, '/cloud/users', 'dave')).toEqual({ users: ['bob', 'carol'] });
    expect((await call(t, 'get', 2, '/cloud/users', { user: 'alice', format: 'json' })).status).toBe(403);
  });

  it('an account stored in or deleted from the user map is listed, found and counted accordingly', async () => {
    const t = await freshMock();
    const erin = newUser('erin', 'erin-secret-4711');
    erin.displayname = 'Bert Bauer';
    erin.email = 'erin@example.net';
    t.mock.state.users.set('erin', erin);
    t.mock.state.groups.get('group1')!.members.add('erin');
    erin.enabled = false;
    expect(await ok(t, '/cloud/users?limit=2&offset=2')).toEqual({ users: ['bob', 'erin'] });
    expect(await groupDetails(t, 'group1')).toEqual([group('group1', 'Group One', 3, 1)]);
    t.mock.state.users.delete('bob');
    expect(await ok(t, '/cloud/users?limit=2&offset=2')).toEqual({ users: ['carol', 'erin'] });
    expect(await groupDetails(t, 'group')).toEqual([group('group1', 'Group One', 2, 1), group('group2', 'group2', 1, 1)]);
    expect(await ok(t, '/cloud/groups/group1/users')).toEqual({ users: ['alice', 'erin'] });
  });

  it('a group stored in or deleted from the group map is listed, with its members and sub-admins', async () => {
    const t = await freshMock();
    t.mock.state.groups.set('aaa', { id: 'aaa', displayname: 'Triple A', members: new Set(['dave', 'carol']), subadmins: new Set(['alice']) });
    expect(await ok(t, '/cloud/groups?limit=2')).toEqual({ groups: ['aaa', 'admin'] });
    expect(await groupDetails(t, 'Triple')).toEqual([group('aaa', 'Triple A', 2, 1)]);
    expect(await groupsOfUser(t, 'dave')).toEqual(['aaa']);
    expect(await ok(t, '/cloud/users/alice/subadmins')).toEqual(['aaa', 'group1']);
    t.mock.state.groups.delete('group2');
    expect(await ok(t, '/cloud/groups')).toEqual({ groups: ['aaa', 'admin', 'empty', 'group1'] });
    expect(await groupsOfUser(t, 'bob')).toEqual(['group1']);
  });

  it('the maps refuse what would leave the indexes wrong: a plain object as account, a key other than the id', async () => {
    const t = await freshMock();
    const bob = t.mock.state.users.get('bob')!;
    expect(() => t.mock.state.users.set('bobby', { ...bob, id: 'bobby' })).toThrow("state.users.set('bobby', …) takes an account made by newUser() (exported by ocs-mock)");
    expect(() => t.mock.state.users.set('bobby', newUser('bob', 'x'))).toThrow("state.users.set('bobby', …): the key must be the account's id ('bob')");
    expect(() => t.mock.state.groups.set('g', { id: 'h', displayname: 'h', members: new Set(), subadmins: new Set() })).toThrow(
      "state.groups.set('g', …): the key must be the group's id ('h')",
    );
    // The direct arrangement above changed nothing.
    expect(await ok(t, '/cloud/users')).toEqual({ users: ['admin', 'alice', 'bob', 'carol', 'dave'] });
  });
});
