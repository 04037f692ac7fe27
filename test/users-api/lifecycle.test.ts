import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { httpStatusFor } from '../support/operations.js';
import { call, details, expectAnswer, OK, user } from '../support/usersApi.js';

/**
 * PUT /cloud/users/{id}/enable|disable (users-enable-user / users-disable-user),
 * POST /cloud/users/{id}/wipe (users-wipe-user-devices), POST /cloud/users/{id}/welcome
 * (users-resend-welcome-message).
 */

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

const SUBADMIN_ONLY = 'Logged in account must be at least a sub admin';

describe.each(MATRIX)('enable/disable v$version $format', ({ version, format }) => {
  it(`v${version} ${format} admin disables bob -> ok; bob then gets 997/401; enabled false in GET`, async () => {
    await expectAnswer(await call(t, 'put', version, '/cloud/users/bob/disable', { format }), version, format, OK, 'users-disable-user');
    expect(user(t, 'bob').enabled).toBe(false);
    expect((await details(t, 'bob')).enabled).toBe(false);
    expect((await call(t, 'get', version, '/cloud/user', { user: 'bob', format })).status).toBe(401);
  });

  it(`v${version} ${format} admin enables carol -> ok; carol can log in again`, async () => {
    await expectAnswer(await call(t, 'put', version, '/cloud/users/carol/enable', { format }), version, format, OK, 'users-enable-user');
    expect(user(t, 'carol').enabled).toBe(true);
    expect((await call(t, 'get', version, '/cloud/user', { user: 'carol', format })).status).toBe(200);
  });

  it(`v${version} ${format} admin disables themself -> 101 '', HTTP ${httpStatusFor(version, 101)}, still enabled`, async () => {
    await expectAnswer(await call(t, 'put', version, '/cloud/users/admin/disable', { format }), version, format, { code: 101, message: '' });
    expect(user(t, 'admin').enabled).toBe(true);
  });

  it(`v${version} ${format} plain user bob disables alice -> 403 '${SUBADMIN_ONLY}', HTTP ${httpStatusFor(version, 403)}`, async () => {
    await expectAnswer(await call(t, 'put', version, '/cloud/users/alice/disable', { user: 'bob', format }), version, format, {
      code: 403,
      message: SUBADMIN_ONLY,
    });
    expect(user(t, 'alice').enabled).toBe(true);
  });
});

