import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { expectFramework996, httpStatusFor } from '../support/operations.js';
import { call, expectAnswer, OK, okData, user } from '../support/usersApi.js';

/**
 * preferences-set-preference, preferences-set-multiple-preferences, preferences-delete-preference,
 * preferences-delete-multiple-preference (POST/DELETE /apps/provisioning_api/api/v1/config/users/...)
 * and app_config-set-value (POST /apps/provisioning_api/api/v1/config/apps/{app}/{key}).
 */

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

const PREFS = '/apps/provisioning_api/api/v1/config/users';
const CONFIG = '/apps/provisioning_api/api/v1/config/apps';

/** The user's stored preferences of one app, as plain entries. */
function prefs(id: string, app: string): [string, string][] {
  return [...(user(t, id).preferences.get(app) ?? new Map<string, string>())];
}

const REFUSED = { code: 400, message: '', data: [] };

describe.each(MATRIX)('preferences v$version $format', ({ version, format }) => {
  it(`v${version} ${format} bob sets theming/shortcuts_disabled 'yes' -> ok, stored`, async () => {
    const res = await call(t, 'post', version, `${PREFS}/theming/shortcuts_disabled`, { user: 'bob', format, body: { configValue: 'yes' } });
    await expectAnswer(res, version, format, OK, 'preferences-set-preference');
    expect(prefs('bob', 'theming')).toEqual([['shortcuts_disabled', 'yes']]);
  });

  it(`v${version} ${format} unknown app/key -> 400 data [] (v1 HTTP 200, v2 HTTP 400), nothing written`, async () => {
    const res = await call(t, 'post', version, `${PREFS}/files/some_key`, { user: 'bob', format, body: { configValue: 'x' } });
    await expectAnswer(res, version, format, REFUSED);
    expect(res.status).toBe(version === 1 ? 200 : 400);
    expect(user(t, 'bob').preferences.has('files')).toBe(false);
  });

  it(`v${version} ${format} delete theming/shortcuts_disabled -> ok, removed`, async () => {
    user(t, 'bob').preferences.set('theming', new Map([['shortcuts_disabled', 'yes']]));
    const res = await call(t, 'delete', version, `${PREFS}/theming/shortcuts_disabled`, { user: 'bob', format });
    await expectAnswer(res, version, format, OK, 'preferences-delete-preference');
    expect(prefs('bob', 'theming')).toEqual([]);
  });
});

