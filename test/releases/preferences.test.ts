import { describe, expect, it } from 'vitest';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { call, expectAnswer, OK, user } from '../support/usersApi.js';

/**
 * Which user preferences the provisioning API may write, per release: apps/theming/lib/Listener/
 * BeforePreferenceListener.php ALLOWED_KEYS and its core/apporder branch (27.1.4: shortcuts_disabled
 * only; 28.0.2: + core/apporder; 29.0.6 (absent in 29.0.1): + force_enable_blur_filter; 30.0.5,
 * 31.0.11, 32.0.2, 33.0.2, 34.0.1: + primary_color). apps/dav/lib/Listener/UserPreferenceListener.php
 * is the same in every release (dav/user_status_automation).
 */

const PREFS = '/apps/provisioning_api/api/v1/config/users';
const REFUSED = { code: 400, message: '', data: [] };

function prefs(t: TestMock, app: string): [string, string][] {
  return [...(user(t, 'bob').preferences.get(app) ?? new Map<string, string>())];
}

const post = (t: TestMock, version: 1 | 2, format: 'json' | 'xml', path: string, value: string) =>
  call(t, 'post', version, `${PREFS}${path}`, { user: 'bob', format, body: { configValue: value } });

describe.each(MATRIX)('theming/primary_color v$version $format', ({ version, format }) => {
  it(`v${version} ${format} theming/primary_color '#ff0000': 29 -> 400, nothing written; 30 -> ok, stored; then deleted -> ok, removed`, async () => {
    const old = await freshMock({ nextcloud: '29' });
    await expectAnswer(await post(old, version, format, '/theming/primary_color', '#ff0000'), version, format, REFUSED);
    expect(prefs(old, 'theming')).toEqual([]);

    const t = await freshMock({ nextcloud: '30' });
    await expectAnswer(await post(t, version, format, '/theming/primary_color', '#ff0000'), version, format, OK, 'preferences-set-preference', '30.0.5');
    expect(prefs(t, 'theming')).toEqual([['primary_color', '#ff0000']]);
    const res = await call(t, 'delete', version, `${PREFS}/theming/primary_color`, { user: 'bob', format });
    await expectAnswer(res, version, format, OK, 'preferences-delete-preference', '30.0.5');
    expect(prefs(t, 'theming')).toEqual([]);
  });
});

describe.each(VERSIONS)('theming preference keys per release v%s', (version) => {
  it(`v${version} 30: primary_color accepts #rgb and #rrggbb in any case; 'red', '#ff00', 'ff0000' -> 400`, async () => {
    const t = await freshMock({ nextcloud: '30' });
    for (const value of ['#abc', '#A0B1C2']) {
      await expectAnswer(await post(t, version, 'json', '/theming/primary_color', value), version, 'json', OK, 'preferences-set-preference', '30.0.5');
    }
    for (const value of ['red', '#ff00', 'ff0000', '#ff00001']) {
      await expectAnswer(await post(t, version, 'json', '/theming/primary_color', value), version, 'json', REFUSED);
    }
    expect(prefs(t, 'theming')).toEqual([['primary_color', '#A0B1C2']]);
  });

  it(`v${version} 34: primary_color -> ok (still allowed)`, async () => {
    const t = await freshMock({ nextcloud: '34' });
    await expectAnswer(await post(t, version, 'json', '/theming/primary_color', '#123456'), version, 'json', OK, 'preferences-set-preference', '34.0.1');
  });

  it(`v${version} 29.0.1: force_enable_blur_filter 'yes' -> 400 (not yet an allowed key)`, async () => {
    const t = await freshMock({ nextcloud: '29.0.1' });
    await expectAnswer(await post(t, version, 'json', '/theming/force_enable_blur_filter', 'yes'), version, 'json', REFUSED);
    expect(prefs(t, 'theming')).toEqual([]);
  });

  it(`v${version} core/apporder: 27 -> 400 (its theming listener judges theming keys only, dav's still takes dav/user_status_automation); 28 -> ok, stored`, async () => {
    const old = await freshMock({ nextcloud: '27' });
    const order = JSON.stringify({ files: { order: 1 } });
    await expectAnswer(await post(old, version, 'json', '/core/apporder', order), version, 'json', REFUSED);
    expect(prefs(old, 'core')).toEqual([]);
    await expectAnswer(await post(old, version, 'json', '/dav/user_status_automation', 'yes'), version, 'json', OK);
    expect(prefs(old, 'dav')).toEqual([['user_status_automation', 'yes']]);

    const t = await freshMock({ nextcloud: '28' });
    await expectAnswer(await post(t, version, 'json', '/core/apporder', order), version, 'json', OK, 'preferences-set-preference', '28.0.2');
    expect(prefs(t, 'core')).toEqual([['apporder', order]]);
  });
});
