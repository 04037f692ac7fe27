import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { expectFramework996, httpStatusFor, type Php } from '../support/operations.js';
import { answersFor, call, details, GROUP_DETAILS, okData } from '../support/usersApi.js';

/**
 * users-get-users-details, users-get-disabled-users-details, users-get-users-groups-details,
 * users-get-user-sub-admin-groups-details, groups-get-groups-details, groups-get-group-users,
 * groups-get-group-users-details.
 */

// The per-user groups/sub-admin details routes came with 31.0.6 (DIFFERENCES.md §3).
const RELEASE = '31.0.6';
const { expectAnswer } = answersFor(RELEASE);

let t: TestMock;
beforeEach(async () => {
  t = await freshMock({ nextcloud: RELEASE });
});

const SUBADMIN_ONLY = 'Logged in account must be at least a sub admin';
const SETTING_ONLY = 'Logged in account must be an admin, a sub admin or gotten special right to access this setting';
const GROUP_NOT_FOUND = 'The requested group could not be found';

/** UserDetails as `as` sees `id` in a list: GET /cloud/users/{id}, without the scopes a self-read adds. */
async function listEntry(id: string, as: string): Promise<Record<string, Php>> {
  const data = await details(t, id, as);
  return Object.fromEntries(Object.entries(data).filter(([key]) => !key.endsWith('Scope')));
}

async function expectedMap(ids: string[], as: string): Promise<Record<string, Php>> {
  const users: Record<string, Php> = {};
  for (const id of ids) users[id] = await listEntry(id, as);
  return users;
}

describe.each(MATRIX)('details lists v$version $format', ({ version, format }) => {
  it(`v${version} ${format} GET /cloud/users/details as admin -> every user keyed by id`, async () => {
    const users = await expectedMap(['admin', 'alice', 'bob', 'carol', 'dave'], 'admin');
    const res = await call(t, 'get', version, '/cloud/users/details', { format });
    await expectAnswer(res, version, format, { code: 200, data: { users } }, 'users-get-users-details');
  });

  it(`v${version} ${format} GET /cloud/users/details?search=nobody -> users [] (empty PHP array)`, async () => {
    const res = await call(t, 'get', version, '/cloud/users/details?search=nobody', { format });
    await expectAnswer(res, version, format, { code: 200, data: { users: [] } });
  });

  it(`v${version} ${format} GET /cloud/users/disabled as admin -> carol only`, async () => {
    const users = await expectedMap(['carol'], 'admin');
    const res = await call(t, 'get', version, '/cloud/users/disabled', { format });
    await expectAnswer(res, version, format, { code: 200, data: { users } }, 'users-get-disabled-users-details');
  });

  it(`v${version} ${format} GET /cloud/users/details as plain user bob -> 403 '${SUBADMIN_ONLY}'`, async () => {
    const res = await call(t, 'get', version, '/cloud/users/details', { user: 'bob', format });
    await expectAnswer(res, version, format, { code: 403, message: SUBADMIN_ONLY });
  });

  it(`v${version} ${format} GET /cloud/groups/details as admin -> GroupDetails of every group, by id`, async () => {
    const res = await call(t, 'get', version, '/cloud/groups/details', { format });
    const groups = ['admin', 'empty', 'group1', 'group2'].map((id) => GROUP_DETAILS[id]);
    await expectAnswer(res, version, format, { code: 200, data: { groups } }, 'groups-get-groups-details');
  });

  it(`v${version} ${format} GET /cloud/users/bob/groups/details as admin -> group1 and group2`, async () => {
    const res = await call(t, 'get', version, '/cloud/users/bob/groups/details', { format });
    await expectAnswer(res, version, format, { code: 200, data: { groups: [GROUP_DETAILS.group1, GROUP_DETAILS.group2] } }, 'users-get-users-groups-details');
  });

  it(`v${version} ${format} GET /cloud/users/alice/subadmins/details as admin -> group1`, async () => {
    const res = await call(t, 'get', version, '/cloud/users/alice/subadmins/details', { format });
    await expectAnswer(res, version, format, { code: 200, data: { groups: [GROUP_DETAILS.group1] } }, 'users-get-user-sub-admin-groups-details');
  });

  it(`v${version} ${format} GET /cloud/groups/group1/users -> alice, bob`, async () => {
    const res = await call(t, 'get', version, '/cloud/groups/group1/users', { format });
    await expectAnswer(res, version, format, { code: 200, data: { users: ['alice', 'bob'] } }, 'groups-get-group-users');
  });

  it(`v${version} ${format} GET /cloud/groups/missing/users -> 404 '${GROUP_NOT_FOUND}', HTTP ${httpStatusFor(version, 404)}`, async () => {
    const res = await call(t, 'get', version, '/cloud/groups/missing/users', { format });
    await expectAnswer(res, version, format, { code: 404, message: GROUP_NOT_FOUND });
  });

  it(`v${version} ${format} GET /cloud/groups/group1/users/details?search=Brown -> bob, keyed by id`, async () => {
    const users = await expectedMap(['bob'], 'admin');
    const res = await call(t, 'get', version, '/cloud/groups/group1/users/details?search=Brown', { format });
    await expectAnswer(res, version, format, { code: 200, data: { users } }, 'groups-get-group-users-details');
  });

  it(`v${version} ${format} GET /cloud/groups/missing/users/details -> 998 '${GROUP_NOT_FOUND}', HTTP ${httpStatusFor(version, 998)}`, async () => {
    const res = await call(t, 'get', version, '/cloud/groups/missing/users/details', { format });
    await expectAnswer(res, version, format, { code: 998, message: GROUP_NOT_FOUND });
  });
});