describe.each(VERSIONS)('preferences v%s', (version) => {
  const post = (path: string, body: Record<string, unknown>, as = 'bob') => call(t, 'post', version, `${PREFS}${path}`, { user: as, format: 'json', body });
  const del = (path: string, as = 'bob') => call(t, 'delete', version, `${PREFS}${path}`, { user: as, format: 'json' });

  it(`v${version} shortcuts_disabled 'no' -> 400 (the listener accepts only 'yes')`, async () => {
    await expectAnswer(await post('/theming/shortcuts_disabled', { configValue: 'no' }), version, 'json', REFUSED);
    expect(prefs('bob', 'theming')).toEqual([]);
  });

  it(`v${version} force_enable_blur_filter 'no' -> ok; 'maybe' -> 400`, async () => {
    await expectAnswer(await post('/theming/force_enable_blur_filter', { configValue: 'no' }), version, 'json', OK, 'preferences-set-preference');
    await expectAnswer(await post('/theming/force_enable_blur_filter', { configValue: 'maybe' }), version, 'json', REFUSED);
    expect(prefs('bob', 'theming')).toEqual([['force_enable_blur_filter', 'no']]);
  });

  it(`v${version} core/apporder with a JSON order map of enabled apps -> ok; an app that is not installed -> 400; not JSON -> 996`, async () => {
    // Recordings preferences-set-preference/core-apporder, core-apporder-unknown-app, core-apporder-invalid-json.
    const order = JSON.stringify({ files: { order: 1 }, activity: { order: 2, app: 'activity' } });
    await expectAnswer(await post('/core/apporder', { configValue: order }), version, 'json', OK, 'preferences-set-preference');
    await expectAnswer(await post('/core/apporder', { configValue: JSON.stringify({ calendar: { order: 2, app: 'calendar' } }) }), version, 'json', REFUSED);
    expectFramework996(await post('/core/apporder', { configValue: 'files,calendar' }), version, 'json');
    expect(prefs('bob', 'core')).toEqual([['apporder', order]]);
  });

  it(`v${version} a preference is the caller's own: alice's stays empty`, async () => {
    await post('/theming/shortcuts_disabled', { configValue: 'yes' });
    expect(prefs('alice', 'theming')).toEqual([]);
  });

  it(`v${version} set multiple, all valid -> ok, all stored`, async () => {
    const res = await post('/theming', { configs: { shortcuts_disabled: 'yes', force_enable_blur_filter: 'yes' } });
    await expectAnswer(res, version, 'json', OK, 'preferences-set-multiple-preferences');
    expect(prefs('bob', 'theming')).toEqual([
      ['shortcuts_disabled', 'yes'],
      ['force_enable_blur_filter', 'yes'],
    ]);
  });

  it(`v${version} set multiple with one invalid key -> 400 data [], nothing written (all are checked first)`, async () => {
    const res = await post('/theming', { configs: { shortcuts_disabled: 'yes', unknown_key: 'x' } });
    await expectAnswer(res, version, 'json', REFUSED);
    expect(prefs('bob', 'theming')).toEqual([]);
  });

  it(`v${version} set multiple as a form body configs[key]=value -> ok`, async () => {
    const res = await call(t, 'post', version, `${PREFS}/theming`, { user: 'bob', format: 'json', form: true, body: { 'configs[shortcuts_disabled]': 'yes' } });
    await expectAnswer(res, version, 'json', OK, 'preferences-set-multiple-preferences');
    expect(prefs('bob', 'theming')).toEqual([['shortcuts_disabled', 'yes']]);
  });

  it(`v${version} delete an unknown key -> 400 data []`, async () => {
    user(t, 'bob').preferences.set('files', new Map([['some_key', 'kept']]));
    await expectAnswer(await del('/files/some_key'), version, 'json', REFUSED);
    expect(prefs('bob', 'files')).toEqual([['some_key', 'kept']]);
  });

  it(`v${version} delete a valid key that is not set -> ok`, async () => {
    await expectAnswer(await del('/theming/shortcuts_disabled'), version, 'json', OK, 'preferences-delete-preference');
  });

  it(`v${version} delete multiple (configKeys[]) -> ok, both removed`, async () => {
    user(t, 'bob').preferences.set('theming', new Map([['shortcuts_disabled', 'yes'], ['force_enable_blur_filter', 'no'], ['background_color', '#ff0000']]));
    const res = await del('/theming?configKeys[]=shortcuts_disabled&configKeys[]=force_enable_blur_filter');
    await expectAnswer(res, version, 'json', OK, 'preferences-delete-multiple-preference');
    expect(prefs('bob', 'theming')).toEqual([['background_color', '#ff0000']]);
  });

  it(`v${version} delete multiple with one unknown key -> 400, nothing removed`, async () => {
    user(t, 'bob').preferences.set('theming', new Map([['shortcuts_disabled', 'yes']]));
    await expectAnswer(await del('/theming?configKeys[]=shortcuts_disabled&configKeys[]=unknown_key'), version, 'json', REFUSED);
    expect(prefs('bob', 'theming')).toEqual([['shortcuts_disabled', 'yes']]);
  });

  it(`v${version} set without configValue -> framework 996 (v2: 500)`, async () => {
    expectFramework996(await post('/theming/shortcuts_disabled', {}), version, 'json');
    expect(prefs('bob', 'theming')).toEqual([]);
  });

  it(`v${version} anonymous set -> 997 'Current user is not logged in', HTTP 401`, async () => {
    const res = await call(t, 'post', version, `${PREFS}/theming/shortcuts_disabled`, { user: null, format: 'json', body: { configValue: 'yes' } });
    await expectAnswer(res, version, 'json', { code: 997, message: 'Current user is not logged in' });
  });
});

const BLOCKED = 'The given key can not be set';
const NOT_ADMIN = 'Logged in account must be an administrator or have authorization to edit this setting.';

describe.each(MATRIX)('app config set-value v$version $format', ({ version, format }) => {
  it(`v${version} ${format} admin sets core/my_key -> ok, read back with GET`, async () => {
    const res = await call(t, 'post', version, `${CONFIG}/core/my_key`, { format, body: { value: 'my value' } });
    await expectAnswer(res, version, format, OK, 'app_config-set-value');
    expect(okData(await call(t, 'get', version, `${CONFIG}/core/my_key`, { format: 'json' }))).toEqual({ data: 'my value' });
  });

  it(`v${version} ${format} blocked key core/enabled -> 403, meta message '', data {data: {message}}`, async () => {
    const res = await call(t, 'post', version, `${CONFIG}/core/enabled`, { format, body: { value: 'no' } });
    await expectAnswer(res, version, format, { code: 403, message: '', data: { data: { message: BLOCKED } } });
    expect(t.mock.state.appConfig.get('core')!.has('enabled')).toBe(false);
  });

  it(`v${version} ${format} plain user bob -> 403 '${NOT_ADMIN}'`, async () => {
    const res = await call(t, 'post', version, `${CONFIG}/core/my_key`, { user: 'bob', format, body: { value: 'x' } });
    await expectAnswer(res, version, format, { code: 403, message: NOT_ADMIN });
    expect(t.mock.state.appConfig.get('core')!.has('my_key')).toBe(false);
  });
});

