import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { call, callWith, expectAnswer, OK } from '../support/usersApi.js';

/**
 * The password_policy app (enabled in the default fixture) on POST /cloud/users and on
 * PUT /cloud/users/{id} key `password`: PasswordValidator runs every rule of PasswordPolicyConfig
 * (defaults: at least 10 characters, not a common password) and joins the failed rules' messages;
 * UsersController::addUser answers them as 107, editUser as 103 (apps/provisioning_api
 * UsersController.php; apps/password_policy/lib/Validator/*.php).
 */

const COMMON = 'Password is among the 1,000,000 most common ones. Please make it unique.';
const tooShort = (min: number) => `Password needs to be at least ${min} characters long.`;
const NUMERIC = 'Password needs to contain at least one numeric character.';
const UPPER_LOWER = 'Password needs to contain at least one lower and one upper case character.';
const SPECIAL = 'Password needs to contain at least one special character.';

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

const addUser = (version: 1 | 2, password: string, format: 'json' | 'xml' = 'json', extra: Record<string, string> = {}) =>
  call(t, 'post', version, '/cloud/users', { format, form: true, body: { userid: 'newcomer', password, ...extra } });
const setPassword = (version: 1 | 2, as: string, uid: string, password: string) =>
  call(t, 'put', version, `/cloud/users/${uid}`, { user: as, format: 'json', form: true, body: { key: 'password', value: password } });
const policy = (key: string, value: string) => {
  const config = t.mock.state.appConfig.get('password_policy') ?? new Map<string, string>();
  config.set(key, value);
  t.mock.state.appConfig.set('password_policy', config);
};

describe.each(MATRIX)('password policy on create v$version $format', ({ version, format }) => {
  it(`v${version} ${format} a 5-character password -> 107 "${tooShort(10)}", no user`, async () => {
    await expectAnswer(await addUser(version, 'Ab3-x', format), version, format, { code: 107, message: tooShort(10) });
    expect(t.mock.state.users.has('newcomer')).toBe(false);
  });

  it(`v${version} ${format} "password" -> 107 with the common-password and the length message, joined`, async () => {
    await expectAnswer(await addUser(version, 'password', format), version, format, { code: 107, message: `${COMMON} ${tooShort(10)}` });
    expect(t.mock.state.users.has('newcomer')).toBe(false);
  });
});

describe.each(VERSIONS)('password policy v%s', (version) => {
  it(`v${version} create with "QwertyUIOP" (10 characters, common whatever the case) -> 107 "${COMMON}"`, async () => {
    await expectAnswer(await addUser(version, 'QwertyUIOP'), version, 'json', { code: 107, message: COMMON });
  });

  it(`v${version} a long uncommon password -> 200 where a short one got 107, and it logs in`, async () => {
    await expectAnswer(await addUser(version, 'Newcomer9'), version, 'json', { code: 107, message: tooShort(10) });
    await expectAnswer(await addUser(version, 'Newcomer-Secret-29'), version, 'json', { code: 200, data: { id: 'newcomer' } }, 'users-add-user');
    expect((await callWith(t, version, '/cloud/user', 'newcomer', 'Newcomer-Secret-29')).status).toBe(200);
  });

  it(`v${version} no password but an e-mail -> the generated password passes where a given short one does not`, async () => {
    await expectAnswer(await addUser(version, 'x', 'json', { email: 'newcomer@example.com' }), version, 'json', { code: 107, message: tooShort(10) });
    const res = await addUser(version, '', 'json', { email: 'newcomer@example.com' });
    await expectAnswer(res, version, 'json', { code: 200, data: { id: 'newcomer' } }, 'users-add-user');
  });

  it(`v${version} strlen counts bytes: four two-byte letters are too short, five are long enough`, async () => {
    await expectAnswer(await addUser(version, 'äöüß'), version, 'json', { code: 107, message: tooShort(10) });
    await expectAnswer(await addUser(version, 'äöüßé'), version, 'json', { code: 200, data: { id: 'newcomer' } }, 'users-add-user');
  });

  it(`v${version} admin sets bob's password to "short" -> 103 "${tooShort(10)}", the old password still works`, async () => {
    await expectAnswer(await setPassword(version, 'admin', 'bob', 'Sh0rt!'), version, 'json', { code: 103, message: tooShort(10) });
    expect((await callWith(t, version, '/cloud/user', 'bob', 'bob-password')).status).toBe(200);
  });

  it(`v${version} bob sets his own password to "1234567890" -> 103 "${COMMON}"`, async () => {
    await expectAnswer(await setPassword(version, 'bob', 'bob', '1234567890'), version, 'json', { code: 103, message: COMMON });
  });

  it(`v${version} every rule switched on -> the failed rules' messages in the validators' order`, async () => {
    policy('minLength', '4');
    policy('enforceNumericCharacters', '1');
    policy('enforceUpperLowerCase', '1');
    policy('enforceSpecialCharacters', '1');
    await expectAnswer(await addUser(version, 'abcd'), version, 'json', { code: 107, message: `${NUMERIC} ${UPPER_LOWER} ${SPECIAL}` });
    await expectAnswer(await addUser(version, 'aB3!'), version, 'json', { code: 200, data: { id: 'newcomer' } }, 'users-add-user');
  });

  it(`v${version} minLength set through the app config API -> the new minimum applies`, async () => {
    const set = await call(t, 'post', version, '/apps/provisioning_api/api/v1/config/apps/password_policy/minLength', {
      format: 'json',
      form: true,
      body: { value: '15' },
    });
    expect(set.status).toBe(200);
    await expectAnswer(await setPassword(version, 'admin', 'bob', 'Bob-Secret-29!'), version, 'json', { code: 103, message: tooShort(15) });
  });

  it(`v${version} enforceNonCommonPassword=0 -> a common 10-character password is accepted`, async () => {
    await expectAnswer(await setPassword(version, 'bob', 'bob', 'qwertyuiop'), version, 'json', { code: 103, message: COMMON });
    policy('enforceNonCommonPassword', '0');
    await expectAnswer(await setPassword(version, 'bob', 'bob', 'qwertyuiop'), version, 'json', OK, 'users-edit-user');
  });

  it(`v${version} password_policy disabled -> any non-empty password is accepted`, async () => {
    await expectAnswer(await addUser(version, 'abc'), version, 'json', { code: 107, message: `${tooShort(10)}` });
    expect((await call(t, 'delete', version, '/cloud/apps/password_policy', { format: 'json' })).status).toBe(200);
    await expectAnswer(await addUser(version, 'abc'), version, 'json', { code: 200, data: { id: 'newcomer' } }, 'users-add-user');
    await expectAnswer(await setPassword(version, 'bob', 'bob', 'x'), version, 'json', OK, 'users-edit-user');
  });
});
