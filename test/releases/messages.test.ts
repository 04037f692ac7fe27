import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OcsMock } from '../../src/mock.js';
import { freshMock, MATRIX, ocs, type Format, type TestMock, type Version } from '../support/mock.js';
import { expectOcs, type Expected } from '../support/operations.js';

/**
 * OCS codes and messages per release, one row per release at each boundary (DIFFERENCES.md §7;
 * UsersController, AppConfigController, AppsController, SecurityMiddleware,
 * NotSubAdminException and User\Manager::validateUserId of each release copy). 29's rows are the
 * recorded answers of Nextcloud 29.0.6 (ids in the row titles).
 */

type Method = 'get' | 'post' | 'put' | 'delete';

interface Row {
  title: string;
  release: string;
  as?: string;
  method: Method;
  path: string;
  /** Form-encoded body. */
  body?: string;
  expected: Expected;
  /** The state afterwards. */
  after?: (mock: OcsMock) => void;
}

const ADMIN_ONLY = { method: 'get', path: '/cloud/apps', as: 'bob' } as const;
const SUB_ADMIN_ONLY = { method: 'post', path: '/cloud/users', as: 'bob', body: 'userid=erin&password=erin-secret-42' } as const;
const CONFIG_SET = { method: 'post', path: '/apps/provisioning_api/api/v1/config/apps/core/some_key', as: 'bob', body: 'value=1' } as const;
const ADD = { method: 'post', path: '/cloud/users' } as const;
const PASSWORD = 'password=Temp-Secret-29%21';
const EDIT_BOB = { method: 'put', path: '/cloud/users/bob' } as const;
const POLICY_HINT = 'Password needs to be at least 10 characters long.';
const created = (id: string) => (mock: OcsMock) => expect(mock.state.users.has(id)).toBe(true);
const notCreated = (id: string) => (mock: OcsMock) => expect(mock.state.users.has(id)).toBe(false);

