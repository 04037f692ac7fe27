import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Fixture } from '../../src/state/fixtureFile.js';
import { freshMock, MATRIX, TEST_NOW, type TestMock } from '../support/mock.js';
import { ACCOUNTS, ADMIN_VIEW, createdAccount, FREE_SPACE, NOW_SECONDS, userDetails, type Account } from '../support/operationsUsers.js';
import { call, callWith, expectAnswer, user } from '../support/usersApi.js';

/**
 * What a successful login leaves on the account (Session::completeLogin ->
 * User::updateLastLoginTimestamp, and Session::prepareUserLogin on the first one), as the user
 * details and /cloud/users/recent show it. Recordings first-login/before/*, first-login/first-request/*
 * and first-login/after/* show a first login on Nextcloud 29.0.6. Time comes from the mock's clock.
 */

const MINUTE = 60_000;

/** A mock whose clock the test moves. */
async function mockWithClock(start = TEST_NOW, options: { fixture?: Fixture; nextcloud?: string } = {}) {
  const clock = { now: start };
  const t = await freshMock({ ...options, clock: () => clock.now });
  return { t, clock };
}

async function createUser(t: TestMock, body: Record<string, string>) {
  const res = await call(t, 'post', 2, '/cloud/users', { body, form: true, format: 'json' });
  expect(res.status, res.text).toBe(200);
}

/** The quota object of an account with a home folder and no quota limit (fillStorageInfo). */
const unlimitedQuota = (used: number) => ({ free: FREE_SPACE, used, total: FREE_SPACE + used, relative: 0, quota: -3 });

describe.each(MATRIX)('logins v$version $format', ({ version, format }) => {
  const v = `v${version} ${format}`;

  it(`${v} a created account's first password login sets the last login and creates its home: quota gains free/used/total/relative, used = skeleton (164), quota -3`, async () => {
    const t = await freshMock();
    await createUser(t, { userid: 'erin', password: 'erin-secret-42' });
    // first-login/before/dave: never logged in, no home folder: only the configured quota.
    const before = await call(t, 'get', version, '/cloud/users/erin', { format });
    await expectAnswer(before, version, format, { code: 100, data: userDetails('erin', ADMIN_VIEW, createdAccount('erin')) }, 'users-get-user');

    // first-login/first-request/dave: the user's own request is the login.
    const self = await callWith(t, version, '/cloud/user', 'erin', 'erin-secret-42', format);
    const loggedIn = createdAccount('erin', { firstLogin: NOW_SECONDS, lastLogin: NOW_SECONDS, quota: unlimitedQuota(164) });
    await expectAnswer(self, version, format, { code: 100, data: userDetails('erin', { enabled: false, storageLocation: false, scopes: true }, loggedIn) }, 'users-get-current-user');

    // first-login/after/dave: "lastLogin" set, quota {"free":…,"used":164,"total":…,"relative":…,"quota":-3}.
    const after = await call(t, 'get', version, '/cloud/users/erin', { format });
    await expectAnswer(after, version, format, { code: 100, data: userDetails('erin', ADMIN_VIEW, loggedIn) }, 'users-get-user');
    // 29 records no first login (User::updateLastLoginTimestamp, 31+).
    expect(user(t, 'erin')).toMatchObject({ lastLogin: NOW_SECONDS, firstLogin: 0, hasHome: true, usedBytes: 164 });
  });

  it(`${v} a first login with a 1 GB quota -> quota {free: 1073741660, used: 164, total: 1073741824, relative: 0, quota: 1073741824} (first-login/after/bob)`, async () => {
    const t = await freshMock();
    await createUser(t, { userid: 'erin', password: 'erin-secret-42', quota: '1 GB' });
    expect((await callWith(t, version, '/cloud/user', 'erin', 'erin-secret-42', format)).status).toBe(200);
    const res = await call(t, 'get', version, '/cloud/users/erin', { format });
    const account = createdAccount('erin', {
      firstLogin: NOW_SECONDS,
      lastLogin: NOW_SECONDS,
      quota: { free: 1073741660, used: 164, total: 1073741824, relative: 0, quota: 1073741824 },
    });
    await expectAnswer(res, version, format, { code: 100, data: userDetails('erin', ADMIN_VIEW, account) }, 'users-get-user');
  });

  it(`${v} /cloud/users/recent (30+) lists an account once it has logged in, most recent first`, async () => {
    const { t, clock } = await mockWithClock(TEST_NOW, { nextcloud: '30' });
    await createUser(t, { userid: 'erin', password: 'erin-secret-42' });
    const recent = () => call(t, 'get', version, '/cloud/users/recent', { format });
    const admin = ACCOUNTS.admin;
    const listed = (...accounts: [string, Account][]) => ({
      users: Object.fromEntries(accounts.map(([id, account]) => [id, userDetails(id, ADMIN_VIEW, account)])),
    });
    const fixtureUsers = (['alice', 'bob', 'carol'] as const).map((id): [string, Account] => [id, ACCOUNTS[id]]);
    await expectAnswer(await recent(), version, format, { code: 100, data: listed(['admin', admin], ...fixtureUsers) }, 'users-get-last-logged-in-users', '30');

    clock.now = TEST_NOW + 2 * MINUTE;
    expect((await callWith(t, version, '/cloud/user', 'erin', 'erin-secret-42', format)).status).toBe(200);
    const erin = createdAccount('erin', { firstLogin: NOW_SECONDS + 120, lastLogin: NOW_SECONDS + 120, quota: unlimitedQuota(164) });
    // The admin's own request is at the same moment: equal last logins go by lower(userid).
    const adminNow = { ...admin, lastLogin: NOW_SECONDS + 120 };
    await expectAnswer(await recent(), version, format, { code: 100, data: listed(['admin', adminNow], ['erin', erin], ...fixtureUsers) }, 'users-get-last-logged-in-users', '30');
  });
});

