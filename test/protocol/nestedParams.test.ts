import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { expectFramework996, expectOcs } from '../support/operations.js';
import { call, OK, user } from '../support/usersApi.js';

/**
 * Parameter shapes PHP cannot bind (Dispatcher::executeController, strict_types callees): a TypeError
 * that ocs/v1.php answers with 996 (v1 HTTP 200, v2 HTTP 500 with 500 in meta), whatever the
 * parameter and handler. Recorded answers are named by their id in recordings.json.
 */

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

const PREFS = '/apps/provisioning_api/api/v1/config/users';

function userIds(): string[] {
  return [...t.mock.state.users.keys()];
}

function groupIds(): string[] {
  return [...t.mock.state.groups.keys()].sort();
}

describe.each(MATRIX)('v$version $format', ({ version, format }) => {
  it(`v${version} ${format} POST /cloud/users with groups[a][b]=group1 -> 996, no user created (array-param/nested-groups)`, async () => {
    const before = userIds();
    const body = { userid: 'nested', password: 'Temp-Secret-29!', 'groups[a][b]': 'group1' };
    const res = await call(t, 'post', version, '/cloud/users', { format, form: true, body });
    expectFramework996(res, version, format);
    expect(userIds()).toEqual(before);
  });

  it(`v${version} ${format} set multiple preferences with configs[a][b]=1 -> 996, nothing written`, async () => {
    const res = await call(t, 'post', version, `${PREFS}/theming`, { user: 'bob', format, form: true, body: { 'configs[a][b]': '1' } });
    expectFramework996(res, version, format);
    expect(user(t, 'bob').preferences.has('theming')).toBe(false);
  });

  it(`v${version} ${format} phone search with search[a][b][c]=... -> 996`, async () => {
    const body = { location: 'DE', 'search[a][b][c]': '+49 711 25242890' };
    expectFramework996(await call(t, 'post', version, '/cloud/users/search/by-phone', { format, form: true, body }), version, format);
  });
});

