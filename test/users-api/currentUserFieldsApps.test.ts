import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, TEST_NOW, VERSIONS, type TestMock } from '../support/mock.js';
import { httpStatusFor, type Php } from '../support/operations.js';
import { answersFor, call, details, okData } from '../support/usersApi.js';

/**
 * GET /cloud/user (users-get-current-user), GET /cloud/user/fields[/{userId}]
 * (users-get-editable-fields[-for-user]), GET /cloud/user/apps (users-get-enabled-apps).
 * GET /cloud/capabilities: capabilities.test.ts.
 */

// GET /cloud/user/apps came with 31.0.11 (DIFFERENCES.md §3).
const RELEASE = '31.0.11';
const { expectAnswer } = answersFor(RELEASE);

let t: TestMock;
beforeEach(async () => {
  t = await freshMock({ nextcloud: RELEASE });
});

/** The ordered list of the integration tests (provisioning-v1.feature "Getting editable fields"). */
const FIELDS = [
  'displayname',
  'email',
  'additional_mail',
  'phone',
  'address',
  'website',
  'twitter',
  'fediverse',
  'organisation',
  'role',
  'headline',
  'biography',
  'profile_enabled',
  'pronouns',
];

const seconds = (iso: string) => Date.parse(iso) / 1000;

/** bob reading himself: full data with scopes, without enabled/storageLocation (he is no admin/sub-admin). */
const BOB_SELF: Php = {
  id: 'bob',
  firstLoginTimestamp: seconds('2026-03-01T09:30:00Z'),
  // The request itself is bob's login, recorded at the test clock.
  lastLoginTimestamp: TEST_NOW / 1000,
  lastLogin: TEST_NOW,
  backend: 'Database',
  subadmin: [],
  // 31+ read the home folder's cache: no quota -> free, total and quota -3, relative 0
  // (AUserDataOCSController::fillStorageInfo without quota_include_external_storage).
  quota: { free: -3, used: 52428800, total: -3, relative: 0, quota: -3 },
  manager: '',
  avatarScope: 'v2-federated',
  email: 'bob@example.com',
  emailScope: 'v2-federated',
  additional_mail: [],
  additional_mailScope: [],
  displayname: 'Bob Brown',
  'display-name': 'Bob Brown',
  displaynameScope: 'v2-federated',
  phone: '',
  phoneScope: 'v2-local',
  address: '',
  addressScope: 'v2-local',
  website: '',
  websiteScope: 'v2-local',
  twitter: '',
  twitterScope: 'v2-local',
  fediverse: '',
  fediverseScope: 'v2-local',
  organisation: '',
  organisationScope: 'v2-local',
  role: '',
  roleScope: 'v2-local',
  headline: '',
  headlineScope: 'v2-local',
  biography: '',
  biographyScope: 'v2-local',
  profile_enabled: '1',
  profile_enabledScope: 'v2-local',
  pronouns: '',
  pronounsScope: 'v2-local',
  groups: ['group1', 'group2'],
  language: 'de',
  locale: '',
  // User::getPrimaryEMailAddress: null until a primary address is chosen (recordings users-get-current-user/*).
  notify_email: null,
  backendCapabilities: { setDisplayName: true, setPassword: true },
};

describe.each(MATRIX)('current user, fields, apps v$version $format', ({ version, format }) => {
  it(`v${version} ${format} GET /cloud/user as bob -> his UserDetails with scopes`, async () => {
    const res = await call(t, 'get', version, '/cloud/user', { user: 'bob', format });
    await expectAnswer(res, version, format, { code: 200, data: BOB_SELF }, 'users-get-current-user');
  });

  it(`v${version} ${format} GET /cloud/user anonymous -> 997 'Current user is not logged in', HTTP 401`, async () => {
    const res = await call(t, 'get', version, '/cloud/user', { user: null, format });
    await expectAnswer(res, version, format, { code: 997, message: 'Current user is not logged in' });
  });

  it(`v${version} ${format} GET /cloud/user/fields -> the ordered editable fields`, async () => {
    const res = await call(t, 'get', version, '/cloud/user/fields', { user: 'bob', format });
    await expectAnswer(res, version, format, { code: 200, data: FIELDS }, 'users-get-editable-fields');
  });

  it(`v${version} ${format} GET /cloud/user/fields/bob as admin -> the same list`, async () => {
    const res = await call(t, 'get', version, '/cloud/user/fields/bob', { user: 'admin', format });
    await expectAnswer(res, version, format, { code: 200, data: FIELDS }, 'users-get-editable-fields-for-user');
  });

  it(`v${version} ${format} GET /cloud/user/fields/alice as plain user bob -> 998 '', HTTP ${httpStatusFor(version, 998)}`, async () => {
    const res = await call(t, 'get', version, '/cloud/user/fields/alice', { user: 'bob', format });
    await expectAnswer(res, version, format, { code: 998, message: '' });
  });

  it(`v${version} ${format} GET /cloud/user/apps -> the enabled apps`, async () => {
    const res = await call(t, 'get', version, '/cloud/user/apps', { user: 'bob', format });
    await expectAnswer(res, version, format, { code: 200, data: { apps: enabledFixtureApps() } }, 'users-get-enabled-apps');
  });

  it(`v${version} ${format} GET /cloud/user/apps anonymous -> 997, HTTP 401`, async () => {
    const res = await call(t, 'get', version, '/cloud/user/apps', { user: null, format });
    await expectAnswer(res, version, format, { code: 997, message: 'Current user is not logged in' });
  });
});

