import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { expectFramework996, httpStatusFor } from '../support/operations.js';
import { call, callWith, details, expectAnswer, OK, user } from '../support/usersApi.js';

/** PUT /cloud/users/{userId} — users-edit-user (UsersController::editUser). */
const OP = 'users-edit-user';

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

function edit(version: 1 | 2, as: string, target: string, key: string, value: string, format: 'json' | 'xml' = 'json') {
  return call(t, 'put', version, `/cloud/users/${target}`, { user: as, format, body: { key, value } });
}

describe.each(MATRIX)('editUser v$version $format', ({ version, format }) => {
  it(`v${version} ${format} alice edits her own displayname -> ok, HTTP 200, stored`, async () => {
    const res = await edit(version, 'alice', 'alice', 'displayname', 'Alice Anderson', format);
    await expectAnswer(res, version, format, OK, OP);
    expect(user(t, 'alice').displayname).toBe('Alice Anderson');
    expect((await details(t, 'alice')).displayname).toBe('Alice Anderson');
  });

  it(`v${version} ${format} bob edits his own quota -> 103 '', HTTP ${httpStatusFor(version, 103)}, unchanged`, async () => {
    const res = await edit(version, 'bob', 'bob', 'quota', '1 GB', format);
    await expectAnswer(res, version, format, { code: 103, message: '' });
    expect(user(t, 'bob').quota).toBe('default');
  });

  it(`v${version} ${format} edit of a missing user -> 998 '', HTTP ${httpStatusFor(version, 998)}`, async () => {
    const res = await edit(version, 'admin', 'nobody', 'displayname', 'X', format);
    await expectAnswer(res, version, format, { code: 998, message: '' });
    expect(t.mock.state.users.has('nobody')).toBe(false);
  });

  it(`v${version} ${format} form-encoded body works like JSON`, async () => {
    const res = await call(t, 'put', version, '/cloud/users/bob', { format, form: true, body: { key: 'address', value: 'Foo Bar Town' } });
    await expectAnswer(res, version, format, OK, OP);
    expect(user(t, 'bob').properties.address.value).toBe('Foo Bar Town');
  });
});