describe.each(VERSIONS)('app config set-value v%s', (version) => {
  const set = (app: string, key: string, value: string, as = 'admin') =>
    call(t, 'post', version, `${CONFIG}/${app}/${key}`, { user: as, format: 'json', body: { value } });
  const config = (app: string) => t.mock.state.appConfig.get(app);

  for (const [app, key] of [
    ['activity', 'installed_version'],
    ['activity', 'enabled'],
    ['activity', 'types'],
    ['core', 'public_webdav'],
    ['core', 'remote_files'],
  ]) {
    it(`v${version} ${app}/${key} -> 403 '${BLOCKED}', HTTP ${httpStatusFor(version, 403)}, unchanged`, async () => {
      const before = config(app)?.get(key);
      await expectAnswer(await set(app, key, 'x'), version, 'json', { code: 403, message: '', data: { data: { message: BLOCKED } } });
      expect(config(app)?.get(key)).toBe(before);
    });
  }

  it(`v${version} core/encryption_enabled 'no' -> 403 blocked; 'yes' -> ok`, async () => {
    await expectAnswer(await set('core', 'encryption_enabled', 'no'), version, 'json', { code: 403, message: '', data: { data: { message: BLOCKED } } });
    expect(config('core')!.has('encryption_enabled')).toBe(false);
    await expectAnswer(await set('core', 'encryption_enabled', 'yes'), version, 'json', OK, 'app_config-set-value');
    expect(config('core')!.get('encryption_enabled')).toBe('yes');
  });

  it(`v${version} files/default_quota 'none' with allow_unlimited_quota 0 -> 403 unlimited-quota message`, async () => {
    await set('files', 'allow_unlimited_quota', '0');
    await expectAnswer(await set('files', 'default_quota', 'none'), version, 'json', {
      code: 403,
      message: '',
      data: { data: { message: 'The given key can not be set, unlimited quota is forbidden on this instance' } },
    });
    expect(config('files')!.has('default_quota')).toBe(false);
    await expectAnswer(await set('files', 'default_quota', '1 GB'), version, 'json', OK, 'app_config-set-value');
    expect(config('files')!.get('default_quota')).toBe('1 GB');
  });

  it(`v${version} files/default_quota 'none' while unlimited quota is allowed -> ok`, async () => {
    await expectAnswer(await set('files', 'default_quota', 'none'), version, 'json', OK, 'app_config-set-value');
    expect(config('files')!.get('default_quota')).toBe('none');
  });

  it(`v${version} files/default_quota set here is what a 'default' quota user gets`, async () => {
    await set('files', 'default_quota', '2 GB');
    const data = okData(await call(t, 'get', version, '/cloud/users/bob', { format: 'json' })) as { quota: { quota: number } };
    expect(data.quota.quota).toBe(2147483648);
  });

  it(`v${version} a new app id gets its config, listed by GET config/apps`, async () => {
    await expectAnswer(await set('myapp', 'k', 'v'), version, 'json', OK, 'app_config-set-value');
    const data = okData(await call(t, 'get', version, CONFIG, { format: 'json' })) as { data: string[] };
    expect(data.data).toContain('myapp');
    expect([...config('myapp')!]).toEqual([['k', 'v']]);
  });

  it(`v${version} invalid app id bad..id -> 403 'Invalid app id given' in data`, async () => {
    await expectAnswer(await set('bad..id', 'k', 'v'), version, 'json', { code: 403, message: '', data: { data: { message: 'Invalid app id given' } } });
    expect(config('bad..id')).toBeUndefined();
  });

  it(`v${version} sub-admin alice -> 403 '${NOT_ADMIN}'`, async () => {
    await expectAnswer(await set('core', 'my_key', 'x', 'alice'), version, 'json', { code: 403, message: NOT_ADMIN });
  });

  it(`v${version} without value -> framework 996 (v2: 500), nothing set`, async () => {
    expectFramework996(await call(t, 'post', version, `${CONFIG}/core/my_key`, { format: 'json', body: {} }), version, 'json');
    expect(config('core')!.has('my_key')).toBe(false);
  });

  it(`v${version} anonymous -> 997 'Current user is not logged in', HTTP 401`, async () => {
    await expectAnswer(await set('core', 'my_key', 'x', null as unknown as string), version, 'json', { code: 997, message: 'Current user is not logged in' });
  });
});
