import { describe, expect, it } from 'vitest';
import { DEFAULT_FIXTURE, loadFixtureFile, type Fixture } from '../../src/state/fixtureFile.js';
import { freshMock, MATRIX, type TestMock } from '../support/mock.js';
import type { Php } from '../support/operations.js';
import { ACCOUNTS, ADMIN_VIEW, afterLogin, createdAccount, userDetails, type Account, type View } from '../support/operationsUsers.js';
import { answersFor, call, user } from '../support/usersApi.js';

/**
 * Who sees which accounts in the list endpoints, per release (DIFFERENCES.md §4, §5, §8, §11; the
 * release sources named there). Each behaviour is tested on the last release before its change
 * and the first one we have after it.
 */

const SUB_ADMIN_VIEW: View = { enabled: true, storageLocation: false, scopes: false };
const SELF_VIEW: View = { enabled: false, storageLocation: false, scopes: true };
const NOT_SUBADMIN = 'Logged in account must be at least a sub admin';

async function ok(t: TestMock, method: 'put' | 'post', path: string, body: Record<string, unknown>) {
  const res = await call(t, method, 2, path, { body, format: 'json' });
  expect(res.status, res.text).toBe(200);
}

const disable = (t: TestMock, uid: string) => ok(t, 'put', `/cloud/users/${uid}/disable`, {});

function detailsOf(release: string, view: View, ...accounts: Account[]): Php {
  return { users: Object.fromEntries(accounts.map((account) => [account.id, userDetails(account.id, view, account, release)])) };
}

const bobDisabled: Account = { ...ACCOUNTS.bob, enabled: false };

describe.each(MATRIX)('/users/disabled as a sub-admin v$version $format', ({ version, format }) => {
  const disabled = (t: TestMock, path: string) => call(t, 'get', version, path, { user: 'alice', format });

  // UsersController::getDisabledUsersDetails filters with `fn => $user->isEnabled()` in 28.0.2, `!$user->isEnabled()` in 29.0.1.
  it(`v${version} ${format} 28.0.2 lists the ENABLED members of the groups it administers (alice herself, bob being disabled); 29.0.1 the disabled ones (bob)`, async () => {
    const old = await freshMock({ nextcloud: '28' });
    await disable(old, 'bob');
    const data28 = detailsOf('28.0.2', SUB_ADMIN_VIEW, afterLogin(ACCOUNTS.alice));
    await answersFor('28.0.2').expectAnswer(await disabled(old, '/cloud/users/disabled'), version, format, { code: 100, data: data28 }, 'users-get-disabled-users-details');

    const fixed = await freshMock({ nextcloud: '29.0.1' });
    await disable(fixed, 'bob');
    const data29 = detailsOf('29.0.1', SUB_ADMIN_VIEW, bobDisabled);
    await answersFor('29.0.1').expectAnswer(await disabled(fixed, '/cloud/users/disabled'), version, format, { code: 100, data: data29 }, 'users-get-disabled-users-details');
  });

  // Up to 29 each group's first `limit + offset` members are fetched before the filter; 30 searches each group whole.
  it(`v${version} ${format} limit=1: 29.0.6 fetches alice only, who is enabled -> nobody; 30.0.5 searches group1 whole -> bob`, async () => {
    const old = await freshMock({ nextcloud: '29.0.6' });
    await disable(old, 'bob');
    await answersFor('29.0.6').expectAnswer(await disabled(old, '/cloud/users/disabled?limit=1'), version, format, { code: 100, data: { users: [] } });

    const t = await freshMock({ nextcloud: '30' });
    await disable(t, 'bob');
    const data = detailsOf('30.0.5', SUB_ADMIN_VIEW, bobDisabled);
    await answersFor('30.0.5').expectAnswer(await disabled(t, '/cloud/users/disabled?limit=1'), version, format, { code: 100, data }, 'users-get-disabled-users-details');
  });

  /** alice administers group1 and group2; bob (in both) and carol (group2) are disabled. */
  async function twoGroups(release: string): Promise<TestMock> {
    const t = await freshMock({ nextcloud: release });
    await ok(t, 'post', '/cloud/users/alice/subadmins', { groupid: 'group2' });
    await disable(t, 'bob');
    return t;
  }

  it(`v${version} ${format} limit=2: 29.0.6 counts bob twice (group1, then group2) and stops -> bob only; 30.0.5 drops the duplicate (array_unique) -> bob and carol, and offset=1&limit=1 -> carol`, async () => {
    const old = await twoGroups('29.0.6');
    const data = detailsOf('29.0.6', SUB_ADMIN_VIEW, bobDisabled);
    await answersFor('29.0.6').expectAnswer(await disabled(old, '/cloud/users/disabled?limit=2'), version, format, { code: 100, data }, 'users-get-disabled-users-details');

    const t = await twoGroups('30');
    const { expectAnswer } = answersFor('30.0.5');
    const both = detailsOf('30.0.5', SUB_ADMIN_VIEW, bobDisabled, ACCOUNTS.carol);
    await expectAnswer(await disabled(t, '/cloud/users/disabled?limit=2'), version, format, { code: 100, data: both }, 'users-get-disabled-users-details');
    const second = detailsOf('30.0.5', SUB_ADMIN_VIEW, ACCOUNTS.carol);
    await expectAnswer(await disabled(t, '/cloud/users/disabled?offset=1&limit=1'), version, format, { code: 100, data: second }, 'users-get-disabled-users-details');
  });
});

