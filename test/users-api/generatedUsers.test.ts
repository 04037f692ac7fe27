import { describe, expect, it } from 'vitest';
import { freshMock, VERSIONS, type TestMock } from '../support/mock.js';
import { controllerMeta, expectValidResponse, type Php } from '../support/operations.js';
import { call, callWith, expectAnswer, OK } from '../support/usersApi.js';

/**
 * Generated users (`--users N`, createMock({ users })) log in with a documented password: their id
 * followed by "-Password1" (README, "CLI"). It passes the password_policy app's rules (apps/password_policy/
 * lib/Validator: minLength 10, common passwords, and the enforce* options), so it can be set again.
 */

const documented = (id: string) => `${id}-Password1`;
const FIXTURE_USERS = new Set(['admin', 'alice', 'bob', 'carol', 'dave']);

/** The generated accounts of a mock that are enabled (a disabled one cannot log in, whatever its password). */
function generated(t: TestMock) {
  const users = [...t.mock.state.users.values()].filter((user) => !FIXTURE_USERS.has(user.id));
  return { enabled: users.filter((user) => user.enabled).map((user) => user.id) };
}

describe.each(['29.0.6', '34.0.1'])('generated users on %s', (release) => {
  it.each(VERSIONS)(`v%s JSON GET /cloud/user with <id> / <id>-Password1 -> 200 with their id, for every enabled generated user`, async (version) => {
    const t = await freshMock({ users: 40, seed: 7, nextcloud: release });
    const { enabled } = generated(t);
    expect(enabled.length).toBeGreaterThan(30);
    for (const id of enabled) {
      const res = await callWith(t, version, '/cloud/user', id, documented(id));
      expect(res.status, `${id}: ${res.text}`).toBe(200);
      const body = JSON.parse(res.text) as { ocs: { meta: Php; data: { id: string } } };
      expect(body.ocs.meta).toEqual(controllerMeta(version, 200, ''));
      expect(body.ocs.data.id).toBe(id);
      await expectValidResponse('users-get-current-user', 200, body as unknown as Php, release);
    }
  });

  it.each(VERSIONS)('v%s every password_policy rule switched on: a generated user logs in with <id>-Password1, and admin setting it again -> 100/200 (it passes them all)', async (version) => {
    const t = await freshMock({ users: 10, seed: 3, nextcloud: release });
    const config = t.mock.state.appConfig.get('password_policy') ?? new Map<string, string>();
    for (const key of ['enforceNumericCharacters', 'enforceUpperLowerCase', 'enforceSpecialCharacters', 'enforceNonCommonPassword']) config.set(key, '1');
    config.set('minLength', '10');
    t.mock.state.appConfig.set('password_policy', config);
    for (const id of generated(t).enabled) {
      expect((await callWith(t, version, '/cloud/user', id, documented(id))).status).toBe(200);
      const res = await call(t, 'put', version, `/cloud/users/${id}`, { format: 'json', form: true, body: { key: 'password', value: documented(id) } });
      await expectAnswer(res, version, 'json', OK, 'users-edit-user', release);
      expect((await callWith(t, version, '/cloud/user', id, documented(id))).status).toBe(200);
    }
  });
});