describe.each(VERSIONS)('enable/disable v%s', (version) => {
  for (const action of ['enable', 'disable'] as const) {
    const op = `users-${action}-user`;

    it(`v${version} ${action} a missing user -> 101 ''`, async () => {
      await expectAnswer(await call(t, 'put', version, `/cloud/users/nobody/${action}`, { format: 'json' }), version, 'json', { code: 101, message: '' });
    });

    it(`v${version} sub-admin alice ${action}s herself -> 101 ''`, async () => {
      await expectAnswer(await call(t, 'put', version, `/cloud/users/alice/${action}`, { user: 'alice', format: 'json' }), version, 'json', {
        code: 101,
        message: '',
      });
      expect(user(t, 'alice').enabled).toBe(true);
    });

    it(`v${version} sub-admin alice ${action}s carol (outside her groups) -> 998 '', HTTP ${httpStatusFor(version, 998)}`, async () => {
      const before = user(t, 'carol').enabled;
      await expectAnswer(await call(t, 'put', version, `/cloud/users/carol/${action}`, { user: 'alice', format: 'json' }), version, 'json', {
        code: 998,
        message: '',
      });
      expect(user(t, 'carol').enabled).toBe(before);
    });

    it(`v${version} sub-admin alice ${action}s the admin even when the admin is in group1 -> 998 ''`, async () => {
      t.mock.state.groups.get('group1')!.members.add('admin');
      await expectAnswer(await call(t, 'put', version, `/cloud/users/admin/${action}`, { user: 'alice', format: 'json' }), version, 'json', {
        code: 998,
        message: '',
      });
      expect(user(t, 'admin').enabled).toBe(true);
    });

    it(`v${version} anonymous ${action} -> 997 'Current user is not logged in', HTTP 401`, async () => {
      await expectAnswer(await call(t, 'put', version, `/cloud/users/bob/${action}`, { user: null, format: 'json' }), version, 'json', {
        code: 997,
        message: 'Current user is not logged in',
      });
    });

    it(`v${version} ${action} with the integration tests' dummy form field foo=bar -> ok`, async () => {
      const res = await call(t, 'put', version, `/cloud/users/dave/${action}`, { format: 'json', form: true, body: { foo: 'bar' } });
      await expectAnswer(res, version, 'json', OK, op);
      expect(user(t, 'dave').enabled).toBe(action === 'enable');
    });
  }

  it(`v${version} sub-admin alice disables and re-enables bob (group1) -> ok both times`, async () => {
    await expectAnswer(await call(t, 'put', version, '/cloud/users/bob/disable', { user: 'alice', format: 'json' }), version, 'json', OK, 'users-disable-user');
    expect(user(t, 'bob').enabled).toBe(false);
    await expectAnswer(await call(t, 'put', version, '/cloud/users/bob/enable', { user: 'alice', format: 'json' }), version, 'json', OK, 'users-enable-user');
    expect(user(t, 'bob').enabled).toBe(true);
    expect((await call(t, 'get', version, '/cloud/user', { user: 'bob', format: 'json' })).status).toBe(200);
  });

  it(`v${version} admin disables another admin and a sub-admin -> ok (integration test)`, async () => {
    t.mock.state.groups.get('admin')!.members.add('dave');
    await expectAnswer(await call(t, 'put', version, '/cloud/users/dave/disable', { format: 'json' }), version, 'json', OK, 'users-disable-user');
    await expectAnswer(await call(t, 'put', version, '/cloud/users/alice/disable', { format: 'json' }), version, 'json', OK, 'users-disable-user');
    expect([user(t, 'dave').enabled, user(t, 'alice').enabled]).toEqual([false, false]);
  });

  it(`v${version} disabling twice and enabling twice are idempotent`, async () => {
    for (const action of ['disable', 'disable', 'enable', 'enable']) {
      await expectAnswer(await call(t, 'put', version, `/cloud/users/bob/${action}`, { format: 'json' }), version, 'json', OK);
    }
    expect(user(t, 'bob').enabled).toBe(true);
  });

  it(`v${version} a disabled user's v1 request -> 997 Unauthorised with HTTP 401 (ocs-v1.feature)`, async () => {
    await call(t, 'put', version, '/cloud/users/bob/disable', { format: 'json' });
    const res = await call(t, 'get', 1, '/cloud/users/bob', { user: 'bob' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('<statuscode>997</statuscode>');
  });
});

describe.each(MATRIX)('wipe and welcome v$version $format', ({ version, format }) => {
  it(`v${version} ${format} admin wipes bob's devices -> ok, recorded`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/bob/wipe', { format }), version, format, OK, 'users-wipe-user-devices');
    expect(user(t, 'bob').wipeRequested).toBe(true);
  });

  it(`v${version} ${format} admin wipes own devices -> 101 '', HTTP ${httpStatusFor(version, 101)}`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/admin/wipe', { format }), version, format, { code: 101, message: '' });
    expect(user(t, 'admin').wipeRequested).toBe(false);
  });

  it(`v${version} ${format} admin resends bob's welcome mail -> ok, counted`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/bob/welcome', { format }), version, format, OK, 'users-resend-welcome-message');
    expect(user(t, 'bob').welcomeMessagesSent).toBe(1);
  });

  it(`v${version} ${format} welcome for dave (no e-mail) -> 101 'Email address not available'`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/dave/welcome', { format }), version, format, {
      code: 101,
      message: 'Email address not available',
    });
    expect(user(t, 'dave').welcomeMessagesSent).toBe(0);
  });
});