describe.each(MATRIX)('/users/disabled search v$version $format', ({ version, format }) => {
  // The `search` parameter came between 29.0.1 and 29.0.5 (UsersController::getDisabledUsersDetails, §4).
  it(`v${version} ${format} search=nobody: 29.0.1 ignores it -> carol; 29.0.6 -> no one`, async () => {
    const old = await freshMock({ nextcloud: '29.0.1' });
    const before = await call(old, 'get', version, '/cloud/users/disabled?search=nobody', { format });
    await answersFor('29.0.1').expectAnswer(before, version, format, { code: 100, data: detailsOf('29.0.1', ADMIN_VIEW, ACCOUNTS.carol) }, 'users-get-disabled-users-details');

    const t = await freshMock({ nextcloud: '29.0.6' });
    const res = await call(t, 'get', version, '/cloud/users/disabled?search=nobody', { format });
    await answersFor('29.0.6').expectAnswer(res, version, format, { code: 100, data: { users: [] } });
  });
});

describe.each(MATRIX)('GET /cloud/groups/{g}/users by members v$version $format', ({ version, format }) => {
  // GroupsController::getGroupUsers gained @NoSubAdminRequired and an isInGroup check in 32 (§8).
  it(`v${version} ${format} bob, a plain member of group1: 31.0.11 -> 403 '${NOT_SUBADMIN}' (provisioning middleware); 32.0.2 -> its members, while dave, no member, gets 403 "" and the deprecated /cloud/groups/group1 keeps the sub-admin check`, async () => {
    const old = await freshMock({ nextcloud: '31' });
    const before = await call(old, 'get', version, '/cloud/groups/group1/users', { user: 'bob', format });
    await answersFor('31.0.11').expectAnswer(before, version, format, { code: 403, message: NOT_SUBADMIN });

    const t = await freshMock({ nextcloud: '32' });
    const { expectAnswer } = answersFor('32.0.2');
    const member = await call(t, 'get', version, '/cloud/groups/group1/users', { user: 'bob', format });
    await expectAnswer(member, version, format, { code: 100, data: { users: ['alice', 'bob'] } }, 'groups-get-group-users');
    const stranger = await call(t, 'get', version, '/cloud/groups/group1/users', { user: 'dave', format });
    await expectAnswer(stranger, version, format, { code: 403, message: '' });
    const deprecated = await call(t, 'get', version, '/cloud/groups/group1', { user: 'bob', format });
    await expectAnswer(deprecated, version, format, { code: 403, message: NOT_SUBADMIN });
  });

  it(`v${version} ${format} 32.0.2: an unknown group -> 404 for a plain user too (the controller answers, not the middleware)`, async () => {
    const t = await freshMock({ nextcloud: '32' });
    const { expectAnswer } = answersFor('32.0.2');
    const res = await call(t, 'get', version, '/cloud/groups/nogroup/users', { user: 'dave', format });
    await expectAnswer(res, version, format, { code: 404, message: 'The requested group could not be found' });
  });
});