describe('which requests count as a login', () => {
  it('the admin\'s last login follows its own requests, not the fixture value', async () => {
    const { t, clock } = await mockWithClock();
    await call(t, 'get', 2, '/cloud/users', { format: 'json' });
    expect(user(t, 'admin').lastLogin).toBe(NOW_SECONDS);
    clock.now = TEST_NOW + 10 * MINUTE;
    await call(t, 'get', 2, '/cloud/groups', { format: 'json' });
    expect(user(t, 'admin').lastLogin).toBe(NOW_SECONDS + 600);
    // The first login of an account that already had one stays as it was.
    expect(user(t, 'admin').firstLogin).toBe(ACCOUNTS.admin.firstLogin);
  });

  it('logins less than a minute apart keep the earlier time; more than 60 s later the last login moves (User::updateLastLoginTimestamp)', async () => {
    const { t, clock } = await mockWithClock();
    const bobLogsIn = () => call(t, 'get', 2, '/cloud/user', { user: 'bob', format: 'json' });
    await bobLogsIn();
    expect(user(t, 'bob').lastLogin).toBe(NOW_SECONDS);
    clock.now = TEST_NOW + MINUTE;
    await bobLogsIn();
    expect(user(t, 'bob').lastLogin).toBe(NOW_SECONDS);
    clock.now = TEST_NOW + MINUTE + 1000;
    await bobLogsIn();
    expect(user(t, 'bob').lastLogin).toBe(NOW_SECONDS + 61);
  });

  it('a wrong password records nothing; the next request with the right one does', async () => {
    const t = await freshMock();
    const wrong = await callWith(t, 2, '/cloud/user', 'dave', 'wrong-password');
    expect(wrong.status).toBe(401);
    expect(user(t, 'dave')).toMatchObject({ lastLogin: 0, firstLogin: 0, hasHome: false, usedBytes: 0 });
    expect((await callWith(t, 2, '/cloud/user', 'dave', 'dave-password')).status).toBe(200);
    expect(user(t, 'dave')).toMatchObject({ lastLogin: NOW_SECONDS, firstLogin: 0, hasHome: true, usedBytes: 164 });
  });

  it('a disabled account cannot log in and keeps its last login; enabled again, its next request is a login (first-login/first-request/carol-disabled)', async () => {
    const t = await freshMock();
    const fixtureLogin = ACCOUNTS.carol.lastLogin;
    expect((await call(t, 'get', 2, '/cloud/user', { user: 'carol', format: 'json' })).status).toBe(401);
    expect(user(t, 'carol').lastLogin).toBe(fixtureLogin);
    await call(t, 'put', 2, '/cloud/users/carol/enable', { format: 'json' });
    expect((await call(t, 'get', 2, '/cloud/user', { user: 'carol', format: 'json' })).status).toBe(200);
    expect(user(t, 'carol').lastLogin).toBe(NOW_SECONDS);
  });

  it('an anonymous request changes no account; an authenticated one changes only its own', async () => {
    const t = await freshMock();
    const lastLogins = () => Object.fromEntries([...t.mock.state.users.values()].map((account) => [account.id, account.lastLogin]));
    const before = lastLogins();
    expect((await call(t, 'get', 2, '/cloud/users', { user: null, format: 'json' })).status).toBe(401);
    expect(lastLogins()).toEqual(before);
    await call(t, 'get', 2, '/cloud/user', { user: 'dave', format: 'json' });
    expect(lastLogins()).toEqual({ ...before, dave: NOW_SECONDS });
  });

  it('a request a scenario answers before login (maintenance mode) records nothing; the same request afterwards does', async () => {
    const t = await freshMock({
      scenarios: [
        {
          rules: [
            {
              name: 'first request in maintenance',
              match: { count: { to: 1 } },
              answer: { ocs: { statuscode: 503, message: 'Service unavailable', origin: 'framework', headers: { 'X-Nextcloud-Maintenance-Mode': '1' } } },
            },
          ],
        },
      ],
    });
    expect((await call(t, 'get', 2, '/cloud/user', { user: 'dave', format: 'json' })).status).toBe(503);
    expect(user(t, 'dave').lastLogin).toBe(0);
    expect((await call(t, 'get', 2, '/cloud/user', { user: 'dave', format: 'json' })).status).toBe(200);
    expect(user(t, 'dave').lastLogin).toBe(NOW_SECONDS);
  });

  it('OC::handleLogin runs before routing and the CSRF check: a 412 or an unknown route still records the login', async () => {
    const t = await freshMock();
    const auth = `Basic ${Buffer.from('dave:dave-password').toString('base64')}`;
    const noHeader = await request(t.app).get('/ocs/v2.php/cloud/user?format=json').set('Authorization', auth);
    expect(noHeader.status).toBe(412);
    expect(user(t, 'dave').lastLogin).toBe(NOW_SECONDS);
    const bob = await request(t.app).get('/ocs/v2.php/cloud/nothing-here?format=json').set('Authorization', `Basic ${Buffer.from('bob:bob-password').toString('base64')}`).set('OCS-APIRequest', 'true');
    expect(bob.status).toBe(404);
    expect(user(t, 'bob').lastLogin).toBe(NOW_SECONDS);
  });

  it('31: an account that logged in before first logins were recorded gets firstLoginTimestamp -1 ("unknown") at its next login', async () => {
    // First logins are recorded from 31 on (User::updateLastLoginTimestamp); pinned to the release it describes.
    const t = await freshMock({
      nextcloud: '31',
      fixture: {
        groups: [{ id: 'admin' }],
        users: [
          { id: 'admin', password: 'admin', groups: ['admin'], lastLogin: '2026-01-01T00:00:00Z' },
          { id: 'old', password: 'old-password', lastLogin: '2026-01-01T00:00:00Z', firstLogin: 0 },
        ],
      },
    });
    expect((await callWith(t, 2, '/cloud/user', 'old', 'old-password')).status).toBe(200);
    expect(user(t, 'old')).toMatchObject({ firstLogin: -1, lastLogin: NOW_SECONDS });
  });
});

