import { describe, expect, it } from 'vitest';
import type { Fixture } from '../../src/state/fixtureFile.js';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { expectFramework996, type Php } from '../support/operations.js';
import { ACCOUNTS, ADMIN_VIEW, createdAccount, userDetails, type Account } from '../support/operationsUsers.js';
import { call, expectAnswer, okData } from '../support/usersApi.js';

/**
 * Which page of accounts each list endpoint returns: the order Nextcloud pages in and what it does
 * with limit 0, no limit and negative values (OC\User\Database::getDisplayNames, OC\User\Manager,
 * OC\Group\Database::searchInGroup, OC\Group\Manager::displayNamesInGroup, UsersController).
 * Expected bodies of the recorded cases equal the recordings named (Nextcloud 29.0.6).
 */

/** The recorded server's accounts (nc29 README "The fixture state"): admin and dave have no display name. */
const RECORDED: Fixture = {
  groups: [{ id: 'admin' }, { id: 'group1', displayname: 'Group One' }, { id: 'group2' }, { id: 'empty', displayname: 'Empty Group' }],
  users: [
    { id: 'admin', password: 'admin', groups: ['admin'], lastLogin: '2026-11-20T09:15:00Z' },
    { id: 'alice', password: 'alice-password', displayname: 'Alice Archer', email: 'alice@example.com', groups: ['group1'], subadmin: ['group1'] },
    { id: 'bob', password: 'bob-password', displayname: 'Bob Baker', email: 'bob@example.com', groups: ['group1', 'group2'], quota: '1 GB' },
    { id: 'carol', password: 'carol-password', displayname: 'Carol Clark', groups: ['group2'], enabled: false },
    { id: 'dave', password: 'dave-password' },
  ],
};

async function createUser(t: TestMock, body: Record<string, string | string[]>) {
  const res = await call(t, 'post', 2, '/cloud/users', { body, format: 'json' });
  expect(res.status, res.text).toBe(200);
}

async function rename(t: TestMock, uid: string, value: string) {
  const res = await call(t, 'put', 2, `/cloud/users/${uid}`, { body: { key: 'displayname', value }, format: 'json' });
  expect(res.status, res.text).toBe(200);
}

async function listed(t: TestMock, path: string, as = 'admin'): Promise<Php> {
  const res = await call(t, 'get', 2, path, { user: as, format: 'json' });
  expect(res.status, res.text).toBe(200);
  return okData(res);
}

const detailsOf = (...entries: [string, Account][]) => ({
  users: Object.fromEntries(entries.map(([id, account]) => [id, userDetails(id, ADMIN_VIEW, account)])),
});

describe.each(MATRIX)('user paging v$version $format', ({ version, format }) => {
  const v = `v${version} ${format}`;
  const get = (t: TestMock, path: string, as = 'admin') => call(t, 'get', version, path, { user: as, format });

  it(`${v} limit=2&offset=1 pages in display-name order, unnamed accounts first, then sorts the page by id -> ["alice","dave"] (users-get-users/limit-offset)`, async () => {
    const t = await freshMock({ fixture: RECORDED });
    await expectAnswer(await get(t, '/cloud/users?limit=2&offset=1'), version, format, { code: 100, data: { users: ['alice', 'dave'] } }, 'users-get-users');
  });

  it(`${v} pg_a "Zed" and pg_b "Amy": search=pg_&limit=1 -> ["pg_b"]; limit=2 -> ["pg_a","pg_b"]`, async () => {
    const t = await freshMock();
    await createUser(t, { userid: 'pg_a', password: 'pg-secret-42', displayName: 'Zed' });
    await createUser(t, { userid: 'pg_b', password: 'pg-secret-42', displayName: 'Amy' });
    await expectAnswer(await get(t, '/cloud/users?search=pg_&limit=1'), version, format, { code: 100, data: { users: ['pg_b'] } }, 'users-get-users');
    await expectAnswer(await get(t, '/cloud/users?search=pg_&limit=2'), version, format, { code: 100, data: { users: ['pg_a', 'pg_b'] } }, 'users-get-users');
  });

  it(`${v} /cloud/users/details?limit=1&offset=1 -> dave, the second unnamed account, shown with its id as display name (users-get-users-details/limit-offset)`, async () => {
    const t = await freshMock({ fixture: RECORDED });
    await expectAnswer(await get(t, '/cloud/users/details?limit=1&offset=1'), version, format, { code: 100, data: detailsOf(['dave', createdAccount('dave')]) }, 'users-get-users-details');
  });

  it(`${v} limit=0: /cloud/users lists nobody while /cloud/groups lists every group (users-get-users/limit-0, groups-get-groups/limit-0)`, async () => {
    const t = await freshMock({ fixture: RECORDED });
    await expectAnswer(await get(t, '/cloud/users?limit=0'), version, format, { code: 100, data: { users: [] } });
    await expectAnswer(await get(t, '/cloud/groups?limit=0'), version, format, { code: 100, data: { groups: ['admin', 'empty', 'group1', 'group2'] } }, 'groups-get-groups');
  });

  it(`${v} limit=0 on the details lists -> "users": [] (users-get-users-details/limit-0, users-get-disabled-users-details/limit-0, groups-get-group-users-details/limit-0)`, async () => {
    const t = await freshMock({ fixture: RECORDED });
    for (const path of ['/cloud/users/details?limit=0', '/cloud/users/disabled?limit=0', '/cloud/groups/group1/users/details?limit=0']) {
      await expectAnswer(await get(t, path), version, format, { code: 100, data: { users: [] } });
    }
  });

  it(`${v} limit=abc binds as 0 -> no users (users-get-users/limit-not-a-number)`, async () => {
    const t = await freshMock({ fixture: RECORDED });
    await expectAnswer(await get(t, '/cloud/users?limit=abc'), version, format, { code: 100, data: { users: [] } });
  });

  it(`${v} limit=-1 lists everyone, offset=-1 is Doctrine's uncaught error (users-get-users/limit-negative, users-get-users/offset-negative)`, async () => {
    const t = await freshMock({ fixture: RECORDED });
    await expectAnswer(await get(t, '/cloud/users?limit=-1'), version, format, { code: 100, data: { users: ['admin', 'alice', 'bob', 'carol', 'dave'] } }, 'users-get-users');
    expectFramework996(await get(t, '/cloud/users?offset=-1'), version, format);
    expectFramework996(await get(t, '/cloud/users/details?offset=-1'), version, format);
  });

  it(`${v} sub-admin with limit=0 -> no users (users-get-users/as-subadmin-limit-0)`, async () => {
    const t = await freshMock({ fixture: RECORDED });
    await expectAnswer(await get(t, '/cloud/users?limit=0', 'alice'), version, format, { code: 100, data: { users: [] } }, 'users-get-users');
  });
});

