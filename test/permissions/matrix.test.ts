import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { createMock, type OcsMock } from '../../src/mock.js';
import type { RequestHandler } from '../../src/http/app.js';
import { controllerMeta, httpStatusFor } from '../support/oracle.js';

/**
 * Who may do what, as Nextcloud decides it. Target user: tina (member of "team"); sam is a
 * sub-admin of team, olga a sub-admin of "other", paul a plain user, admin an admin.
 */
const FIXTURE = fileURLToPath(new URL('../fixtures/permissions.json', import.meta.url));
const PASSWORDS: Record<string, string> = { admin: 'admin', sam: 'sam-pw', olga: 'olga-pw', paul: 'paul-pw', tina: 'tina-pw' };
const ROLES = {
  admin: 'admin',
  subAdminOfTarget: 'sam',
  subAdminOfOther: 'olga',
  plainUser: 'paul',
  self: 'tina',
  anonymous: null,
} as const;
type Role = keyof typeof ROLES;

type Expected = 'ok' | readonly [statuscode: number, message: string];
const NOT_LOGGED_IN: Expected = [997, 'Current user is not logged in'];
const NOT_ADMIN: Expected = [403, 'Logged in account must be an admin'];
const NOT_SUBADMIN: Expected = [403, 'Logged in account must be at least a sub admin'];
/** SecurityMiddleware on #[AuthorizedAdminSetting] without #[SubAdminRequired]: sub-admins are refused too. */
const NOT_SETTING_ADMIN: Expected = [403, 'Logged in account must be an admin, a sub admin or gotten special right to access this setting'];
const HIDDEN: Expected = [998, ''];

interface Case {
  name: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  body?: Record<string, unknown>;
  expect: Record<Role, Expected>;
}

const adminOnly = { admin: 'ok', subAdminOfTarget: NOT_ADMIN, subAdminOfOther: NOT_ADMIN, plainUser: NOT_ADMIN, self: NOT_ADMIN, anonymous: NOT_LOGGED_IN } as const;
const settingAdmin = { admin: 'ok', subAdminOfTarget: NOT_SETTING_ADMIN, subAdminOfOther: NOT_SETTING_ADMIN, plainUser: NOT_SETTING_ADMIN, self: NOT_SETTING_ADMIN, anonymous: NOT_LOGGED_IN } as const;
const anySubAdmin = { admin: 'ok', subAdminOfTarget: 'ok', subAdminOfOther: 'ok', plainUser: NOT_SUBADMIN, self: NOT_SUBADMIN, anonymous: NOT_LOGGED_IN } as const;
const managesTarget = { admin: 'ok', subAdminOfTarget: 'ok', subAdminOfOther: HIDDEN, plainUser: NOT_SUBADMIN, self: NOT_SUBADMIN, anonymous: NOT_LOGGED_IN } as const;
const selfOrManager = { admin: 'ok', subAdminOfTarget: 'ok', subAdminOfOther: HIDDEN, plainUser: HIDDEN, self: 'ok', anonymous: NOT_LOGGED_IN } as const;
const selfOrAdmin = { admin: 'ok', subAdminOfTarget: HIDDEN, subAdminOfOther: HIDDEN, plainUser: HIDDEN, self: 'ok', anonymous: NOT_LOGGED_IN } as const;
const everyone = { admin: 'ok', subAdminOfTarget: 'ok', subAdminOfOther: 'ok', plainUser: 'ok', self: 'ok', anonymous: NOT_LOGGED_IN } as const;
const groupManager = { admin: 'ok', subAdminOfTarget: 'ok', subAdminOfOther: [403, ''], plainUser: NOT_SUBADMIN, self: NOT_SUBADMIN, anonymous: NOT_LOGGED_IN } as const;