const ROWS: Row[] = [
  // Middleware (SecurityMiddleware S28 -> S29; recording apps-get-apps/as-user).
  { title: 'non-admin on an admin route', release: '28', ...ADMIN_ONLY, expected: { code: 403, message: 'Logged in user must be an admin' } },
  { title: 'non-admin on an admin route (apps-get-apps/as-user)', release: '29', ...ADMIN_ONLY, expected: { code: 403, message: 'Logged in account must be an admin' } },
  { title: 'plain user on a sub-admin route', release: '27', ...SUB_ADMIN_ONLY, expected: { code: 403, message: 'Logged in user must be at least a sub admin' } },
  { title: 'plain user on a sub-admin route', release: '28', ...SUB_ADMIN_ONLY, expected: { code: 403, message: 'Logged in user must be at least a sub admin' } },
  { title: 'plain user on a sub-admin route (users-add-user/as-user)', release: '29', ...SUB_ADMIN_ONLY, expected: { code: 403, message: 'Logged in account must be at least a sub admin' } },
  { title: 'plain user on a sub-admin route', release: '34', ...SUB_ADMIN_ONLY, expected: { code: 403, message: 'Logged in account must be at least a sub admin' } },
  // #[AuthorizedAdminSetting] without #[SubAdminRequired] (GroupsController::getGroupsDetails; SecurityMiddleware S28 -> S29):
  // sub-admins are refused like plain users (recordings groups-get-groups-details/as-subadmin.*, as-user.*).
  { title: 'sub-admin on an admin-setting route', release: '28', method: 'get', path: '/cloud/groups/details', as: 'alice', expected: { code: 403, message: 'Logged in user must be an admin, a sub admin or gotten special right to access this setting' } },
  { title: 'sub-admin on an admin-setting route (groups-get-groups-details/as-subadmin)', release: '29', method: 'get', path: '/cloud/groups/details', as: 'alice', expected: { code: 403, message: 'Logged in account must be an admin, a sub admin or gotten special right to access this setting' } },
  { title: 'plain user on an admin-setting route (groups-get-groups-details/as-user)', release: '29', method: 'get', path: '/cloud/groups/details', as: 'bob', expected: { code: 403, message: 'Logged in account must be an admin, a sub admin or gotten special right to access this setting' } },
  { title: 'sub-admin on an admin-setting route', release: '34', method: 'get', path: '/cloud/groups/details', as: 'alice', expected: { code: 403, message: 'Logged in account must be an admin, a sub admin or gotten special right to access this setting' } },
  // AppConfigController::setValue.
  { title: 'app config set without rights', release: '28', ...CONFIG_SET, expected: { code: 403, message: 'Logged in user must be an administrator or have authorization to edit this setting.' } },
  { title: 'app config set without rights', release: '29', ...CONFIG_SET, expected: { code: 403, message: 'Logged in account must be an administrator or have authorization to edit this setting.' } },

  // addUser.
  { title: 'add to a missing group', release: '28', ...ADD, body: `userid=erin&${PASSWORD}&groups[]=nosuchgroup`, expected: { code: 104, message: 'group nosuchgroup does not exist' }, after: notCreated('erin') },
  { title: 'add to a missing group (users-add-user/unknown-group)', release: '29', ...ADD, body: `userid=erin&${PASSWORD}&groups[]=nosuchgroup`, expected: { code: 104, message: 'Group nosuchgroup does not exist' } },
  { title: 'sub-admin adds to a group they do not manage', release: '28', ...ADD, as: 'alice', body: `userid=erin&${PASSWORD}&groups[]=group2`, expected: { code: 105, message: 'insufficient privileges for group group2' } },
  { title: 'sub-admin adds to a group they do not manage (users-add-user/as-subadmin-other-group)', release: '29', ...ADD, as: 'alice', body: `userid=erin&${PASSWORD}&groups[]=group2`, expected: { code: 105, message: 'Insufficient privileges for group group2' } },
  { title: 'sub-admin adds without a group', release: '28', ...ADD, as: 'alice', body: `userid=erin&${PASSWORD}`, expected: { code: 106, message: 'no group specified (required for subadmins)' } },
  { title: 'sub-admin adds without a group (users-add-user/as-subadmin-no-group)', release: '29', ...ADD, as: 'alice', body: `userid=erin&${PASSWORD}`, expected: { code: 106, message: 'No group specified (required for sub-admins)' } },
  { title: 'sub-admin group missing', release: '28', ...ADD, body: `userid=erin&${PASSWORD}&subadmin[]=nosuchgroup`, expected: { code: 102, message: 'Subadmin group does not exist' } },
  { title: 'sub-admin group missing (users-add-user/unknown-subadmin-group)', release: '29', ...ADD, body: `userid=erin&${PASSWORD}&subadmin[]=nosuchgroup`, expected: { code: 102, message: 'Sub-admin group does not exist' } },
  { title: 'sub-admin group missing', release: '30', ...ADD, body: `userid=erin&${PASSWORD}&subadmin[]=nosuchgroup`, expected: { code: 109, message: 'Sub-admin group does not exist' }, after: notCreated('erin') },
  { title: 'sub-admin of the admin group', release: '28', ...ADD, body: `userid=erin&${PASSWORD}&subadmin[]=admin`, expected: { code: 103, message: 'Cannot create subadmins for admin group' } },
  { title: 'sub-admin of the admin group (users-add-user/subadmin-admin-group)', release: '29', ...ADD, body: `userid=erin&${PASSWORD}&subadmin[]=admin`, expected: { code: 103, message: 'Cannot create sub-admins for admin group' } },
  { title: 'sub-admin promotes to a group they do not manage', release: '28', ...ADD, as: 'alice', body: `userid=erin&${PASSWORD}&groups[]=group1&subadmin[]=group2`, expected: { code: 403, message: 'No permissions to promote subadmins' } },
  { title: 'sub-admin promotes to a group they do not manage (users-add-user/as-subadmin-promote-other)', release: '29', ...ADD, as: 'alice', body: `userid=erin&${PASSWORD}&groups[]=group1&subadmin[]=group2`, expected: { code: 403, message: 'No permissions to promote sub-admins' } },
  { title: 'no password and no e-mail (users-add-user/no-password-no-email)', release: '29', ...ADD, body: 'userid=erin', expected: { code: 108, message: 'To send a password link to the user an email address is required.' } },
  { title: 'no password and no e-mail', release: '30', ...ADD, body: 'userid=erin', expected: { code: 108, message: 'An email address is required, to send a password link to the user.' } },
  // addUser runs editUser for quota and language after creating the account, which stays.
  { title: 'invalid quota: account created', release: '28', ...ADD, body: `userid=erin&${PASSWORD}&quota=lots`, expected: { code: 102, message: 'Invalid quota value lots' }, after: created('erin') },
  { title: 'invalid quota: account created (users-add-user/invalid-quota, users-get-users/after-failed-creates)', release: '29', ...ADD, body: `userid=erin&${PASSWORD}&quota=lots`, expected: { code: 102, message: 'Invalid quota value: lots' }, after: created('erin') },
  { title: 'invalid quota: account created', release: '30', ...ADD, body: `userid=erin&${PASSWORD}&quota=lots`, expected: { code: 101, message: 'Invalid quota value: lots' }, after: created('erin') },
  { title: 'invalid language: account created (users-add-user/invalid-language)', release: '29', ...ADD, body: `userid=erin&${PASSWORD}&language=xx`, expected: { code: 102, message: 'Invalid language' }, after: created('erin') },
  { title: 'invalid language: account created', release: '30', ...ADD, body: `userid=erin&${PASSWORD}&language=xx`, expected: { code: 101, message: 'Invalid language' }, after: created('erin') },
  // User\Manager::validateUserId.
  { title: 'user id with a character not allowed', release: '28', ...ADD, body: `userid=er%23in&${PASSWORD}`, expected: { code: 101, message: 'Only the following characters are allowed in a username: "a-z", "A-Z", "0-9", spaces and "_.@-\'"' } },
  { title: 'user id with a character not allowed (users-add-user/invalid-chars)', release: '29', ...ADD, body: `userid=er%23in&${PASSWORD}`, expected: { code: 101, message: 'Only the following characters are allowed in an Login: "a-z", "A-Z", "0-9", spaces and "_.@-\'"' } },
  { title: 'empty user id', release: '28', ...ADD, body: `userid=&${PASSWORD}`, expected: { code: 101, message: 'A valid username must be provided' } },
  { title: 'empty user id (users-add-user/empty-userid)', release: '29', ...ADD, body: `userid=&${PASSWORD}`, expected: { code: 101, message: 'A valid Login must be provided' } },
  { title: 'user id with a leading space', release: '28', ...ADD, body: `userid=%20erin&${PASSWORD}`, expected: { code: 101, message: 'Username contains whitespace at the beginning or at the end' } },
  { title: 'user id of dots only', release: '28', ...ADD, body: `userid=..&${PASSWORD}`, expected: { code: 101, message: 'Username must not consist of dots only' } },
  { title: 'user id of dots only (users-add-user/dots-only)', release: '29', ...ADD, body: `userid=..&${PASSWORD}`, expected: { code: 101, message: 'Login must not consist of dots only' } },
  { title: 'user id of 65 characters: created (users-add-user/id-too-long)', release: '29', ...ADD, body: `userid=${'u'.repeat(65)}&${PASSWORD}`, expected: { code: 200, data: { id: 'u'.repeat(65) } }, after: created('u'.repeat(65)) },
  { title: 'user id of 65 characters: created', release: '31.0.2', ...ADD, body: `userid=${'u'.repeat(65)}&${PASSWORD}`, expected: { code: 200, data: { id: 'u'.repeat(65) } } },
  { title: 'user id of 65 characters', release: '31.0.6', ...ADD, body: `userid=${'u'.repeat(65)}&${PASSWORD}`, expected: { code: 101, message: 'Login is too long' }, after: notCreated('u'.repeat(65)) },
  { title: 'user id of 65 characters', release: '33', ...ADD, body: `userid=${'u'.repeat(65)}&${PASSWORD}`, expected: { code: 101, message: 'Login is too long' } },
  { title: 'user id of 65 characters', release: '34', ...ADD, body: `userid=${'u'.repeat(65)}&${PASSWORD}`, expected: { code: 101, message: 'Username is too long' } },

  // editUser.
  { title: 'plain user edits their own quota (users-edit-user/as-user-self-quota)', release: '29', ...EDIT_BOB, as: 'bob', body: 'key=quota&value=1%20GB', expected: { code: 103, message: '' } },
  { title: 'plain user edits their own quota', release: '30', ...EDIT_BOB, as: 'bob', body: 'key=quota&value=1%20GB', expected: { code: 113, message: '' } },
  { title: 'unknown key (users-edit-user/unknown-key)', release: '29', ...EDIT_BOB, body: 'key=nosuchkey&value=x', expected: { code: 103, message: '' } },
  { title: 'unknown key', release: '34', ...EDIT_BOB, body: 'key=nosuchkey&value=x', expected: { code: 113, message: '' } },
  { title: 'invalid quota', release: '27', ...EDIT_BOB, body: 'key=quota&value=lots', expected: { code: 102, message: 'Invalid quota value lots' } },
  { title: 'invalid quota', release: '28', ...EDIT_BOB, body: 'key=quota&value=lots', expected: { code: 102, message: 'Invalid quota value lots' } },
  { title: 'invalid quota (users-edit-user/quota-invalid)', release: '29', ...EDIT_BOB, body: 'key=quota&value=lots', expected: { code: 102, message: 'Invalid quota value: lots' } },
  { title: 'invalid quota', release: '30', ...EDIT_BOB, body: 'key=quota&value=lots', expected: { code: 101, message: 'Invalid quota value: lots' } },
  { title: 'password too long (users-edit-user/as-subadmin-password-too-long)', release: '29', ...EDIT_BOB, body: `key=password&value=${'p'.repeat(470)}`, expected: { code: 102, message: 'Invalid password value' } },
  { title: 'password too long', release: '30', ...EDIT_BOB, body: `key=password&value=${'p'.repeat(470)}`, expected: { code: 101, message: 'Invalid password value' } },
  { title: 'password refused by the policy', release: '29', ...EDIT_BOB, body: 'key=password&value=Xq7%23k', expected: { code: 103, message: POLICY_HINT } },
  { title: 'password refused by the policy', release: '30', ...EDIT_BOB, body: 'key=password&value=Xq7%23k', expected: { code: 107, message: POLICY_HINT } },
  { title: 'invalid language (users-edit-user/language-invalid)', release: '29', ...EDIT_BOB, body: 'key=language&value=xx', expected: { code: 102, message: 'Invalid language' } },
  { title: 'invalid language', release: '30', ...EDIT_BOB, body: 'key=language&value=xx', expected: { code: 101, message: 'Invalid language' } },
  { title: 'invalid locale (users-edit-user/locale-invalid)', release: '29', ...EDIT_BOB, body: 'key=locale&value=xx_XX', expected: { code: 102, message: 'Invalid locale' } },
  { title: 'invalid locale', release: '30', ...EDIT_BOB, body: 'key=locale&value=xx_XX', expected: { code: 101, message: 'Invalid locale' } },
  { title: 'invalid e-mail (users-edit-user/email-invalid)', release: '29', ...EDIT_BOB, body: 'key=email&value=not-an-email', expected: { code: 102, message: '' } },
  { title: 'invalid e-mail', release: '30', ...EDIT_BOB, body: 'key=email&value=not-an-email', expected: { code: 101, message: '' } },
  { title: 'invalid scope (users-edit-user/as-user-self-scope-invalid)', release: '29', ...EDIT_BOB, as: 'bob', body: 'key=phoneScope&value=bogus', expected: { code: 102, message: 'Invalid Invalid scope' } },
  { title: 'invalid scope', release: '30', ...EDIT_BOB, as: 'bob', body: 'key=phoneScope&value=bogus', expected: { code: 101, message: 'Invalid Invalid scope' } },

  // Sub-admins and memberships.
  { title: 'add sub-admin for the admin group', release: '28', method: 'post', path: '/cloud/users/bob/subadmins', body: 'groupid=admin', expected: { code: 103, message: 'Cannot create subadmins for admin group' } },
  { title: 'add sub-admin for the admin group (users-add-sub-admin/admin-group)', release: '29', method: 'post', path: '/cloud/users/bob/subadmins', body: 'groupid=admin', expected: { code: 103, message: 'Cannot create sub-admins for admin group' } },
  { title: 'remove a sub-admin who is none', release: '28', method: 'delete', path: '/cloud/users/bob/subadmins?groupid=group1', expected: { code: 102, message: 'User is not a subadmin of this group' } },
  { title: 'remove a sub-admin who is none', release: '29', method: 'delete', path: '/cloud/users/bob/subadmins?groupid=group1', expected: { code: 102, message: 'User is not a sub-admin of this group' } },
  { title: 'sub-admin removes themself from their group', release: '28', as: 'alice', method: 'delete', path: '/cloud/users/alice/groups?groupid=group1', expected: { code: 105, message: 'Cannot remove yourself from this group as you are a SubAdmin' } },
  { title: 'sub-admin removes themself from their group (users-remove-from-group/as-subadmin-self)', release: '29', as: 'alice', method: 'delete', path: '/cloud/users/alice/groups?groupid=group1', expected: { code: 105, message: 'Cannot remove yourself from this group as you are a sub-admin' } },
  { title: 'sub-admin removes a user from the last group they manage', release: '28', as: 'alice', method: 'delete', path: '/cloud/users/bob/groups?groupid=group1', expected: { code: 105, message: 'Not viable to remove user from the last group you are SubAdmin of' } },
  { title: 'sub-admin removes a user from the last group they manage (users-remove-from-group/as-subadmin-last-group)', release: '29', as: 'alice', method: 'delete', path: '/cloud/users/bob/groups?groupid=group1', expected: { code: 105, message: 'Not viable to remove user from the last group you are sub-admin of' } },

  // AppsController::getApps.
  { title: 'apps with an unknown filter (apps-get-apps/bad-filter)', release: '29', method: 'get', path: '/cloud/apps?filter=nonsense', expected: { code: 101, message: '' } },
  { title: 'apps with an unknown filter', release: '33', method: 'get', path: '/cloud/apps?filter=nonsense', expected: { code: 101, message: '' } },
  { title: 'apps with an unknown filter', release: '34', method: 'get', path: '/cloud/apps?filter=nonsense', expected: { code: 101, message: 'Invalid filter' } },
];

function send(t: TestMock, row: Row, version: Version, format: Format) {
  const req = ocs(t.app, row.method, version, row.path, { user: row.as ?? 'admin', format });
  return row.body === undefined ? req : req.type('form').send(row.body);
}

describe.each(ROWS)('$release: $title', (row) => {
  let t: TestMock;
  beforeAll(async () => {
    t = await freshMock({ nextcloud: row.release });
  });
  beforeEach(() => t.mock.reset());

  it.each(MATRIX)(`v$version $format -> ${row.expected.code} ${JSON.stringify(row.expected.message ?? 'OK')}`, async ({ version, format }) => {
    const res = await send(t, row, version, format);
    await expectOcs(res, version, format, row.expected);
    row.after?.(t.mock);
  });
});