/**
 * Token logins set the last login from 31 on (Session::completeLogin, nextcloud/server#45020; absent
 * in 30.0.5): pinned to 31. test/releases/logins.test.ts shows 29 and 30, where they do not.
 */
describe('31: token logins (app passwords as Basic passwords, Bearer)', () => {
  /** An account that has never logged in but has an app password. */
  const fixture: Fixture = {
    groups: [{ id: 'admin' }],
    users: [
      { id: 'admin', password: 'admin', groups: ['admin'], lastLogin: '2026-01-01T00:00:00Z' },
      { id: 'erin', password: 'erin-password', appPasswords: ['erin-app-password-0001'] },
    ],
  };

  it('a first login with an app password records last and first login but creates no home (completeLogin: a token login is never the first one)', async () => {
    const t = await freshMock({ fixture, nextcloud: '31' });
    expect((await callWith(t, 2, '/cloud/user', 'erin', 'erin-app-password-0001')).status).toBe(200);
    expect(user(t, 'erin')).toMatchObject({ lastLogin: NOW_SECONDS, firstLogin: NOW_SECONDS, hasHome: false, usedBytes: 0 });
    const res = await call(t, 'get', 2, '/cloud/users/erin', { format: 'json' });
    expect((JSON.parse(res.text) as { ocs: { data: { quota: unknown } } }).ocs.data.quota).toEqual({ quota: 'none', used: 0 });
    // A later password login is not a first login either: still no home folder.
    expect((await callWith(t, 2, '/cloud/user', 'erin', 'erin-password')).status).toBe(200);
    expect(user(t, 'erin')).toMatchObject({ hasHome: false, usedBytes: 0 });
  });

  it('a Bearer token login records the last login too', async () => {
    const { t, clock } = await mockWithClock(TEST_NOW, { fixture, nextcloud: '31' });
    clock.now = TEST_NOW + 5 * MINUTE;
    const res = await request(t.app).get('/ocs/v2.php/cloud/user?format=json').set('Authorization', 'Bearer erin-app-password-0001');
    expect(res.status).toBe(200);
    expect(user(t, 'erin')).toMatchObject({ lastLogin: NOW_SECONDS + 300, firstLogin: NOW_SECONDS + 300 });
  });
});

describe('skeleton size', () => {
  it('server.skeletonBytes is what a first password login adds to the home folder', async () => {
    const t = await freshMock({
      fixture: {
        server: { skeletonBytes: 52_428_800 },
        groups: [{ id: 'admin' }],
        users: [
          { id: 'admin', password: 'admin', groups: ['admin'], lastLogin: '2026-01-01T00:00:00Z' },
          { id: 'erin', password: 'erin-password' },
        ],
      },
    });
    expect((await callWith(t, 2, '/cloud/user', 'erin', 'erin-password')).status).toBe(200);
    expect(user(t, 'erin')).toMatchObject({ hasHome: true, usedBytes: 52_428_800 });
  });
});
