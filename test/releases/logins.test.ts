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

describe('app-password logins', () => {
  it('29 and 30 leave the last login at 0, and the later password login is the first one (home created); 31.0.2 sets last and first login (lastLoginTimestamp, firstLoginTimestamp) but creates no home', async () => {
    for (const release of ['29', '30']) {
      const { t, clock } = await mockAt(release);
      expect((await callWith(t, 2, '/cloud/user', 'erin', 'erin-app-password-0001')).status).toBe(200);
      expect(user(t, 'erin')).toMatchObject({ lastLogin: 0, firstLogin: 0, hasHome: false, usedBytes: 0 });
      expect(await loginFields(t, 'erin')).toEqual({ lastLogin: 0, quota: { quota: 'none', used: 0 } });
      clock.now = TEST_NOW + 5 * MINUTE;
      expect((await callWith(t, 2, '/cloud/user', 'erin', 'erin-password')).status).toBe(200);
      expect(user(t, 'erin')).toMatchObject({ lastLogin: NOW + 300, firstLogin: 0, hasHome: true, usedBytes: 164 });
      expect((await loginFields(t, 'erin')).lastLogin).toBe((NOW + 300) * 1000);
    }

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
});

describe('Bearer logins', () => {
  it('29 and 30 leave the last login as it was; 31.0.2 sets it', async () => {
    for (const release of ['29', '30', '31.0.2']) {
      const { t, clock } = await mockAt(release);
      clock.now = TEST_NOW + 5 * MINUTE;
      const res = await request(t.app).get('/ocs/v2.php/cloud/user?format=json').set('Authorization', 'Bearer erin-app-password-0001');
      expect(res.status).toBe(200);
      const expected = release === '31.0.2' ? { lastLogin: NOW + 300, firstLogin: NOW + 300 } : { lastLogin: 0, firstLogin: 0 };
      expect(user(t, 'erin'), release).toMatchObject(expected);
    }
  });
});

describe('first logins', () => {
  it('29 and 30 record none; 31.0.2 gives an account that logged in before firstLoginTimestamp -1 at its next login', async () => {
    for (const release of ['29', '30']) {
      const { t } = await mockAt(release);
      expect((await callWith(t, 2, '/cloud/user', 'old', 'old-password')).status).toBe(200);
      expect(user(t, 'old'), release).toMatchObject({ lastLogin: NOW, firstLogin: 0 });
    }
    const { t } = await mockAt('31.0.2');
    expect((await callWith(t, 2, '/cloud/user', 'old', 'old-password')).status).toBe(200);
    expect(user(t, 'old')).toMatchObject({ lastLogin: NOW, firstLogin: -1 });
    expect((await loginFields(t, 'old')).firstLoginTimestamp).toBe(-1);
  });
});