describe.each(VERSIONS)('editUser v%s: keys a user edits for themself', (version) => {
  it(`v${version} display (legacy key) sets the display name`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'display', 'Robert Brown'), version, 'json', OK, OP);
    expect((await details(t, 'bob')).displayname).toBe('Robert Brown');
    expect((await details(t, 'bob'))['display-name']).toBe('Robert Brown');
  });

  it(`v${version} displayname is trimmed; an empty one ('', '0') is ignored (ok, unchanged)`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'displayname', '  Bobby  '), version, 'json', OK, OP);
    expect(user(t, 'bob').displayname).toBe('Bobby');
    await expectAnswer(await edit(version, 'bob', 'bob', 'displayname', '   '), version, 'json', OK, OP);
    expect(user(t, 'bob').displayname).toBe('Bobby');
    // PHP empty('0') is true as well.
    await expectAnswer(await edit(version, 'bob', 'bob', 'displayname', '0'), version, 'json', OK, OP);
    expect(user(t, 'bob').displayname).toBe('Bobby');
  });

  it(`v${version} displayname of 65 characters -> 101 'Invalid displayname', HTTP ${httpStatusFor(version, 101)}`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'displayname', 'x'.repeat(65)), version, 'json', { code: 101, message: 'Invalid displayname' });
    expect(user(t, 'bob').displayname).toBe('Bob Brown');
    await expectAnswer(await edit(version, 'bob', 'bob', 'displayname', 'é'.repeat(64)), version, 'json', OK, OP);
    expect(user(t, 'bob').displayname).toBe('é'.repeat(64));
  });

  it(`v${version} email: valid address stored, '' clears it to null`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'email', 'robert@example.org'), version, 'json', OK, OP);
    expect((await details(t, 'bob')).email).toBe('robert@example.org');
    await expectAnswer(await edit(version, 'bob', 'bob', 'email', ''), version, 'json', OK, OP);
    expect((await details(t, 'bob')).email).toBe(null);
    expect(user(t, 'bob').email).toBe(null);
  });

  // Refused values are 102 up to 29, 101 from 30 (recordings users-edit-user/email-invalid,
  // additional-mail-duplicate, as-subadmin-notify-email).
  it(`v${version} email 'not-an-email' -> 102 '', HTTP ${httpStatusFor(version, 102)}, unchanged`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'email', 'not-an-email'), version, 'json', { code: 102, message: '' });
    expect(user(t, 'bob').email).toBe('bob@example.com');
  });

  it(`v${version} additional_mail: added; the primary address or a duplicate again -> 102`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'additional_mail', 'no.reply@nextcloud.com'), version, 'json', OK, OP);
    await expectAnswer(await edit(version, 'bob', 'bob', 'additional_mail', 'noreply@nextcloud.com'), version, 'json', OK, OP);
    await expectAnswer(await edit(version, 'bob', 'bob', 'additional_mail', 'bob@example.com'), version, 'json', { code: 102, message: '' });
    await expectAnswer(await edit(version, 'bob', 'bob', 'additional_mail', 'noreply@nextcloud.com'), version, 'json', { code: 102, message: '' });
    await expectAnswer(await edit(version, 'bob', 'bob', 'additional_mail', 'not-an-email'), version, 'json', { code: 102, message: '' });
    const data = await details(t, 'bob', 'bob');
    expect(data.additional_mail).toEqual(['no.reply@nextcloud.com', 'noreply@nextcloud.com']);
    expect(data.additional_mailScope).toEqual(['v2-local', 'v2-local']);
  });

  it(`v${version} phone '+49 711 / 25 24 28-90' is stored as E.164 '+4971125242890'`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'phone', '+49 711 / 25 24 28-90'), version, 'json', OK, OP);
    expect(user(t, 'bob').properties.phone.value).toBe('+4971125242890');
    expect((await details(t, 'bob')).phone).toBe('+4971125242890');
  });

  it(`v${version} phone without country code (no default region) -> 101 'Invalid phone', unchanged (34.0.1)`, async () => {
    // 29 and 30 store an invalid phone or website as '' with 200 (AccountManager::updateAccount without
    // throwOnData; recordings users-edit-user/phone-invalid, as-subadmin-website-invalid): the refusal
    // asserted here is 34.0.1's (sanitizeProperty*, 101).
    t = await freshMock({ nextcloud: '34.0.1' });
    await expectAnswer(await edit(version, 'alice', 'alice', 'phone', '0711 / 25 24 28-90'), version, 'json', { code: 101, message: 'Invalid phone' });
    expect(user(t, 'alice').properties.phone.value).toBe('+4971125242890');
  });

  it(`v${version} phone '' clears the number`, async () => {
    await expectAnswer(await edit(version, 'alice', 'alice', 'phone', ''), version, 'json', OK, OP);
    expect(user(t, 'alice').properties.phone.value).toBe('');
  });

  it(`v${version} website https URL stored; 'not a url' -> 101 'Invalid website' (34.0.1)`, async () => {
    // 29 and 30 store an invalid phone or website as '' with 200 (AccountManager::updateAccount without
    // throwOnData; recordings users-edit-user/phone-invalid, as-subadmin-website-invalid): the refusal
    // asserted here is 34.0.1's (sanitizeProperty*, 101).
    t = await freshMock({ nextcloud: '34.0.1' });
    await expectAnswer(await edit(version, 'bob', 'bob', 'website', 'https://nextcloud.com'), version, 'json', OK, OP, '34.0.1');
    expect((await details(t, 'bob')).website).toBe('https://nextcloud.com');
    await expectAnswer(await edit(version, 'bob', 'bob', 'website', 'not a url'), version, 'json', { code: 101, message: 'Invalid website' });
    await expectAnswer(await edit(version, 'bob', 'bob', 'website', 'ftp://example.com'), version, 'json', { code: 101, message: 'Invalid website' });
    expect(user(t, 'bob').properties.website.value).toBe('https://nextcloud.com');
  });

  it(`v${version} fediverse handle stored; 'not a handle' -> 101 'Invalid fediverse' (34.0.1)`, async () => {
    // 29 and 30 store an invalid phone or website as '' with 200 (AccountManager::updateAccount without
    // throwOnData; recordings users-edit-user/phone-invalid, as-subadmin-website-invalid): the refusal
    // asserted here is 34.0.1's (sanitizeProperty*, 101).
    t = await freshMock({ nextcloud: '34.0.1' });
    await expectAnswer(await edit(version, 'bob', 'bob', 'fediverse', 'bob@mastodon.social'), version, 'json', OK, OP, '34.0.1');
    expect((await details(t, 'bob')).fediverse).toBe('bob@mastodon.social');
    await expectAnswer(await edit(version, 'bob', 'bob', 'fediverse', 'not a handle'), version, 'json', { code: 101, message: 'Invalid fediverse' });
    expect(user(t, 'bob').properties.fediverse.value).toBe('bob@mastodon.social');
  });

  for (const [key, value] of [
    ['address', 'Foo Bar Town'],
    ['twitter', 'Nextcloud'],
    ['organisation', 'Nextcloud GmbH'],
    ['role', 'Engineer'],
    ['headline', 'Making things work'],
    ['biography', 'Bob likes <b>bold</b> & "quotes"'],
    ['profile_enabled', '0'],
  ] as const) {
    it(`v${version} ${key} '${value}' is stored as given`, async () => {
      await expectAnswer(await edit(version, 'bob', 'bob', key, value), version, 'json', OK, OP);
      expect(user(t, 'bob').properties[key].value).toBe(value);
      expect((await details(t, 'bob'))[key]).toBe(value);
    });
  }

  it(`v${version} password: the new one logs in, the old one gets 997 Unauthorised (HTTP 401)`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'password', 'A-new-Secret-42'), version, 'json', OK, OP);
    expect((await callWith(t, version, '/cloud/user', 'bob', 'A-new-Secret-42')).status).toBe(200);
    const old = await callWith(t, 1, '/cloud/user', 'bob', 'bob-password', 'xml');
    expect(old.status).toBe(401);
    expect(old.text).toContain('<statuscode>997</statuscode>');
    expect(old.text).toContain('<message>Unauthorised</message>');
  });

  it(`v${version} password of 470 characters -> 102 'Invalid password value', old password still works`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'password', 'p'.repeat(470)), version, 'json', { code: 102, message: 'Invalid password value' });
    expect(user(t, 'bob').password).toBe('bob-password');
    await expectAnswer(await edit(version, 'bob', 'bob', 'password', 'p'.repeat(469)), version, 'json', OK, OP);
    expect(user(t, 'bob').password).toBe('p'.repeat(469));
  });

  it(`v${version} language 'fr' stored; 'xx' -> 102 'Invalid language'`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'language', 'fr'), version, 'json', OK, OP);
    expect((await details(t, 'bob')).language).toBe('fr');
    await expectAnswer(await edit(version, 'bob', 'bob', 'language', 'xx'), version, 'json', { code: 102, message: 'Invalid language' });
    expect(user(t, 'bob').language).toBe('fr');
  });

  it(`v${version} locale 'de_DE' stored; 'xx_XX' -> 102 'Invalid locale'`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'locale', 'de_DE'), version, 'json', OK, OP);
    expect((await details(t, 'bob')).locale).toBe('de_DE');
    await expectAnswer(await edit(version, 'bob', 'bob', 'locale', 'xx_XX'), version, 'json', { code: 102, message: 'Invalid locale' });
    expect(user(t, 'bob').locale).toBe('de_DE');
  });

  it(`v${version} notify_email '' clears the choice (shown as null, no primary_email preference); invalid or unknown address -> 102 ''`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'notify_email', ''), version, 'json', OK, OP);
    expect((await details(t, 'bob')).notify_email).toBe(null);
    await expectAnswer(await edit(version, 'bob', 'bob', 'notify_email', 'not-an-email'), version, 'json', { code: 102, message: '' });
    await expectAnswer(await edit(version, 'bob', 'bob', 'notify_email', 'stranger@example.org'), version, 'json', { code: 102, message: '' });
    expect(user(t, 'bob').notifyEmail).toBe(null);
  });

  it(`v${version} notify_email set to the system address itself -> 102 '' (only additional addresses qualify)`, async () => {
    await expectAnswer(await edit(version, 'bob', 'bob', 'notify_email', 'bob@example.com'), version, 'json', { code: 102, message: '' });
    expect(user(t, 'bob').notifyEmail).toBe(null);
  });

  it(`v${version} admin may edit their own quota and manager`, async () => {
    await expectAnswer(await edit(version, 'admin', 'admin', 'quota', '10 GB'), version, 'json', OK, OP);
    expect(user(t, 'admin').quota).toBe('10 GB');
    await expectAnswer(await edit(version, 'admin', 'admin', 'manager', 'alice'), version, 'json', OK, OP);
    expect(user(t, 'admin').managers).toEqual(['alice']);
  });

  for (const key of ['quota', 'manager', 'foo', 'enabled', 'storageLocation']) {
    // 103 up to 29, 113 from 30 (recordings users-edit-user/as-user-self-quota, as-user-self-manager).
    it(`v${version} plain user bob edits his own '${key}' -> 103 '', HTTP ${httpStatusFor(version, 103)}`, async () => {
      await expectAnswer(await edit(version, 'bob', 'bob', key, 'x'), version, 'json', { code: 103, message: '' });
    });
  }
});