const CASES: Case[] = [
  { name: 'list users', method: 'get', path: '/cloud/users', expect: anySubAdmin },
  { name: 'list user details', method: 'get', path: '/cloud/users/details', expect: anySubAdmin },
  { name: 'list disabled users', method: 'get', path: '/cloud/users/disabled', expect: anySubAdmin },
  { name: 'recent users', method: 'get', path: '/cloud/users/recent', expect: adminOnly },
  {
    name: 'create a user in team',
    method: 'post',
    path: '/cloud/users',
    body: { userid: 'newbie', password: 'a-long-password', groups: ['team'] },
    expect: { ...anySubAdmin, subAdminOfOther: [105, 'Insufficient privileges for group team'] },
  },
  { name: 'get user', method: 'get', path: '/cloud/users/tina', expect: selfOrManager },
  { name: 'get current user', method: 'get', path: '/cloud/user', expect: everyone },
  { name: 'editable fields', method: 'get', path: '/cloud/user/fields', expect: everyone },
  { name: 'editable fields of user', method: 'get', path: '/cloud/user/fields/tina', expect: selfOrManager },
  { name: 'enabled apps', method: 'get', path: '/cloud/user/apps', expect: everyone },
  { name: 'edit display name', method: 'put', path: '/cloud/users/tina', body: { key: 'displayname', value: 'T' }, expect: selfOrManager },
  {
    name: 'edit quota',
    method: 'put',
    path: '/cloud/users/tina',
    body: { key: 'quota', value: '1 GB' },
    expect: { ...selfOrManager, self: [113, ''] },
  },
  {
    name: 'edit phone scope',
    method: 'put',
    path: '/cloud/users/tina',
    body: { key: 'phoneScope', value: 'v2-private' },
    // Scopes are the user's own business: for anyone else the key is simply not editable.
    expect: { ...selfOrManager, admin: [113, ''], subAdminOfTarget: [113, ''] },
  },
  {
    name: 'add additional mail',
    method: 'put',
    path: '/cloud/users/tina/additional_mail',
    body: { key: '', value: 'tina.extra@example.com' },
    expect: selfOrManager,
  },
  { name: 'wipe devices', method: 'post', path: '/cloud/users/tina/wipe', expect: managesTarget },
  { name: 'resend welcome', method: 'post', path: '/cloud/users/tina/welcome', expect: managesTarget },
  { name: 'disable user', method: 'put', path: '/cloud/users/tina/disable', expect: managesTarget },
  { name: 'enable user', method: 'put', path: '/cloud/users/tina/enable', expect: managesTarget },
  { name: 'delete user', method: 'delete', path: '/cloud/users/tina', expect: managesTarget },
  { name: "user's groups", method: 'get', path: '/cloud/users/tina/groups', expect: selfOrManager },
  { name: "user's groups with details", method: 'get', path: '/cloud/users/tina/groups/details', expect: selfOrManager },
  {
    name: 'add user to team',
    method: 'post',
    path: '/cloud/users/tina/groups',
    body: { groupid: 'team' },
    expect: { ...managesTarget, subAdminOfOther: [104, ''] },
  },
  {
    name: 'remove user from team',
    method: 'delete',
    path: '/cloud/users/tina/groups',
    body: { groupid: 'team' },
    expect: {
      ...managesTarget,
      subAdminOfTarget: [105, 'Not viable to remove user from the last group you are sub-admin of'],
      subAdminOfOther: [104, ''],
    },
  },
  { name: "user's sub-admin groups", method: 'get', path: '/cloud/users/tina/subadmins', expect: adminOnly },
  { name: "user's sub-admin groups with details", method: 'get', path: '/cloud/users/tina/subadmins/details', expect: selfOrAdmin },
  { name: 'make sub-admin', method: 'post', path: '/cloud/users/tina/subadmins', body: { groupid: 'team' }, expect: adminOnly },
  { name: 'revoke sub-admin', method: 'delete', path: '/cloud/users/sam/subadmins?groupid=team', expect: adminOnly },
  { name: 'list groups', method: 'get', path: '/cloud/groups', expect: anySubAdmin },
  { name: 'list group details', method: 'get', path: '/cloud/groups/details', expect: settingAdmin },
  { name: 'group members (deprecated route)', method: 'get', path: '/cloud/groups/team', expect: groupManager },
  {
    name: 'group members',
    method: 'get',
    path: '/cloud/groups/team/users',
    // The matrix runs the newest release: from 32 getGroupUsers has @NoSubAdminRequired and lets
    // members list their group; anyone else gets the controller's bare 403 (GroupsController, S32a).
    expect: { ...groupManager, plainUser: [403, ''], self: 'ok' },
  },
  {
    name: 'group member details',
    method: 'get',
    path: '/cloud/groups/team/users/details',
    expect: { ...groupManager, subAdminOfOther: [998, 'The requested group could not be found'] },
  },
  { name: 'sub-admins of group', method: 'get', path: '/cloud/groups/team/subadmins', expect: adminOnly },
  { name: 'create group', method: 'post', path: '/cloud/groups', body: { groupid: 'fresh' }, expect: adminOnly },
  { name: 'rename group', method: 'put', path: '/cloud/groups/team', body: { key: 'displayname', value: 'Team A' }, expect: adminOnly },
  { name: 'delete group', method: 'delete', path: '/cloud/groups/team', expect: adminOnly },
];

/** HTTP status of an OCS code on v2, spelled out rather than computed from the code under test. */
let mock: OcsMock;
let app: RequestHandler;

beforeAll(async () => {
  // The library default: the newest release (34.0.1); its wording is 29's ("sub-admin", capitalised).
  mock = await createMock({ fixture: FIXTURE });
  app = createApp(mock);
});

async function call(testCase: Case, role: Role, version: 1 | 2) {
  mock.reset();
  const user = ROLES[role];
  let req = request(app)[testCase.method](`/ocs/v${version}.php${testCase.path}`).set('OCS-APIRequest', 'true').set('Accept', 'application/json');
  if (user) req = req.auth(user, PASSWORDS[user]);
  return testCase.body ? req.send(testCase.body) : req;
}

describe.each(CASES)('$name ($method $path)', (testCase) => {
  it.each(Object.keys(ROLES) as Role[])('as %s', async (role) => {
    const expected = testCase.expect[role];
    const [code, message] = expected === 'ok' ? [200, 'OK'] : expected;
    const v2 = await call(testCase, role, 2);
    expect(v2.headers['content-type']).toBe('application/json; charset=utf-8');
    expect({ http: v2.status, meta: v2.body.ocs.meta }).toEqual({ http: httpStatusFor(2, code), meta: controllerMeta(2, code, message) });
    if (expected !== 'ok') expect(v2.body.ocs.data).toEqual([]);

    const v1 = await call(testCase, role, 1);
    expect({ http: v1.status, meta: v1.body.ocs.meta }).toEqual({ http: httpStatusFor(1, code), meta: controllerMeta(1, code, message) });
  });
});