describe.each(VERSIONS)('users/details and users/disabled v%s', (version) => {
  it(`v${version} sub-admin alice sees the members of group1 only (alice, bob)`, async () => {
    const users = await expectedMap(['alice', 'bob'], 'alice');
    const res = await call(t, 'get', version, '/cloud/users/details', { user: 'alice', format: 'json' });
    await expectAnswer(res, version, 'json', { code: 200, data: { users } }, 'users-get-users-details');
    expect(Object.keys((users.bob as Record<string, Php>))[0]).toBe('enabled');
    expect('storageLocation' in (users.bob as Record<string, Php>)).toBe(false);
  });

  it(`v${version} admin's list entries carry enabled and storageLocation, and no scopes`, async () => {
    const data = okData(await call(t, 'get', version, '/cloud/users/details?search=alice', { format: 'json' })) as {
      users: Record<string, Record<string, Php>>;
    };
    expect(Object.keys(data.users)).toEqual(['alice']);
    expect(Object.keys(data.users.alice).slice(0, 3)).toEqual(['enabled', 'storageLocation', 'id']);
    expect(Object.keys(data.users.alice).filter((key) => key.endsWith('Scope'))).toEqual([]);
  });

  it(`v${version} search matches the display name and the e-mail; limit and offset page the id order`, async () => {
    const ids = async (query: string) =>
      Object.keys((okData(await call(t, 'get', version, `/cloud/users/details${query}`, { format: 'json' })) as { users: object }).users);
    expect(await ids('?search=Clark')).toEqual(['carol']);
    expect(await ids('?search=bob@example')).toEqual(['bob']);
    expect(await ids('?limit=2')).toEqual(['admin', 'alice']);
    expect(await ids('?limit=2&offset=2')).toEqual(['bob', 'carol']);
  });

  it(`v${version} disabled list follows disable/enable`, async () => {
    await call(t, 'put', version, '/cloud/users/bob/disable', { format: 'json' });
    await call(t, 'put', version, '/cloud/users/carol/enable', { format: 'json' });
    const res = await call(t, 'get', version, '/cloud/users/disabled', { format: 'json' });
    await expectAnswer(res, version, 'json', { code: 200, data: { users: await expectedMap(['bob'], 'admin') } }, 'users-get-disabled-users-details');
  });

  it(`v${version} sub-admin alice: disabled members of group1 only ([] until bob is disabled)`, async () => {
    const before = await call(t, 'get', version, '/cloud/users/disabled', { user: 'alice', format: 'json' });
    await expectAnswer(before, version, 'json', { code: 200, data: { users: [] } });
    await call(t, 'put', version, '/cloud/users/bob/disable', { format: 'json' });
    const after = await call(t, 'get', version, '/cloud/users/disabled', { user: 'alice', format: 'json' });
    await expectAnswer(after, version, 'json', { code: 200, data: { users: await expectedMap(['bob'], 'alice') } }, 'users-get-disabled-users-details');
  });

  it(`v${version} disabled with limit=-1 -> framework 996 (v2: 500), InvalidArgumentException`, async () => {
    expectFramework996(await call(t, 'get', version, '/cloud/users/disabled?limit=-1', { format: 'json' }), version, 'json', RELEASE);
    expectFramework996(await call(t, 'get', version, '/cloud/users/disabled?offset=-1', { format: 'json' }), version, 'json', RELEASE);
  });

  it(`v${version} disabled as plain user dave -> 403 '${SUBADMIN_ONLY}'`, async () => {
    await expectAnswer(await call(t, 'get', version, '/cloud/users/disabled', { user: 'dave', format: 'json' }), version, 'json', {
      code: 403,
      message: SUBADMIN_ONLY,
    });
  });

  it(`v${version} details anonymous -> 997, HTTP 401`, async () => {
    await expectAnswer(await call(t, 'get', version, '/cloud/users/details', { user: null, format: 'json' }), version, 'json', {
      code: 997,
      message: 'Current user is not logged in',
    });
  });
});