describe('display names that are not stored', () => {
  it('an account created without a display name pages first; given its own id it still has none; given a name it pages by it', async () => {
    const t = await freshMock();
    await createUser(t, { userid: 'pg_z', password: 'pg-secret-42' });
    await createUser(t, { userid: 'pg_a', password: 'pg-secret-42', displayName: 'Amy' });
    expect(await listed(t, '/cloud/users?search=pg_&limit=1')).toEqual({ users: ['pg_z'] });
    // User::setDisplayName ignores a name equal to the one shown (the id).
    await rename(t, 'pg_z', 'pg_z');
    expect(await listed(t, '/cloud/users?search=pg_&limit=1')).toEqual({ users: ['pg_z'] });
    await rename(t, 'pg_z', 'Zed');
    expect(await listed(t, '/cloud/users?search=pg_&limit=1')).toEqual({ users: ['pg_a'] });
  });
});

describe.each(VERSIONS)('sub-admin paging v%s', (version) => {
  /** group1 gets aaron "Zed Zimmer": id order aaron, alice, bob; display-name order alice, bob, aaron. */
  async function withAaron(): Promise<TestMock> {
    const t = await freshMock();
    await createUser(t, { userid: 'aaron', password: 'aaron-secret-42', displayName: 'Zed Zimmer', groups: ['group1'] });
    return t;
  }

  it(`v${version} a search with a limit walks the user search in display-name order and keeps it -> ["alice","bob","aaron"]`, async () => {
    const t = await withAaron();
    const res = await call(t, 'get', version, '/cloud/users?search=a&limit=10', { user: 'alice', format: 'json' });
    await expectAnswer(res, version, 'json', { code: 100, data: { users: ['alice', 'bob', 'aaron'] } }, 'users-get-users');
  });

  it(`v${version} a search without a limit finds nobody (displayNamesInGroup: null * 100 = 0 users per chunk)`, async () => {
    const t = await withAaron();
    const res = await call(t, 'get', version, '/cloud/users?search=a', { user: 'alice', format: 'json' });
    await expectAnswer(res, version, 'json', { code: 100, data: { users: [] } }, 'users-get-users');
  });

  it(`v${version} a search with an offset but no limit never ends on Nextcloud -> the mock answers 996`, async () => {
    const t = await withAaron();
    expectFramework996(await call(t, 'get', version, '/cloud/users?search=a&offset=1', { user: 'alice', format: 'json' }), version, 'json');
  });

  it(`v${version} without a search the group's members page by id (searchInGroup): limit=2&offset=1 -> ["alice","bob"]; offset=-1 -> 996`, async () => {
    const t = await withAaron();
    const res = await call(t, 'get', version, '/cloud/users?limit=2&offset=1', { user: 'alice', format: 'json' });
    await expectAnswer(res, version, 'json', { code: 100, data: { users: ['alice', 'bob'] } }, 'users-get-users');
    expectFramework996(await call(t, 'get', version, '/cloud/users?offset=-1', { user: 'alice', format: 'json' }), version, 'json');
  });

  it(`v${version} disabled users: each group's first limit+offset members are fetched, then the enabled ones dropped -> limit=1 finds nobody, no limit finds bob`, async () => {
    const t = await freshMock();
    expect((await call(t, 'put', 2, '/cloud/users/bob/disable', { format: 'json' })).status).toBe(200);
    const bob = { ...ACCOUNTS.bob, enabled: false };
    const limited = await call(t, 'get', version, '/cloud/users/disabled?limit=1', { user: 'alice', format: 'json' });
    await expectAnswer(limited, version, 'json', { code: 100, data: { users: [] } });
    const all = await call(t, 'get', version, '/cloud/users/disabled', { user: 'alice', format: 'json' });
    const subAdminView = { enabled: true, storageLocation: false, scopes: false };
    await expectAnswer(all, version, 'json', { code: 100, data: { users: { bob: userDetails('bob', subAdminView, bob) } } }, 'users-get-disabled-users-details');
  });
});

