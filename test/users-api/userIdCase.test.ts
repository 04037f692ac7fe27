import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, type TestMock } from '../support/mock.js';
import { call, details, okData } from '../support/usersApi.js';
import { expectOcs } from '../support/operations.js';

/**
 * User ids in URLs are looked up as the Database backend does (Database::loadUser compares
 * `uid_lower`; User\Manager::get hydrates the stored id via getRealUID): /cloud/users/BOB is bob
 * (recording users-get-user/case-mismatch.*, Nextcloud 29.0.6).
 */
let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

describe.each(MATRIX)('user ids in other case v$version $format', ({ version, format }) => {
  it(`v${version} ${format} GET /cloud/users/BOB as admin -> bob's UserDetails, id "bob"`, async () => {
    const res = await call(t, 'get', version, '/cloud/users/BOB', { format });
    const bob = await call(t, 'get', version, '/cloud/users/bob', { format });
    expect({ status: res.status, text: res.text }).toEqual({ status: bob.status, text: bob.text });
    if (format === 'json') expect((okData(res) as { id: string }).id).toBe('bob');
  });

  it(`v${version} ${format} GET /cloud/users/BOB/groups as admin -> bob's groups`, async () => {
    const res = await call(t, 'get', version, '/cloud/users/BOB/groups', { format });
    await expectOcs(res, version, format, { code: 100, data: { groups: ['group1', 'group2'] } }, 'users-get-users-groups');
  });

  it(`v${version} ${format} GET /cloud/users/NOBODY as admin -> 404 "User does not exist"`, async () => {
    const res = await call(t, 'get', version, '/cloud/users/NOBODY', { format });
    await expectOcs(res, version, format, { code: 404, message: 'User does not exist' });
  });
});

it('GET /cloud/users/BOB as admin (v2 json) -> id "bob" and bob\'s groups (users-get-user/case-mismatch.v2-json)', async () => {
  const data = await details(t, 'BOB');
  expect({ id: data.id, groups: data.groups, email: data.email }).toEqual({ id: 'bob', groups: ['group1', 'group2'], email: 'bob@example.com' });
});