describe.each(VERSIONS)('groups of a user with details v%s', (version) => {
  const get = (path: string, as: string) => call(t, 'get', version, path, { user: as, format: 'json' });

  it(`v${version} bob for himself -> both his groups`, async () => {
    await expectAnswer(await get('/cloud/users/bob/groups/details', 'bob'), version, 'json', {
      code: 200,
      data: { groups: [GROUP_DETAILS.group1, GROUP_DETAILS.group2] },
    }, 'users-get-users-groups-details');
  });

  it(`v${version} sub-admin alice for bob -> only group1 (the groups she administers)`, async () => {
    await expectAnswer(await get('/cloud/users/bob/groups/details', 'alice'), version, 'json', { code: 200, data: { groups: [GROUP_DETAILS.group1] } }, 'users-get-users-groups-details');
  });

  it(`v${version} dave (no groups) for himself -> groups []`, async () => {
    await expectAnswer(await get('/cloud/users/dave/groups/details', 'dave'), version, 'json', { code: 200, data: { groups: [] } }, 'users-get-users-groups-details');
  });

  it(`v${version} disabled count follows carol's state`, async () => {
    await call(t, 'put', version, '/cloud/users/carol/enable', { format: 'json' });
    const data = okData(await get('/cloud/users/carol/groups/details', 'admin')) as { groups: Record<string, Php>[] };
    expect(data.groups).toEqual([{ ...(GROUP_DETAILS.group2 as Record<string, Php>), disabled: 0 }]);
  });

  for (const [as, target, why] of [
    ['alice', 'carol', 'sub-admin outside carol\u2019s groups'],
    ['bob', 'alice', 'plain user for someone else'],
    ['admin', 'nobody', 'missing user'],
  ]) {
    it(`v${version} ${as} for ${target} (${why}) -> 998 '', HTTP ${httpStatusFor(version, 998)}`, async () => {
      await expectAnswer(await get(`/cloud/users/${target}/groups/details`, as), version, 'json', { code: 998, message: '' });
    });
  }
});

describe.each(VERSIONS)('sub-admin groups with details v%s', (version) => {
  const get = (path: string, as: string) => call(t, 'get', version, path, { user: as, format: 'json' });

  it(`v${version} alice for herself -> group1`, async () => {
    await expectAnswer(await get('/cloud/users/alice/subadmins/details', 'alice'), version, 'json', {
      code: 200,
      data: { groups: [GROUP_DETAILS.group1] },
    }, 'users-get-user-sub-admin-groups-details');
  });

  it(`v${version} admin for bob (no sub-admin rights) -> groups []`, async () => {
    await expectAnswer(await get('/cloud/users/bob/subadmins/details', 'admin'), version, 'json', { code: 200, data: { groups: [] } }, 'users-get-user-sub-admin-groups-details');
  });

  it(`v${version} follows POST /cloud/users/bob/subadmins`, async () => {
    await call(t, 'post', version, '/cloud/users/bob/subadmins', { format: 'json', body: { groupid: 'group2' } });
    await expectAnswer(await get('/cloud/users/bob/subadmins/details', 'admin'), version, 'json', {
      code: 200,
      data: { groups: [GROUP_DETAILS.group2] },
    }, 'users-get-user-sub-admin-groups-details');
  });

  it(`v${version} missing user -> 998 '', HTTP ${httpStatusFor(version, 998)} (like the other per-user group lookups)`, async () => {
    await expectAnswer(await get('/cloud/users/nobody/subadmins/details', 'admin'), version, 'json', { code: 998, message: '' });
  });

  it(`v${version} sub-admin alice for bob -> 998 '' (only admins read other users' sub-admin groups)`, async () => {
    await expectAnswer(await get('/cloud/users/bob/subadmins/details', 'alice'), version, 'json', { code: 998, message: '' });
  });
});

