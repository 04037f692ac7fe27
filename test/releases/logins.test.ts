import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Fixture } from '../../src/state/fixtureFile.js';
import { freshMock, TEST_NOW, type TestMock } from '../support/mock.js';
import { call, callWith, user } from '../support/usersApi.js';

/**
 * What a login records, per release (lib/private/User/Session.php::completeLogin, lib/private/User/
 * User.php::updateLastLoginTimestamp). Token logins (an app password as Basic password, Bearer) set
 * the last login from 31.0.2 on (nextcloud/server#45020); 29.0.6 and 30.0.5 skip it. The first
 * login is recorded from 31 on, -1 for an account that logged in before.
 */

const NOW = Math.floor(TEST_NOW / 1000);
const MINUTE = 60_000;

/** erin has never logged in and has an app password. */
const FIXTURE: Fixture = {
  groups: [{ id: 'admin' }],
  users: [
    { id: 'admin', password: 'admin', groups: ['admin'], lastLogin: '2026-01-01T00:00:00Z' },
    { id: 'erin', password: 'erin-password', appPasswords: ['erin-app-password-0001'] },
    { id: 'old', password: 'old-password', lastLogin: '2026-01-01T00:00:00Z', firstLogin: 0 },
  ],
};

async function mockAt(release: string) {
  const clock = { now: TEST_NOW };
  const t = await freshMock({ fixture: FIXTURE, nextcloud: release, clock: () => clock.now });
  return { t, clock };
}

/** The login fields of GET /cloud/users/{id} (v2 JSON, as admin). */
async function loginFields(t: TestMock, id: string): Promise<Record<string, unknown>> {
  const res = await call(t, 'get', 2, `/cloud/users/${id}`, { format: 'json' });
  const data = (JSON.parse(res.text) as { ocs: { data: Record<string, unknown> } }).ocs.data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => /login/i.test(key) || key === 'quota'));
}

describe.each(['29', '30'])('%s: token logins record nothing', (release) => {
  it(`${release}: an app-password login leaves the last login at 0; the later password login is the first one and creates the home`, async () => {
    const { t, clock } = await mockAt(release);
    expect((await callWith(t, 2, '/cloud/user', 'erin', 'erin-app-password-0001')).status).toBe(200);
    expect(user(t, 'erin')).toMatchObject({ lastLogin: 0, firstLogin: 0, hasHome: false, usedBytes: 0 });
    expect(await loginFields(t, 'erin')).toEqual({ lastLogin: 0, quota: { quota: 'none', used: 0 } });

    clock.now = TEST_NOW + 5 * MINUTE;
    expect((await callWith(t, 2, '/cloud/user', 'erin', 'erin-password')).status).toBe(200);
    expect(user(t, 'erin')).toMatchObject({ lastLogin: NOW + 300, firstLogin: 0, hasHome: true, usedBytes: 164 });
    expect((await loginFields(t, 'erin')).lastLogin).toBe((NOW + 300) * 1000);
  });

  it(`${release}: a Bearer login leaves the last login as it was`, async () => {
    const { t } = await mockAt(release);
    const res = await request(t.app).get('/ocs/v2.php/cloud/user?format=json').set('Authorization', 'Bearer erin-app-password-0001');
    expect(res.status).toBe(200);
    expect(user(t, 'erin')).toMatchObject({ lastLogin: 0, firstLogin: 0 });
  });

  it(`${release}: a password login of an account that logged in before records no first login`, async () => {
    const { t } = await mockAt(release);
    expect((await callWith(t, 2, '/cloud/user', 'old', 'old-password')).status).toBe(200);
    expect(user(t, 'old')).toMatchObject({ lastLogin: NOW, firstLogin: 0 });
  });
});

describe('31.0.2: token logins count, first logins are recorded', () => {
  it('an app-password login sets last and first login (shown as lastLoginTimestamp and firstLoginTimestamp) but creates no home', async () => {
    const { t } = await mockAt('31.0.2');
    expect((await callWith(t, 2, '/cloud/user', 'erin', 'erin-app-password-0001')).status).toBe(200);
    expect(user(t, 'erin')).toMatchObject({ lastLogin: NOW, firstLogin: NOW, hasHome: false, usedBytes: 0 });
    expect(await loginFields(t, 'erin')).toEqual({
      firstLoginTimestamp: NOW,
      lastLoginTimestamp: NOW,
      lastLogin: NOW * 1000,
      quota: { quota: 'none', used: 0 },
    });
  });

  it('a Bearer login sets the last login', async () => {
    const { t, clock } = await mockAt('31.0.2');
    clock.now = TEST_NOW + 5 * MINUTE;
    const res = await request(t.app).get('/ocs/v2.php/cloud/user?format=json').set('Authorization', 'Bearer erin-app-password-0001');
    expect(res.status).toBe(200);
    expect(user(t, 'erin')).toMatchObject({ lastLogin: NOW + 300, firstLogin: NOW + 300 });
  });

  it('an account that logged in before gets firstLoginTimestamp -1 at its next login', async () => {
    const { t } = await mockAt('31.0.2');
    expect((await callWith(t, 2, '/cloud/user', 'old', 'old-password')).status).toBe(200);
    expect(user(t, 'old')).toMatchObject({ lastLogin: NOW, firstLogin: -1 });
    expect((await loginFields(t, 'old')).firstLoginTimestamp).toBe(-1);
  });
});