describe.each(MATRIX)('UserDetails manager v$version $format', ({ version, format }) => {
  /** bob's manager is carol, whom alice (sub-admin of group1) cannot access. */
  async function managedBob(release: string): Promise<TestMock> {
    const t = await freshMock({ nextcloud: release });
    await ok(t, 'put', '/cloud/users/bob', { key: 'manager', value: 'carol' });
    expect(user(t, 'bob').managers).toEqual(['carol']);
    return t;
  }
  const withManager = (details: { [key: string]: Php }, manager: string) => ({ ...details, manager });

  // AUserData::getManagers (30): admins see all, sub-admins the managers they can access, others none.
  it(`v${version} ${format} 29.0.6 shows the stored manager to the sub-admin alice and to bob himself; 30.0.5 hides carol from both while the admin, and alice once she administers group2, see her`, async () => {
    const old = await managedBob('29.0.6');
    const before = answersFor('29.0.6');
    const aliceBefore = await call(old, 'get', version, '/cloud/users/bob', { user: 'alice', format });
    await before.expectAnswer(aliceBefore, version, format, { code: 100, data: withManager(userDetails('bob', SUB_ADMIN_VIEW, ACCOUNTS.bob, '29.0.6'), 'carol') }, 'users-get-user');
    const selfBefore = await call(old, 'get', version, '/cloud/user', { user: 'bob', format });
    await before.expectAnswer(selfBefore, version, format, { code: 100, data: withManager(userDetails('bob', SELF_VIEW, afterLogin(ACCOUNTS.bob), '29.0.6'), 'carol') }, 'users-get-current-user');

    const t = await managedBob('30');
    const { expectAnswer } = answersFor('30.0.5');
    const asAlice = await call(t, 'get', version, '/cloud/users/bob', { user: 'alice', format });
    await expectAnswer(asAlice, version, format, { code: 100, data: userDetails('bob', SUB_ADMIN_VIEW, ACCOUNTS.bob, '30.0.5') }, 'users-get-user');
    const self = await call(t, 'get', version, '/cloud/user', { user: 'bob', format });
    await expectAnswer(self, version, format, { code: 100, data: userDetails('bob', SELF_VIEW, afterLogin(ACCOUNTS.bob), '30.0.5') }, 'users-get-current-user');
    // bob's own request above was a login at the test clock.
    const asAdmin = await call(t, 'get', version, '/cloud/users/bob', { format });
    await expectAnswer(asAdmin, version, format, { code: 100, data: withManager(userDetails('bob', ADMIN_VIEW, afterLogin(ACCOUNTS.bob), '30.0.5'), 'carol') }, 'users-get-user');
    // Once alice administers group2 she can access carol, and sees her.
    await ok(t, 'post', '/cloud/users/alice/subadmins', { groupid: 'group2' });
    const accessible = await call(t, 'get', version, '/cloud/users/bob', { user: 'alice', format });
    await expectAnswer(accessible, version, format, { code: 100, data: withManager(userDetails('bob', SUB_ADMIN_VIEW, afterLogin(ACCOUNTS.bob), '30.0.5'), 'carol') }, 'users-get-user');
  });
});

describe.each(MATRIX)('UserDetails additional_mail v$version $format', ({ version, format }) => {
  /** The default fixture with a mixed-case additional address for bob. */
  function fixture(): Fixture {
    const base = loadFixtureFile(DEFAULT_FIXTURE);
    return { ...base, users: base.users.map((entry) => (entry.id === 'bob' ? { ...entry, additionalMail: ['Bob.Second@Example.COM'] } : entry)) };
  }
  const withMail = (details: { [key: string]: Php }, mail: string) => ({ ...details, additional_mail: [mail] });

  // AUserDataOCSController::getUserData: mb_strtolower(trim($property->getValue())) from 31.0.11.
  it(`v${version} ${format} 31.0.6 prints it as stored; 31.0.11 lower-cased, the stored value unchanged`, async () => {
    const old = await freshMock({ nextcloud: '31.0.6', fixture: fixture() });
    const before = await call(old, 'get', version, '/cloud/users/bob', { format });
    await answersFor('31.0.6').expectAnswer(before, version, format, { code: 100, data: withMail(userDetails('bob', ADMIN_VIEW, ACCOUNTS.bob, '31.0.6'), 'Bob.Second@Example.COM') }, 'users-get-user');

    const t = await freshMock({ nextcloud: '31.0.11', fixture: fixture() });
    const { expectAnswer } = answersFor('31.0.11');
    const res = await call(t, 'get', version, '/cloud/users/bob', { format });
    await expectAnswer(res, version, format, { code: 100, data: withMail(userDetails('bob', ADMIN_VIEW, ACCOUNTS.bob, '31.0.11'), 'bob.second@example.com') }, 'users-get-user');
    expect(user(t, 'bob').additionalMail.map((mail) => mail.address)).toEqual(['Bob.Second@Example.COM']);
  });
});