describe.each(VERSIONS)('groups details and group members v%s', (version) => {
  const get = (path: string, as = 'admin') => call(t, 'get', version, path, { user: as, format: 'json' });

  it(`v${version} groups/details search matches the display name ('one' -> group1)`, async () => {
    await expectAnswer(await get('/cloud/groups/details?search=one'), version, 'json', { code: 200, data: { groups: [GROUP_DETAILS.group1] } }, 'groups-get-groups-details');
  });

  it(`v${version} groups/details limit=2&offset=1 -> empty, group1`, async () => {
    await expectAnswer(await get('/cloud/groups/details?limit=2&offset=1'), version, 'json', {
      code: 200,
      data: { groups: [GROUP_DETAILS.empty, GROUP_DETAILS.group1] },
    }, 'groups-get-groups-details');
  });

  it(`v${version} groups/details with no match -> groups []`, async () => {
    await expectAnswer(await get('/cloud/groups/details?search=zzz'), version, 'json', { code: 200, data: { groups: [] } }, 'groups-get-groups-details');
  });

  it(`v${version} a new group with a display name shows it in groups/details (integration test)`, async () => {
    await call(t, 'post', version, '/cloud/groups', { format: 'json', body: { groupid: 'new-group', displayname: 'new-group-displayname' } });
    await expectAnswer(await get('/cloud/groups/details?search=new-group'), version, 'json', {
      code: 200,
      data: { groups: [{ id: 'new-group', displayname: 'new-group-displayname', usercount: 0, disabled: 0, canAdd: true, canRemove: true }] },
    }, 'groups-get-groups-details');
  });

  // #[AuthorizedAdminSetting] without #[SubAdminRequired]: SecurityMiddleware refuses sub-admins too
  // (recordings groups-get-groups-details/as-subadmin.*, as-user.* on 29.0.6; the same check in 31.0.6).
  it(`v${version} groups/details as sub-admin alice -> 403 '${SETTING_ONLY}'`, async () => {
    await expectAnswer(await get('/cloud/groups/details', 'alice'), version, 'json', { code: 403, message: SETTING_ONLY });
  });

  it(`v${version} groups/details as plain user bob -> 403 '${SETTING_ONLY}'`, async () => {
    await expectAnswer(await get('/cloud/groups/details', 'bob'), version, 'json', { code: 403, message: SETTING_ONLY });
  });

  it(`v${version} group users of 'empty' -> users []`, async () => {
    await expectAnswer(await get('/cloud/groups/empty/users'), version, 'json', { code: 200, data: { users: [] } }, 'groups-get-group-users');
  });

  it(`v${version} sub-admin alice: group1 users -> ok; group2 users -> 403 ''`, async () => {
    await expectAnswer(await get('/cloud/groups/group1/users', 'alice'), version, 'json', { code: 200, data: { users: ['alice', 'bob'] } }, 'groups-get-group-users');
    await expectAnswer(await get('/cloud/groups/group2/users', 'alice'), version, 'json', { code: 403, message: '' });
  });

  it(`v${version} group users as plain user bob -> 403 '${SUBADMIN_ONLY}'`, async () => {
    await expectAnswer(await get('/cloud/groups/group1/users', 'bob'), version, 'json', { code: 403, message: SUBADMIN_ONLY });
  });

  it(`v${version} group users details without search -> every member; search 'adams' (display name, any case) -> alice`, async () => {
    await expectAnswer(await get('/cloud/groups/group1/users/details'), version, 'json', {
      code: 200,
      data: { users: await expectedMap(['alice', 'bob'], 'admin') },
    }, 'groups-get-group-users-details');
    await expectAnswer(await get('/cloud/groups/group1/users/details?search=adams'), version, 'json', {
      code: 200,
      data: { users: await expectedMap(['alice'], 'admin') },
    }, 'groups-get-group-users-details');
  });

  it(`v${version} group users details with no match -> users []`, async () => {
    await expectAnswer(await get('/cloud/groups/group1/users/details?search=zzz'), version, 'json', { code: 200, data: { users: [] } });
  });

  it(`v${version} group users details as sub-admin alice: group1 ok, group2 -> 998 '${GROUP_NOT_FOUND}'`, async () => {
    await expectAnswer(await get('/cloud/groups/group1/users/details?search=bob', 'alice'), version, 'json', {
      code: 200,
      data: { users: await expectedMap(['bob'], 'alice') },
    }, 'groups-get-group-users-details');
    await expectAnswer(await get('/cloud/groups/group2/users/details', 'alice'), version, 'json', { code: 998, message: GROUP_NOT_FOUND });
  });

  it(`v${version} group users details as plain user bob -> 403 '${SUBADMIN_ONLY}'`, async () => {
    await expectAnswer(await get('/cloud/groups/group1/users/details', 'bob'), version, 'json', { code: 403, message: SUBADMIN_ONLY });
  });
});