describe.each(MATRIX)('group member details paging v$version $format', ({ version, format }) => {
  /** group1 gets Zoe and adam: byte order Zoe, adam, alice, bob; case-insensitive adam, alice, bob, Zoe. */
  async function withZoeAndAdam(): Promise<TestMock> {
    const t = await freshMock();
    await createUser(t, { userid: 'Zoe', password: 'zoe-secret-42', email: 'zoe@example.org', groups: ['group1'] });
    await createUser(t, { userid: 'adam', password: 'adam-secret-42', email: 'adam@example.org', groups: ['group1'] });
    return t;
  }
  const zoe = createdAccount('Zoe', { email: 'zoe@example.org', groups: ['group1'] });
  const adam = createdAccount('adam', { email: 'adam@example.org', groups: ['group1'] });

  it(`v${version} ${format} a search matches e-mail addresses and pages by uid_lower (adam, Zoe); without one members page in byte order (ORDER BY g.uid: Zoe, adam)`, async () => {
    const t = await withZoeAndAdam();
    const searched = await call(t, 'get', version, '/cloud/groups/group1/users/details?search=example.org', { format });
    await expectAnswer(searched, version, format, { code: 100, data: detailsOf(['adam', adam], ['Zoe', zoe]) }, 'groups-get-group-users-details');
    const firstTwo = await call(t, 'get', version, '/cloud/groups/group1/users/details?limit=2', { format });
    await expectAnswer(firstTwo, version, format, { code: 100, data: detailsOf(['Zoe', zoe], ['adam', adam]) }, 'groups-get-group-users-details');
  });

  it(`v${version} ${format} offset=-1 -> Doctrine's uncaught error`, async () => {
    const t = await withZoeAndAdam();
    expectFramework996(await call(t, 'get', version, '/cloud/groups/group1/users/details?offset=-1', { format }), version, format);
  });
});

describe('recently logged-in users (30+)', () => {
  it('no limit or limit=0 gives 25, a larger limit at most 100 (Manager::getLastLoggedInUsers: min(100, $limit ?: 25))', async () => {
    const t = await freshMock({ users: 150, seed: 7, nextcloud: '30' });
    const everyone = [...t.mock.state.users.values()].filter((account) => account.lastLogin > 0).length;
    expect(everyone).toBeGreaterThan(100);
    const sizes = [];
    for (const path of ['/cloud/users/recent', '/cloud/users/recent?limit=0', '/cloud/users/recent?limit=500', '/cloud/users/recent?limit=30']) {
      sizes.push(Object.keys(((await listed(t, path)) as { users: Record<string, Php> }).users).length);
    }
    expect(sizes).toEqual([25, 25, 100, 30]);
  });

  it('last logins are ordered as text, the column being a string: 5 before 1796126400 before 100', async () => {
    const t = await freshMock({
      nextcloud: '30',
      fixture: {
        groups: [{ id: 'admin' }],
        users: [
          { id: 'admin', password: 'admin', groups: ['admin'], lastLogin: '2026-01-01T00:00:00Z' },
          { id: 'five', password: 'five-password', lastLogin: 5 },
          { id: 'hundred', password: 'hundred-password', lastLogin: 100 },
        ],
      },
    });
    // admin's own request logs it in at the test clock, 1796126400.
    expect(Object.keys(((await listed(t, '/cloud/users/recent')) as { users: Record<string, Php> }).users)).toEqual(['five', 'admin', 'hundred']);
  });
});