const SCOPE_KEYS = [
  'displaynameScope',
  'emailScope',
  'avatarScope',
  'phoneScope',
  'addressScope',
  'websiteScope',
  'twitterScope',
  'fediverseScope',
  'organisationScope',
  'roleScope',
  'headlineScope',
  'biographyScope',
  'profile_enabledScope',
];

describe.each(VERSIONS)('editUser v%s: scopes', (version) => {
  for (const key of SCOPE_KEYS) {
    it(`v${version} bob sets his own ${key} to v2-published -> ok, read back through GET /cloud/users/bob`, async () => {
      await expectAnswer(await edit(version, 'bob', 'bob', key, 'v2-published'), version, 'json', OK, OP);
      expect((await details(t, 'bob', 'bob'))[key]).toBe('v2-published');
    });

    // 102 up to 29, 101 from 30 (recording users-edit-user/as-user-self-scope-invalid).
    it(`v${version} ${key} 'invalid' -> 102 'Invalid Invalid scope', HTTP ${httpStatusFor(version, 102)}`, async () => {
      const before = (await details(t, 'bob', 'bob'))[key];
      await expectAnswer(await edit(version, 'bob', 'bob', key, 'invalid'), version, 'json', { code: 102, message: 'Invalid Invalid scope' });
      expect((await details(t, 'bob', 'bob'))[key]).toBe(before);
    });
  }

  for (const key of ['displaynameScope', 'emailScope']) {
    it(`v${version} ${key} v2-private -> 102 'Invalid scope', HTTP ${httpStatusFor(version, 102)}, unchanged`, async () => {
      await expectAnswer(await edit(version, 'bob', 'bob', key, 'v2-private'), version, 'json', { code: 102, message: 'Invalid scope' });
      expect((await details(t, 'bob', 'bob'))[key]).toBe('v2-federated');
    });
  }

  it(`v${version} phoneScope v2-private, twitterScope v2-local, addressScope v2-federated, emailScope v2-published (integration test)`, async () => {
    for (const [key, value] of [
      ['phoneScope', 'v2-private'],
      ['twitterScope', 'v2-local'],
      ['addressScope', 'v2-federated'],
      ['emailScope', 'v2-published'],
    ]) {
      await expectAnswer(await edit(version, 'bob', 'bob', key, value), version, 'json', OK, OP);
    }
    const data = await details(t, 'bob', 'bob');
    expect([data.phoneScope, data.twitterScope, data.addressScope, data.emailScope]).toEqual(['v2-private', 'v2-local', 'v2-federated', 'v2-published']);
  });

  it(`v${version} legacy scope names map to v2 (private -> v2-local, contacts -> v2-federated, public -> v2-published, '' -> v2-local)`, async () => {
    for (const [value, stored] of [
      ['public', 'v2-published'],
      ['private', 'v2-local'],
      ['contacts', 'v2-federated'],
      ['v2-published', 'v2-published'],
      ['', 'v2-local'],
    ]) {
      await expectAnswer(await edit(version, 'bob', 'bob', 'phoneScope', value), version, 'json', OK, OP);
      expect(user(t, 'bob').properties.phone.scope).toBe(stored);
    }
  });

  it(`v${version} admin editing another user's phoneScope -> 103 '' (integration test: an admin cannot edit user account property scopes)`, async () => {
    await expectAnswer(await edit(version, 'admin', 'bob', 'phoneScope', 'v2-private'), version, 'json', { code: 103, message: '' });
    expect(user(t, 'bob').properties.phone.scope).toBe('v2-local');
  });

  it(`v${version} sub-admin alice editing bob's displaynameScope -> 103 ''`, async () => {
    await expectAnswer(await edit(version, 'alice', 'bob', 'displaynameScope', 'v2-local'), version, 'json', { code: 103, message: '' });
    expect(user(t, 'bob').displaynameScope).toBe('v2-federated');
  });
});

