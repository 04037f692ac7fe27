import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { expectFramework996, httpStatusFor } from '../support/operations.js';
import { call, details, expectAnswer, OK, user } from '../support/usersApi.js';

/** PUT /cloud/users/{userId}/{collectionName} — users-edit-user-multi-value. */
const OP = 'users-edit-user-multi-value';

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
  // bob starts with two additional addresses of his own.
  for (const value of ['no.reply3@nextcloud.com', 'noreply4@nextcloud.com']) {
    const res = await call(t, 'put', 2, '/cloud/users/bob', { user: 'bob', format: 'json', body: { key: 'additional_mail', value } });
    expect(res.status, res.text).toBe(200);
  }
});

function multi(version: 1 | 2, as: string, target: string, collection: string, key: string, value: string, format: 'json' | 'xml' = 'json') {
  return call(t, 'put', version, `/cloud/users/${target}/${collection}`, { user: as, format, body: { key, value } });
}

const mails = () => user(t, 'bob').additionalMail.map((mail) => mail.address);
const scopes = () => user(t, 'bob').additionalMail.map((mail) => mail.scope);

describe.each(MATRIX)('editUserMultiValue v$version $format', ({ version, format }) => {
  it(`v${version} ${format} bob replaces an additional mail -> ok, list updated`, async () => {
    await expectAnswer(await multi(version, 'bob', 'bob', 'additional_mail', 'no.reply3@nextcloud.com', 'new.one@nextcloud.com', format), version, format, OK, OP);
    expect(mails()).toEqual(['noreply4@nextcloud.com', 'new.one@nextcloud.com']);
  });

  it(`v${version} ${format} additional_mailScope 'invalid' -> 102 '', HTTP ${httpStatusFor(version, 102)}, unchanged`, async () => {
    await expectAnswer(await multi(version, 'bob', 'bob', 'additional_mailScope', 'no.reply3@nextcloud.com', 'invalid', format), version, format, {
      code: 102,
      message: '',
    });
    expect(scopes()).toEqual(['v2-local', 'v2-local']);
  });
});

describe.each(VERSIONS)('editUserMultiValue v%s', (version) => {
  it(`v${version} empty value deletes the address (integration test)`, async () => {
    await expectAnswer(await multi(version, 'bob', 'bob', 'additional_mail', 'no.reply3@nextcloud.com', ''), version, 'json', OK, OP);
    expect(mails()).toEqual(['noreply4@nextcloud.com']);
    expect((await details(t, 'bob', 'bob')).additional_mail).toEqual(['noreply4@nextcloud.com']);
  });

  it(`v${version} an unknown old value with a new value adds the new address`, async () => {
    await expectAnswer(await multi(version, 'bob', 'bob', 'additional_mail', 'absent@nextcloud.com', 'added@nextcloud.com'), version, 'json', OK, OP);
    expect(mails()).toEqual(['no.reply3@nextcloud.com', 'noreply4@nextcloud.com', 'added@nextcloud.com']);
  });

  it(`v${version} additional_mailScope v2-federated / v2-published per address (integration test)`, async () => {
    await expectAnswer(await multi(version, 'bob', 'bob', 'additional_mailScope', 'no.reply3@nextcloud.com', 'v2-federated'), version, 'json', OK, OP);
    await expectAnswer(await multi(version, 'bob', 'bob', 'additional_mailScope', 'noreply4@nextcloud.com', 'v2-published'), version, 'json', OK, OP);
    expect((await details(t, 'bob', 'bob')).additional_mailScope).toEqual(['v2-federated', 'v2-published']);
  });

  it(`v${version} additional_mailScope of an address bob does not have -> 102 ''`, async () => {
    await expectAnswer(await multi(version, 'bob', 'bob', 'additional_mailScope', 'absent@nextcloud.com', 'v2-local'), version, 'json', { code: 102, message: '' });
  });

  it(`v${version} collection 'foo' for oneself -> 103 '', HTTP ${httpStatusFor(version, 103)}`, async () => {
    await expectAnswer(await multi(version, 'bob', 'bob', 'foo', 'a', 'b'), version, 'json', { code: 103, message: '' });
    expect(mails()).toEqual(['no.reply3@nextcloud.com', 'noreply4@nextcloud.com']);
  });

  it(`v${version} admin edits bob's additional_mail -> ok`, async () => {
    await expectAnswer(await multi(version, 'admin', 'bob', 'additional_mail', 'noreply4@nextcloud.com', 'by.admin@nextcloud.com'), version, 'json', OK, OP);
    expect(mails()).toEqual(['no.reply3@nextcloud.com', 'by.admin@nextcloud.com']);
  });

  it(`v${version} admin edits bob's additional_mailScope -> 103 '' (scopes are the user's own)`, async () => {
    await expectAnswer(await multi(version, 'admin', 'bob', 'additional_mailScope', 'noreply4@nextcloud.com', 'v2-published'), version, 'json', {
      code: 103,
      message: '',
    });
    expect(scopes()).toEqual(['v2-local', 'v2-local']);
  });

  it(`v${version} sub-admin alice edits bob (group1) additional_mail -> ok`, async () => {
    await expectAnswer(await multi(version, 'alice', 'bob', 'additional_mail', 'no.reply3@nextcloud.com', ''), version, 'json', OK, OP);
    expect(mails()).toEqual(['noreply4@nextcloud.com']);
  });

  it(`v${version} sub-admin alice edits carol (group2 only) -> 998 '', HTTP ${httpStatusFor(version, 998)}`, async () => {
    await expectAnswer(await multi(version, 'alice', 'carol', 'additional_mail', '', 'x@nextcloud.com'), version, 'json', { code: 998, message: '' });
    expect(user(t, 'carol').additionalMail).toEqual([]);
  });

  it(`v${version} plain user dave edits bob -> 998 ''`, async () => {
    await expectAnswer(await multi(version, 'dave', 'bob', 'additional_mail', 'no.reply3@nextcloud.com', ''), version, 'json', { code: 998, message: '' });
    expect(mails()).toEqual(['no.reply3@nextcloud.com', 'noreply4@nextcloud.com']);
  });

  it(`v${version} missing user -> 998 ''`, async () => {
    await expectAnswer(await multi(version, 'admin', 'nobody', 'additional_mail', '', 'x@nextcloud.com'), version, 'json', { code: 998, message: '' });
  });

  it(`v${version} without key (required argument) -> framework 996 (v2: 500), unchanged`, async () => {
    expectFramework996(await call(t, 'put', version, '/cloud/users/bob/additional_mail', { user: 'bob', format: 'json', body: { value: 'x@nextcloud.com' } }), version, 'json');
    expect(mails()).toEqual(['no.reply3@nextcloud.com', 'noreply4@nextcloud.com']);
  });

  it(`v${version} anonymous -> 997 'Current user is not logged in', HTTP 401`, async () => {
    const res = await call(t, 'put', version, '/cloud/users/bob/additional_mail', { user: null, format: 'json', body: { key: 'a', value: 'b' } });
    await expectAnswer(res, version, 'json', { code: 997, message: 'Current user is not logged in' });
  });
});