describe.each(VERSIONS)('v%s', (version) => {
  it(`v${version} POST /cloud/users with groups=group1 (a string for an array) -> 996 (array-param/groups-string)`, async () => {
    const body = { userid: 'strgroups', password: 'Temp-Secret-29!', groups: 'group1' };
    expectFramework996(await call(t, 'post', version, '/cloud/users', { format: 'json', form: true, body }), version, 'json');
    expect(t.mock.state.users.has('strgroups')).toBe(false);
  });

  it(`v${version} POST /cloud/users with subadmin=group1 (a string for an array) -> 996 (array-param/subadmin-string)`, async () => {
    const body = { userid: 'strsub', password: 'Temp-Secret-29!', subadmin: 'group1' };
    expectFramework996(await call(t, 'post', version, '/cloud/users', { format: 'json', form: true, body }), version, 'json');
    expect(t.mock.state.users.has('strsub')).toBe(false);
  });

  it(`v${version} POST /cloud/groups with a JSON number or boolean groupid -> 996, nothing created (transport/json-number-groupid, json-bool-groupid)`, async () => {
    for (const groupid of [12345, true]) {
      expectFramework996(await call(t, 'post', version, '/cloud/groups', { format: 'json', body: { groupid } }), version, 'json');
    }
    expect(groupIds()).toEqual(['admin', 'empty', 'group1', 'group2']);
  });

  it(`v${version} POST /cloud/groups with "groupid": null -> 996 (null binds to no required string)`, async () => {
    expectFramework996(await call(t, 'post', version, '/cloud/groups', { format: 'json', body: { groupid: null } }), version, 'json');
    expect(groupIds()).toEqual(['admin', 'empty', 'group1', 'group2']);
  });

  it(`v${version} sub-admin PUT quota as a JSON number -> 996, quota unchanged (transport/json-typed-values)`, async () => {
    const quota = user(t, 'bob').quota;
    const res = await call(t, 'put', version, '/cloud/users/bob', { user: 'alice', format: 'json', body: { key: 'quota', value: 1073741824 } });
    expectFramework996(res, version, 'json');
    expect(user(t, 'bob').quota).toBe(quota);
  });

  it(`v${version} GET /cloud/users?limit[]=1 -> limit 1 (settype of a non-empty array), users [admin] (array-param/limit-array)`, async () => {
    const res = await call(t, 'get', version, '/cloud/users?limit[]=1', { format: 'json' });
    await expectOcs(res, version, 'json', { code: 200, data: { users: ['admin'] } });
  });

  it(`v${version} GET /cloud/groups?limit=1e1 -> limit 10 ((int)"1e1" is 10 since PHP 7.1): all four groups`, async () => {
    const res = await call(t, 'get', version, '/cloud/groups?limit=1e1', { format: 'json' });
    await expectOcs(res, version, 'json', { code: 200, data: { groups: ['admin', 'empty', 'group1', 'group2'] } });
  });

  it(`v${version} delete multiple preferences with configKeys as a string -> 996 (preferences-delete-multiple-preference/keys-not-array)`, async () => {
    user(t, 'bob').preferences.set('theming', new Map([['shortcuts_disabled', 'yes']]));
    expectFramework996(await call(t, 'delete', version, `${PREFS}/theming?configKeys=shortcuts_disabled`, { user: 'bob', format: 'json' }), version, 'json');
    expect([...user(t, 'bob').preferences.get('theming')!]).toEqual([['shortcuts_disabled', 'yes']]);
  });

  it(`v${version} set multiple preferences with configs=x -> 996 (preferences-set-multiple-preferences/configs-not-array)`, async () => {
    const res = await call(t, 'post', version, `${PREFS}/theming`, { user: 'bob', format: 'json', form: true, body: { configs: 'x' } });
    expectFramework996(res, version, 'json');
  });

  it(`v${version} set multiple preferences with an integer key configs[0]=yes -> 996 (the event takes string keys)`, async () => {
    const res = await call(t, 'post', version, `${PREFS}/theming`, { user: 'bob', format: 'json', form: true, body: { 'configs[0]': 'yes' } });
    expectFramework996(res, version, 'json');
  });

  it(`v${version} set multiple preferences with a JSON number value -> 996, nothing written`, async () => {
    const res = await call(t, 'post', version, `${PREFS}/theming`, { user: 'bob', format: 'json', body: { configs: { shortcuts_disabled: 'yes', force_enable_blur_filter: 1 } } });
    expectFramework996(res, version, 'json');
    expect(user(t, 'bob').preferences.has('theming')).toBe(false);
  });

  it(`v${version} set multiple preferences, checked in order: a nested value first -> 996; a refused key first -> 400`, async () => {
    const post = (configs: Record<string, unknown>) => call(t, 'post', version, `${PREFS}/theming`, { user: 'bob', format: 'json', body: { configs } });
    expectFramework996(await post({ shortcuts_disabled: { a: 'yes' }, bogus: 'x' }), version, 'json');
    await expectOcs(await post({ bogus: 'x', shortcuts_disabled: { a: 'yes' } }), version, 'json', { code: 400 });
  });

  it(`v${version} set multiple preferences with an empty JSON list -> ok, nothing written`, async () => {
    const res = await call(t, 'post', version, `${PREFS}/theming`, { user: 'bob', format: 'json', body: { configs: [] } });
    await expectOcs(res, version, 'json', OK, 'preferences-set-multiple-preferences');
    expect(user(t, 'bob').preferences.has('theming')).toBe(false);
  });

  it(`v${version} phone search: a number given as a string instead of a list is skipped (PHP only warns) -> ok, no match`, async () => {
    const res = await call(t, 'post', version, '/cloud/users/search/by-phone', { format: 'json', form: true, body: { location: 'DE', 'search[bob]': '+49 711 25242890' } });
    await expectOcs(res, version, 'json', { code: 200, data: [] });
  });

  it(`v${version} phone search with a JSON number as phone number -> 996`, async () => {
    const res = await call(t, 'post', version, '/cloud/users/search/by-phone', { format: 'json', body: { location: 'DE', search: { bob: [4971125242890] } } });
    expectFramework996(res, version, 'json');
  });

  it(`v${version} phone search with search as a string -> 996, even with an invalid location (binding comes first)`, async () => {
    const res = await call(t, 'post', version, '/cloud/users/search/by-phone', { format: 'json', form: true, body: { location: 'XX', search: 'x' } });
    expectFramework996(res, version, 'json');
  });
});