describe.each(MATRIX)('group member search order v$version $format', ({ version, format }) => {
  /** group1 gets Zoe and adam: uid_lower order adam, Zoe; byte order (g.uid) Zoe, adam. */
  async function withZoeAndAdam(release: string): Promise<TestMock> {
    const t = await freshMock({ nextcloud: release });
    await ok(t, 'post', '/cloud/users', { userid: 'Zoe', password: 'zoe-secret-42', email: 'zoe@example.org', groups: ['group1'] });
    await ok(t, 'post', '/cloud/users', { userid: 'adam', password: 'adam-secret-42', email: 'adam@example.org', groups: ['group1'] });
    return t;
  }
  const zoe = createdAccount('Zoe', { email: 'zoe@example.org', groups: ['group1'] });
  const adam = createdAccount('adam', { email: 'adam@example.org', groups: ['group1'] });

  // Group\Database::searchInGroup: ORDER BY u.uid_lower in 31.0.6, ORDER BY g.uid (accounts_data join) in 31.0.11.
  it(`v${version} ${format} search=example.org: 31.0.6 -> adam, Zoe; 31.0.11 -> Zoe, adam`, async () => {
    const old = await withZoeAndAdam('31.0.6');
    const before = await call(old, 'get', version, '/cloud/groups/group1/users/details?search=example.org', { format });
    await answersFor('31.0.6').expectAnswer(before, version, format, { code: 100, data: detailsOf('31.0.6', ADMIN_VIEW, adam, zoe) }, 'groups-get-group-users-details');

    const t = await withZoeAndAdam('31.0.11');
    const { expectAnswer } = answersFor('31.0.11');
    const res = await call(t, 'get', version, '/cloud/groups/group1/users/details?search=example.org', { format });
    await expectAnswer(res, version, format, { code: 100, data: detailsOf('31.0.11', ADMIN_VIEW, zoe, adam) }, 'groups-get-group-users-details');
  });
});

describe.each(MATRIX)('GET /cloud/users/bob/groups as a sub-admin v$version $format', ({ version, format }) => {
  // UsersController::getUsersGroups: array_intersect() keeps the keys of SubAdmin::getSubAdminsGroups
  // (group ids) up to 30 (S30), array_values() from 31.0.2 (S31a).
  for (const release of ['29.0.6', '30.0.5']) {
    it(`v${version} ${format} ${release} -> the shared groups keyed by id, {"group1":"group1"} / <group1> (users-get-users-groups/as-subadmin-accessible)`, async () => {
      const t = await freshMock({ nextcloud: release });
      const res = await call(t, 'get', version, '/cloud/users/bob/groups', { user: 'alice', format });
      await answersFor(release).expectAnswer(res, version, format, { code: 100, data: { groups: { group1: 'group1' } } });
      if (format === 'json') expect(res.text).toContain('"groups":{"group1":"group1"}');
    });
  }

  it(`v${version} ${format} 31.0.2 -> the shared groups as a list`, async () => {
    const t = await freshMock({ nextcloud: '31.0.2' });
    const res = await call(t, 'get', version, '/cloud/users/bob/groups', { user: 'alice', format });
    await answersFor('31.0.2').expectAnswer(res, version, format, { code: 100, data: { groups: ['group1'] } }, 'users-get-users-groups');
  });
});
