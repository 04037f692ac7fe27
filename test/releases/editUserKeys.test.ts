import { describe, expect, it } from 'vitest';
import { freshMock, ocs, VERSIONS, type TestMock, type Version } from '../support/mock.js';
import { expectOcs } from '../support/operations.js';

/**
 * editUser keys and e-mail handling per release (DIFFERENCES.md §6; UsersController::editUser,
 * editUserMultiValue and addUser of 29.0.6, 30.0.5, 31.0.6, 31.0.11, 32.0.2).
 */

const OK = { code: 200 };

function edit(t: TestMock, version: Version, as: string, target: string, key: string, value: string) {
  return ocs(t.app, 'put', version, `/cloud/users/${target}`, { user: as, format: 'json' }).type('form').send({ key, value });
}

const userOf = (t: TestMock, id: string) => t.mock.state.users.get(id)!;
const firstDayOf = (t: TestMock, id: string) => userOf(t, id).preferences.get('core')?.get('first_day_of_week');

describe.each(VERSIONS)('editUser keys per release, v%s', (version) => {
  it(`29: first_day_of_week, birthdate and birthdateScope are no keys -> 103 ''`, async () => {
    const t = await freshMock({ nextcloud: '29' });
    for (const key of ['first_day_of_week', 'birthdate', 'birthdateScope']) {
      await expectOcs(await edit(t, version, 'bob', 'bob', key, '1'), version, 'json', { code: 103, message: '' });
    }
    expect(firstDayOf(t, 'bob')).toBeUndefined();
  });

  it('30: first_day_of_week 0..6 stored as sent (also by an admin), -1 deletes it', async () => {
    const t = await freshMock({ nextcloud: '30' });
    await expectOcs(await edit(t, version, 'bob', 'bob', 'first_day_of_week', '3'), version, 'json', OK);
    expect(firstDayOf(t, 'bob')).toBe('3');
    await expectOcs(await edit(t, version, 'admin', 'bob', 'first_day_of_week', '6'), version, 'json', OK);
    expect(firstDayOf(t, 'bob')).toBe('6');
    // (int)'abc' is 0: accepted, and the value is stored as sent.
    await expectOcs(await edit(t, version, 'bob', 'bob', 'first_day_of_week', 'abc'), version, 'json', OK);
    expect(firstDayOf(t, 'bob')).toBe('abc');
    await expectOcs(await edit(t, version, 'bob', 'bob', 'first_day_of_week', '-1'), version, 'json', OK);
    expect(firstDayOf(t, 'bob')).toBeUndefined();
  });

  it(`30: first_day_of_week 7 or -2 -> 101 'Invalid first day of week', unchanged`, async () => {
    const t = await freshMock({ nextcloud: '30' });
    for (const value of ['7', '-2']) {
      await expectOcs(await edit(t, version, 'bob', 'bob', 'first_day_of_week', value), version, 'json', { code: 101, message: 'Invalid first day of week' });
    }
    expect(firstDayOf(t, 'bob')).toBeUndefined();
  });

  it(`30: birthdate and birthdateScope for oneself stored; an admin editing another's birthdate -> 113 ''`, async () => {
    const t = await freshMock({ nextcloud: '30' });
    await expectOcs(await edit(t, version, 'bob', 'bob', 'birthdate', '1990-04-01'), version, 'json', OK);
    await expectOcs(await edit(t, version, 'bob', 'bob', 'birthdateScope', 'v2-private'), version, 'json', OK);
    expect(userOf(t, 'bob').birthdate).toEqual({ value: '1990-04-01', scope: 'v2-private' });
    await expectOcs(await edit(t, version, 'admin', 'bob', 'birthdate', '2000-01-01'), version, 'json', { code: 113, message: '' });
    expect(userOf(t, 'bob').birthdate.value).toBe('1990-04-01');
  });

  it(`31.0.11: timezone is no key -> 113 ''`, async () => {
    const t = await freshMock({ nextcloud: '31.0.11' });
    await expectOcs(await edit(t, version, 'bob', 'bob', 'timezone', 'Europe/Berlin'), version, 'json', { code: 113, message: '' });
    expect(userOf(t, 'bob').timezone).toBe('');
  });

  it('32: timezone set by the user and by an admin (UTC and current IANA names)', async () => {
    const t = await freshMock({ nextcloud: '32' });
    await expectOcs(await edit(t, version, 'bob', 'bob', 'timezone', 'Europe/Berlin'), version, 'json', OK);
    expect(userOf(t, 'bob').timezone).toBe('Europe/Berlin');
    await expectOcs(await edit(t, version, 'admin', 'bob', 'timezone', 'Asia/Kolkata'), version, 'json', OK);
    expect(userOf(t, 'bob').timezone).toBe('Asia/Kolkata');
    await expectOcs(await edit(t, version, 'bob', 'bob', 'timezone', 'UTC'), version, 'json', OK);
    expect(userOf(t, 'bob').timezone).toBe('UTC');
  });

  it(`32: timezone not among DateTimeZone::listIdentifiers() -> 101 'Invalid timezone', unchanged`, async () => {
    const t = await freshMock({ nextcloud: '32' });
    for (const value of ['Mars/Olympus_Mons', 'europe/berlin', 'CET', '']) {
      await expectOcs(await edit(t, version, 'bob', 'bob', 'timezone', value), version, 'json', { code: 101, message: 'Invalid timezone' });
    }
    expect(userOf(t, 'bob').timezone).toBe('');
  });

  it('31.0.6: e-mail stored as sent; surrounding spaces make it invalid -> 101', async () => {
    const t = await freshMock({ nextcloud: '31.0.6' });
    await expectOcs(await edit(t, version, 'admin', 'bob', 'email', 'Rob@Example.COM'), version, 'json', OK);
    expect(userOf(t, 'bob').email).toBe('Rob@Example.COM');
    await expectOcs(await edit(t, version, 'admin', 'bob', 'email', ' rob@example.org '), version, 'json', { code: 101, message: '' });
    await expectOcs(await edit(t, version, 'bob', 'bob', 'additional_mail', ' extra@example.org '), version, 'json', { code: 101, message: '' });
  });

  it('31.0.11: e-mail and additional_mail lower-cased and trimmed before they are checked and stored', async () => {
    const t = await freshMock({ nextcloud: '31.0.11' });
    await expectOcs(await edit(t, version, 'admin', 'bob', 'email', ' Rob@Example.COM '), version, 'json', OK);
    expect(userOf(t, 'bob').email).toBe('rob@example.com');
    await expectOcs(await edit(t, version, 'bob', 'bob', 'additional_mail', ' Extra@Example.org '), version, 'json', OK);
    expect(userOf(t, 'bob').additionalMail.map((mail) => mail.address)).toEqual(['extra@example.org']);
  });
});