/** The enabled apps of fixtures/default.json, by id. */
function enabledFixtureApps(): string[] {
  const fixture = JSON.parse(readFileSync(new URL('../../fixtures/default.json', import.meta.url), 'utf8')) as {
    apps: { id: string; enabled: boolean }[];
  };
  return fixture.apps
    .filter((app) => app.enabled)
    .map((app) => app.id)
    .sort();
}

describe.each(VERSIONS)('current user, fields, apps v%s', (version) => {
  it(`v${version} GET /cloud/user equals GET /cloud/users/{self} for every fixture user that can log in`, async () => {
    for (const id of ['admin', 'alice', 'bob', 'dave']) {
      const res = await call(t, 'get', version, '/cloud/user', { user: id, format: 'json' });
      expect(okData(res)).toEqual(await details(t, id, id));
    }
  });

  it(`v${version} GET /cloud/user as admin has enabled and storageLocation first, then id`, async () => {
    const data = okData(await call(t, 'get', version, '/cloud/user', { user: 'admin', format: 'json' })) as Record<string, Php>;
    expect(Object.keys(data).slice(0, 3)).toEqual(['enabled', 'storageLocation', 'id']);
    expect([data.enabled, data.storageLocation, data.id]).toEqual([true, '/var/www/html/data/admin', 'admin']);
  });

  it(`v${version} GET /cloud/user reflects an edit made just before`, async () => {
    await call(t, 'put', version, '/cloud/users/bob', { user: 'bob', format: 'json', body: { key: 'phoneScope', value: 'v2-private' } });
    const data = okData(await call(t, 'get', version, '/cloud/user', { user: 'bob', format: 'json' })) as Record<string, Php>;
    expect(data.phoneScope).toBe('v2-private');
  });

  it(`v${version} GET /cloud/user with a disabled account (carol) -> 997 Unauthorised, HTTP 401`, async () => {
    const res = await call(t, 'get', version, '/cloud/user', { user: 'carol', format: 'json' });
    expect(res.status).toBe(401);
  });

  it(`v${version} fields for themself by id, and sub-admin alice for bob -> the same list`, async () => {
    for (const [as, target] of [
      ['bob', 'bob'],
      ['alice', 'bob'],
      ['alice', 'alice'],
      ['dave', 'dave'],
    ]) {
      const res = await call(t, 'get', version, `/cloud/user/fields/${target}`, { user: as, format: 'json' });
      await expectAnswer(res, version, 'json', { code: 200, data: FIELDS }, 'users-get-editable-fields-for-user');
    }
  });

  for (const [as, target, why] of [
    ['alice', 'carol', 'sub-admin alice, carol only in group2'],
    ['alice', 'dave', 'sub-admin alice, dave in no group'],
    ['alice', 'admin', 'sub-admin alice on the admin'],
    ['admin', 'nobody', 'missing user'],
    ['bob', 'nobody', 'missing user as plain user'],
  ]) {
    it(`v${version} GET /cloud/user/fields/${target} as ${as} (${why}) -> 998 ''`, async () => {
      const res = await call(t, 'get', version, `/cloud/user/fields/${target}`, { user: as, format: 'json' });
      await expectAnswer(res, version, 'json', { code: 998, message: '' });
    });
  }

  it(`v${version} GET /cloud/user/apps after disabling activity no longer lists it`, async () => {
    const off = await call(t, 'delete', version, '/cloud/apps/activity', { format: 'json' });
    expect(off.status).toBe(200);
    const data = okData(await call(t, 'get', version, '/cloud/user/apps', { user: 'dave', format: 'json' }));
    expect(data).toEqual({ apps: enabledFixtureApps().filter((id) => id !== 'activity') });
  });
});