describe.each(VERSIONS)('wipe v%s', (version) => {
  it(`v${version} wipe a missing user -> 998 '', HTTP ${httpStatusFor(version, 998)}`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/nobody/wipe', { format: 'json' }), version, 'json', { code: 998, message: '' });
  });

  it(`v${version} sub-admin alice wipes bob (group1) -> ok`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/bob/wipe', { user: 'alice', format: 'json' }), version, 'json', OK, 'users-wipe-user-devices');
    expect(user(t, 'bob').wipeRequested).toBe(true);
  });

  it(`v${version} sub-admin alice wipes herself -> 101 ''`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/alice/wipe', { user: 'alice', format: 'json' }), version, 'json', { code: 101, message: '' });
    expect(user(t, 'alice').wipeRequested).toBe(false);
  });

  it(`v${version} sub-admin alice wipes carol (group2) -> 998 ''`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/carol/wipe', { user: 'alice', format: 'json' }), version, 'json', { code: 998, message: '' });
    expect(user(t, 'carol').wipeRequested).toBe(false);
  });

  it(`v${version} sub-admin alice wipes the admin in group1 -> 998 ''`, async () => {
    t.mock.state.groups.get('group1')!.members.add('admin');
    await expectAnswer(await call(t, 'post', version, '/cloud/users/admin/wipe', { user: 'alice', format: 'json' }), version, 'json', { code: 998, message: '' });
    expect(user(t, 'admin').wipeRequested).toBe(false);
  });

  it(`v${version} plain user bob wipes alice -> 403 '${SUBADMIN_ONLY}'`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/alice/wipe', { user: 'bob', format: 'json' }), version, 'json', {
      code: 403,
      message: SUBADMIN_ONLY,
    });
    expect(user(t, 'alice').wipeRequested).toBe(false);
  });

  it(`v${version} anonymous wipe -> 997, HTTP 401`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/bob/wipe', { user: null, format: 'json' }), version, 'json', {
      code: 997,
      message: 'Current user is not logged in',
    });
  });
});

describe.each(VERSIONS)('welcome v%s', (version) => {
  it(`v${version} welcome for a missing user -> 998 ''`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/nobody/welcome', { format: 'json' }), version, 'json', { code: 998, message: '' });
  });

  it(`v${version} welcome twice -> counted twice`, async () => {
    await call(t, 'post', version, '/cloud/users/carol/welcome', { format: 'json' });
    await expectAnswer(await call(t, 'post', version, '/cloud/users/carol/welcome', { format: 'json' }), version, 'json', OK);
    expect(user(t, 'carol').welcomeMessagesSent).toBe(2);
  });

  it(`v${version} admin resends their own welcome mail -> 101 'Email address not available' (admin has no e-mail)`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/admin/welcome', { format: 'json' }), version, 'json', {
      code: 101,
      message: 'Email address not available',
    });
  });

  it(`v${version} welcome after the e-mail was set -> ok`, async () => {
    await call(t, 'put', version, '/cloud/users/dave', { format: 'json', body: { key: 'email', value: 'dave@example.com' } });
    await expectAnswer(await call(t, 'post', version, '/cloud/users/dave/welcome', { format: 'json' }), version, 'json', OK);
    expect(user(t, 'dave').welcomeMessagesSent).toBe(1);
  });

  it(`v${version} sub-admin alice for bob (group1) -> ok; for herself -> ok (she is in group1)`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/bob/welcome', { user: 'alice', format: 'json' }), version, 'json', OK);
    await expectAnswer(await call(t, 'post', version, '/cloud/users/alice/welcome', { user: 'alice', format: 'json' }), version, 'json', OK);
    expect([user(t, 'bob').welcomeMessagesSent, user(t, 'alice').welcomeMessagesSent]).toEqual([1, 1]);
  });

  it(`v${version} sub-admin alice for carol (group2) -> 998 ''`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/carol/welcome', { user: 'alice', format: 'json' }), version, 'json', { code: 998, message: '' });
    expect(user(t, 'carol').welcomeMessagesSent).toBe(0);
  });

  it(`v${version} plain user bob -> 403 '${SUBADMIN_ONLY}'`, async () => {
    await expectAnswer(await call(t, 'post', version, '/cloud/users/alice/welcome', { user: 'bob', format: 'json' }), version, 'json', {
      code: 403,
      message: SUBADMIN_ONLY,
    });
    expect(user(t, 'alice').welcomeMessagesSent).toBe(0);
  });
});
