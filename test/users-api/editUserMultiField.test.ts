import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { groupsOf, subAdminGroupsOf } from '../../src/domain/access.js';
import { freshMock, MATRIX, ocs, PASSWORDS, VERSIONS, type TestMock } from '../support/mock.js';
import { expectFramework996, httpStatusFor } from '../support/operations.js';
import { details, expectAnswer, user } from '../support/usersApi.js';

/**
 * PATCH /cloud/users/{userId} (users-edit-user-multi-field), new in 34
 * (UsersController::editUserMultiField of 34.0.1): fields validated together, HTTP 422 with
 * `{errors: {field: message}}` and nothing changed, or the user's details.
 */
const RELEASE = '34';

let t: TestMock;
beforeEach(async () => {
  t = await freshMock({ nextcloud: RELEASE });
});

function patch(version: 1 | 2, target: string, body: Record<string, unknown>, as = 'admin', format: 'json' | 'xml' = 'json') {
  const query = format === 'json' ? '?format=json' : '';
  return request(t.app)
    .patch(`/ocs/v${version}.php/cloud/users/${target}${query}`)
    .auth(as, PASSWORDS[as])
    .set('OCS-APIRequest', 'true')
    .send(body);
}

describe.each(VERSIONS)('PATCH /cloud/users/{userId} v%s', (version) => {
  it(`v${version} admin sets every field of bob at once -> his new details`, async () => {
    const res = await patch(version, 'bob', {
      displayName: 'Robert',
      email: 'Bob.New@Example.com',
      quota: '2 GB',
      language: 'fr',
      manager: 'alice',
      groups: ['group1', 'empty'],
      subadminGroups: ['empty', 'admin'],
    });
    await expectAnswer(res, version, 'json', { code: 200, data: await details(t, 'bob') });
    const bob = user(t, 'bob');
    expect({ displayname: bob.displayname, email: bob.email, quota: bob.quota, language: bob.language, managers: bob.managers }).toEqual({
      displayname: 'Robert',
      email: 'bob.new@example.com',
      quota: '2 GB',
      language: 'fr',
      managers: ['alice'],
    });
    // Sub-admin rights for the admin group are skipped, not refused.
    expect({ groups: groupsOf(t.mock.state, 'bob'), subadmin: subAdminGroupsOf(t.mock.state, 'bob') }).toEqual({ groups: ['group1', 'empty'], subadmin: ['empty'] });
  });

  it(`v${version} groups are left, then joined in the order given -> the user's groups in that order`, async () => {
    // editUserMultiField: removeUser for array_diff($current, $groups), then addUser for
    // array_diff($groups, $current) in the given order; getUserGroups lists them as joined.
    const res = await patch(version, 'bob', { groups: ['empty', 'group2', 'admin'] });
    await expectAnswer(res, version, 'json', { code: 200, data: await details(t, 'bob') });
    expect(groupsOf(t.mock.state, 'bob')).toEqual(['group2', 'empty', 'admin']);
    expect(((await details(t, 'bob')) as { groups: string[] }).groups).toEqual(['group2', 'empty', 'admin']);
  });

  it(`v${version} an empty display name resets it to the id; an empty manager clears it`, async () => {
    const res = await patch(version, 'alice', { displayName: '', manager: '' });
    expect(res.status).toBe(200);
    expect({ displayname: user(t, 'alice').displayname, managers: user(t, 'alice').managers }).toEqual({ displayname: 'alice', managers: [] });
  });
});

describe.each(MATRIX)('PATCH /cloud/users/{userId} refusals v$version $format', ({ version, format }) => {
  it(`v${version} ${format} bad values -> 422 (v1: HTTP 200) with every error, in the controller's order, nothing changed`, async () => {
    const before = JSON.stringify(user(t, 'bob'));
    const res = await patch(version, 'bob', { displayName: 'Kept?', email: 'not-an-address', quota: 'lots', language: 'xx', groups: ['group1', 'nope'] }, 'admin', format);
    await expectAnswer(res, version, format, {
      code: 422,
      data: { errors: { email: 'Invalid email address', language: 'Invalid language', quota: 'Invalid quota value: lots', groups: 'Group nope does not exist' } },
    });
    expect(JSON.stringify(user(t, 'bob'))).toBe(before);
  });

  it(`v${version} ${format} sub-admin alice on bob: groups, sub-admin groups -> 422, admins only`, async () => {
    const res = await patch(version, 'bob', { groups: ['group1'], subadminGroups: [], displayName: 'Bobby' }, 'alice', format);
    await expectAnswer(res, version, format, {
      code: 422,
      data: { errors: { groups: 'Insufficient permissions to change groups', subadminGroups: 'Insufficient permissions to change sub-admin groups' } },
    });
    expect(user(t, 'bob').displayname).toBe('Bob Brown');
  });

  it(`v${version} ${format} sub-admin alice on carol (outside her groups) -> 403 'Insufficient permissions to edit this user', HTTP ${httpStatusFor(version, 403)}`, async () => {
    const res = await patch(version, 'carol', { displayName: 'C' }, 'alice', format);
    await expectAnswer(res, version, format, { code: 403, message: 'Insufficient permissions to edit this user' });
  });

  it(`v${version} ${format} plain user bob on himself -> 403 from the sub-admin middleware (no NoSubAdminRequired)`, async () => {
    const res = await patch(version, 'bob', { displayName: 'B' }, 'bob', format);
    await expectAnswer(res, version, format, { code: 403, message: 'Logged in account must be at least a sub admin' });
  });

  it(`v${version} ${format} a missing user -> 998 '', HTTP ${httpStatusFor(version, 998)}`, async () => {
    const res = await patch(version, 'nobody', { displayName: 'N' }, 'admin', format);
    await expectAnswer(res, version, format, { code: 998, message: '' });
  });

  it(`v${version} ${format} groups as a string cannot be bound to ?array -> 996`, async () => {
    const res = await patch(version, 'bob', { groups: 'group1' }, 'admin', format);
    expectFramework996(res, version, format, RELEASE);
  });
});

describe('PATCH before 34', () => {
  it.each(['29', '33'])('%s: PATCH /cloud/users/bob -> 405, the route does not exist', async (release) => {
    const old = await freshMock({ nextcloud: release });
    const res = await request(old.app).patch('/ocs/v2.php/cloud/users/bob').auth('admin', 'admin').set('OCS-APIRequest', 'true').send({ displayName: 'x' });
    expect(res.status).toBe(405);
    expect(res.text).toBe('');
    const unchanged = await ocs(old.app, 'get', 2, '/cloud/users/bob', { format: 'json' });
    expect(JSON.parse(unchanged.text).ocs.data.displayname).toBe('Bob Brown');
  });
});