describe.each(VERSIONS)('addUser e-mail per release, v%s', (version) => {
  const add = (t: TestMock, email: string) =>
    ocs(t.app, 'post', version, '/cloud/users', { format: 'json' }).type('form').send({ userid: 'erin', password: 'Temp-Secret-29!', email });

  it('31.0.6: the address is stored as sent', async () => {
    const t = await freshMock({ nextcloud: '31.0.6' });
    await expectOcs(await add(t, 'Erin@Example.COM'), version, 'json', { code: 200, data: { id: 'erin' } });
    expect(userOf(t, 'erin').email).toBe('Erin@Example.COM');
  });

  it('31.0.11: the address is stored lower-cased and trimmed', async () => {
    const t = await freshMock({ nextcloud: '31.0.11' });
    await expectOcs(await add(t, ' Erin@Example.COM '), version, 'json', { code: 200, data: { id: 'erin' } });
    expect(userOf(t, 'erin').email).toBe('erin@example.com');
  });
});

describe.each(VERSIONS)('editUserMultiValue: removing the notification address, v%s', (version) => {
  async function removeNotifyAddress(release: string): Promise<TestMock> {
    const t = await freshMock({ nextcloud: release });
    // An address an admin adds is verified, so it may become the notification address.
    const path = '/cloud/users/bob/additional_mail';
    const addRes = await ocs(t.app, 'put', version, path, { format: 'json' }).type('form').send({ key: '', value: 'note@example.org' });
    await expectOcs(addRes, version, 'json', OK);
    await expectOcs(await edit(t, version, 'bob', 'bob', 'notify_email', 'note@example.org'), version, 'json', OK);
    const removeRes = await ocs(t.app, 'put', version, path, { format: 'json' }).type('form').send({ key: 'note@example.org', value: '' });
    await expectOcs(removeRes, version, 'json', OK);
    expect(userOf(t, 'bob').additionalMail).toEqual([]);
    return t;
  }

  it('29: the notification address stays set', async () => {
    expect(userOf(await removeNotifyAddress('29'), 'bob').notifyEmail).toBe('note@example.org');
  });

  it('30: the notification address is cleared with it', async () => {
    expect(userOf(await removeNotifyAddress('30'), 'bob').notifyEmail).toBeNull();
  });
});