describe.each(VERSIONS)('editUser v%s: admin and sub-admin editing others', (version) => {
  for (const [value, stored] of [
    ['5 GB', '5 GB'],
    ['1073741824', '1 GB'],
    ['12MB', '12 MB'],
    ['none', 'none'],
    ['default', 'default'],
    ['-1', 'none'],
  ]) {
    it(`v${version} admin sets bob's quota '${value}' -> stored as '${stored}'`, async () => {
      await expectAnswer(await edit(version, 'admin', 'bob', 'quota', value), version, 'json', OK, OP);
      expect(user(t, 'bob').quota).toBe(stored);
    });
  }

  it(`v${version} admin sets bob's quota '5 GB' -> GET shows quota 5368709120`, async () => {
    await expectAnswer(await edit(version, 'admin', 'bob', 'quota', '5 GB'), version, 'json', OK, OP);
    expect(((await details(t, 'bob')).quota as Record<string, unknown>).quota).toBe(5368709120);
  });

  it(`v${version} edit quota with 'abc' -> 102 'Invalid quota value: abc', HTTP ${httpStatusFor(version, 102)}`, async () => {
    await expectAnswer(await edit(version, 'admin', 'bob', 'quota', 'abc'), version, 'json', { code: 102, message: 'Invalid quota value: abc' });
    expect(user(t, 'bob').quota).toBe('default');
  });

  it(`v${version} quota above files/max_quota -> 102 'Invalid quota value. 2 GB is exceeding the maximum quota'`, async () => {
    t.mock.state.appConfig.get('files')!.set('max_quota', '1073741824');
    await expectAnswer(await edit(version, 'admin', 'bob', 'quota', '2 GB'), version, 'json', {
      code: 102,
      message: 'Invalid quota value. 2 GB is exceeding the maximum quota',
    });
    expect(user(t, 'bob').quota).toBe('default');
    await expectAnswer(await edit(version, 'admin', 'bob', 'quota', '1 GB'), version, 'json', OK, OP);
    expect(user(t, 'bob').quota).toBe('1 GB');
  });

  it(`v${version} files/allow_unlimited_quota 0: 'none' and '-1' -> 102 'Unlimited quota is forbidden on this instance'`, async () => {
    t.mock.state.appConfig.get('files')!.set('allow_unlimited_quota', '0');
    for (const value of ['none', '-1']) {
      await expectAnswer(await edit(version, 'admin', 'bob', 'quota', value), version, 'json', {
        code: 102,
        message: 'Unlimited quota is forbidden on this instance',
      });
    }
    expect(user(t, 'bob').quota).toBe('default');
  });

  it(`v${version} admin sets bob's manager to alice -> GET shows manager 'alice'`, async () => {
    await expectAnswer(await edit(version, 'admin', 'bob', 'manager', 'alice'), version, 'json', OK, OP);
    expect((await details(t, 'bob')).manager).toBe('alice');
  });

  it(`v${version} admin sets another user's password, email, language, phone`, async () => {
    await expectAnswer(await edit(version, 'admin', 'dave', 'password', 'Dave-New-Pass-1'), version, 'json', OK, OP);
    await expectAnswer(await edit(version, 'admin', 'dave', 'email', 'dave@example.com'), version, 'json', OK, OP);
    await expectAnswer(await edit(version, 'admin', 'dave', 'language', 'de'), version, 'json', OK, OP);
    await expectAnswer(await edit(version, 'admin', 'dave', 'phone', '+49 711 / 25 24 28-91'), version, 'json', OK, OP);
    const dave = user(t, 'dave');
    expect([dave.password, dave.email, dave.language, dave.properties.phone.value]).toEqual([
      'Dave-New-Pass-1',
      'dave@example.com',
      'de',
      '+4971125242891',
    ]);
  });

  it(`v${version} sub-admin alice edits bob (group1) quota and displayname -> ok`, async () => {
    await expectAnswer(await edit(version, 'alice', 'bob', 'quota', '2 GB'), version, 'json', OK, OP);
    await expectAnswer(await edit(version, 'alice', 'bob', 'displayname', 'Bob B.'), version, 'json', OK, OP);
    expect([user(t, 'bob').quota, user(t, 'bob').displayname]).toEqual(['2 GB', 'Bob B.']);
  });

  it(`v${version} sub-admin alice edits carol (group2 only) -> 998 '', HTTP ${httpStatusFor(version, 998)}`, async () => {
    await expectAnswer(await edit(version, 'alice', 'carol', 'displayname', 'Hacked'), version, 'json', { code: 998, message: '' });
    expect(user(t, 'carol').displayname).toBe('Carol Clark');
  });

  it(`v${version} sub-admin alice edits dave (no groups) -> 998 ''`, async () => {
    await expectAnswer(await edit(version, 'alice', 'dave', 'quota', '1 GB'), version, 'json', { code: 998, message: '' });
    expect(user(t, 'dave').quota).toBe('none');
  });

  it(`v${version} sub-admin alice edits the admin even when the admin is in group1 -> 998 ''`, async () => {
    t.mock.state.groups.get('group1')!.members.add('admin');
    await expectAnswer(await edit(version, 'alice', 'admin', 'displayname', 'Hacked'), version, 'json', { code: 998, message: '' });
    expect(user(t, 'admin').displayname).toBe('admin');
  });

  it(`v${version} plain user bob edits alice -> 998 ''`, async () => {
    await expectAnswer(await edit(version, 'bob', 'alice', 'displayname', 'Hacked'), version, 'json', { code: 998, message: '' });
    expect(user(t, 'alice').displayname).toBe('Alice Adams');
  });

  for (const key of ['foo', 'avatarScope', 'emailScope']) {
    it(`v${version} admin edits bob's '${key}' -> 103 ''`, async () => {
      await expectAnswer(await edit(version, 'admin', 'bob', key, 'v2-local'), version, 'json', { code: 103, message: '' });
    });
  }

  it(`v${version} without value (required argument) -> framework 996 (v2: 500), unchanged`, async () => {
    expectFramework996(await call(t, 'put', version, '/cloud/users/bob', { format: 'json', body: { key: 'displayname' } }), version, 'json');
    expect(user(t, 'bob').displayname).toBe('Bob Brown');
  });

  it(`v${version} anonymous -> 997 'Current user is not logged in', HTTP 401`, async () => {
    const res = await call(t, 'put', version, '/cloud/users/bob', { user: null, format: 'json', body: { key: 'displayname', value: 'X' } });
    await expectAnswer(res, version, 'json', { code: 997, message: 'Current user is not logged in' });
    expect(user(t, 'bob').displayname).toBe('Bob Brown');
  });
});
