import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { expectFramework996 } from '../support/operations.js';
import { call, expectAnswer, OK, user } from '../support/usersApi.js';

/**
 * The preferences Nextcloud 29 lets a user write: exactly those the BeforePreferenceSetEvent /
 * BeforePreferenceDeletedEvent listeners of its apps accept (apps/dav/lib/Listener/
 * UserPreferenceListener.php, apps/theming/lib/Listener/BeforePreferenceListener.php).
 */

let t: TestMock;
beforeEach(async () => {
  t = await freshMock();
});

const PREFS = '/apps/provisioning_api/api/v1/config/users';
const REFUSED = { code: 400, message: '', data: [] };

function prefs(id: string, app: string): [string, string][] {
  return [...(user(t, id).preferences.get(app) ?? new Map<string, string>())];
}

describe.each(MATRIX)('dav listener, v$version $format', ({ version, format }) => {
  it(`v${version} ${format} set dav/user_status_automation 'yes' -> ok, stored; delete it -> ok, removed`, async () => {
    const set = await call(t, 'post', version, `${PREFS}/dav/user_status_automation`, { user: 'bob', format, body: { configValue: 'yes' } });
    await expectAnswer(set, version, format, OK, 'preferences-set-preference');
    expect(prefs('bob', 'dav')).toEqual([['user_status_automation', 'yes']]);
    const del = await call(t, 'delete', version, `${PREFS}/dav/user_status_automation`, { user: 'bob', format });
    await expectAnswer(del, version, format, OK, 'preferences-delete-preference');
    expect(prefs('bob', 'dav')).toEqual([]);
  });
});

describe.each(VERSIONS)('v%s', (version) => {
  const post = (path: string, body: Record<string, unknown>, as = 'bob') => call(t, 'post', version, `${PREFS}${path}`, { user: as, format: 'json', body });
  const del = (path: string, as = 'bob') => call(t, 'delete', version, `${PREFS}${path}`, { user: as, format: 'json' });
  const apporder = (value: unknown, as = 'bob') => post('/core/apporder', { configValue: typeof value === 'string' ? value : JSON.stringify(value) }, as);

  it(`v${version} dav accepts only user_status_automation = 'yes'; 'no' and birthdayCalendarReminderOffset (no listener in 29) -> 400`, async () => {
    await expectAnswer(await post('/dav', { configs: { user_status_automation: 'yes' } }), version, 'json', OK, 'preferences-set-multiple-preferences');
    await expectAnswer(await post('/dav/user_status_automation', { configValue: 'no' }), version, 'json', REFUSED);
    await expectAnswer(await post('/dav/birthdayCalendarReminderOffset', { configValue: 'PT9H' }), version, 'json', REFUSED);
    await expectAnswer(await del('/dav/birthdayCalendarReminderOffset'), version, 'json', REFUSED);
    expect(prefs('bob', 'dav')).toEqual([['user_status_automation', 'yes']]);
    await expectAnswer(await del('/dav?configKeys[]=user_status_automation'), version, 'json', OK, 'preferences-delete-multiple-preference');
    expect(prefs('bob', 'dav')).toEqual([]);
  });

  it(`v${version} theming/primary_color and core/apps_pinned (accepted only after 29) -> 400 to set and to delete`, async () => {
    user(t, 'bob').preferences.set('theming', new Map([['primary_color', '#00679e']]));
    await expectAnswer(await post('/theming/primary_color', { configValue: '#ff0000' }), version, 'json', REFUSED);
    await expectAnswer(await del('/theming/primary_color'), version, 'json', REFUSED);
    await expectAnswer(await post('/core/apps_pinned', { configValue: '["files"]' }), version, 'json', REFUSED);
    await expectAnswer(await del('/core/apps_pinned'), version, 'json', REFUSED);
    expect(prefs('bob', 'theming')).toEqual([['primary_color', '#00679e']]);
    expect(prefs('bob', 'core')).toEqual([]);
  });

  it(`v${version} core/apporder refuses integer navigation ids (PHP array keys), JSON lists of entries and entries without order; accepts [] and stores values as sent`, async () => {
    for (const value of [[{ order: 1 }], { 5: { order: 1 } }, { files: [] }, { files: {} }, { files: { app: 'files' } }, '"x"', 'null']) {
      await expectAnswer(await apporder(value), version, 'json', REFUSED);
    }
    await expectAnswer(await apporder([]), version, 'json', OK);
    expect(prefs('bob', 'core')).toEqual([['apporder', '[]']]);
    // preferences-set-preference/core-apporder; the value is stored exactly as sent.
    const value = ' {"files":{"order":1,"app":"files"}, "x": {"order": " 2 "}} ';
    await expectAnswer(await apporder(value), version, 'json', OK, 'preferences-set-preference');
    expect(prefs('bob', 'core')).toEqual([['apporder', value]]);
  });

  it(`v${version} core/apporder order must be is_numeric(): numbers and numeric strings, not '', '0x1A' or true`, async () => {
    for (const order of [1, 2.5, '3', ' 4 ', '1e3', '.5']) await expectAnswer(await apporder({ files: { order } }), version, 'json', OK);
    for (const order of ['', '0x1A', true, 'one', [1]]) await expectAnswer(await apporder({ files: { order } }), version, 'json', REFUSED);
  });

  it(`v${version} core/apporder app must be enabled for the caller (AppManager::isEnabledForUser)`, async () => {
    // preferences-set-preference/core-apporder-unknown-app: an app that is not installed.
    await expectAnswer(await apporder({ x: { order: 1, app: 'nosuchapp' } }), version, 'json', REFUSED);
    await expectAnswer(await apporder({ x: { order: 1, app: 'admin_audit' } }), version, 'json', REFUSED);
    await expectAnswer(await apporder({ x: { order: 1, app: 5 } }), version, 'json', REFUSED);
    t.mock.state.appConfig.get('activity')!.set('enabled', '["group1"]');
    await expectAnswer(await apporder({ x: { order: 1, app: 'activity' } }), version, 'json', OK);
    await expectAnswer(await apporder({ x: { order: 1, app: 'activity' } }, 'dave'), version, 'json', REFUSED);
    // isEnabledForUser reads app config only: a config that says 'yes' is enough.
    t.mock.state.appConfig.set('notinstalled', new Map([['enabled', 'yes']]));
    await expectAnswer(await apporder({ x: { order: 1, app: 'notinstalled' } }), version, 'json', OK);
  });

  it(`v${version} core/apporder that json_decode refuses, or an array as app -> 996, nothing stored`, async () => {
    // preferences-set-preference/core-apporder-invalid-json sends '{'.
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    for (const value of ['{', '', `{"a":{"order":1,"x":${nested(511)}}}`, '{"\\ud800":{"order":1}}', { x: { order: 1, app: ['files'] } }]) {
      expectFramework996(await apporder(value), version, 'json');
    }
    await expectAnswer(await apporder(`{"a":{"order":1,"x":${nested(510)}}}`), version, 'json', OK);
    expect(prefs('bob', 'core')).toEqual([['apporder', `{"a":{"order":1,"x":${nested(510)}}}`]]);
  });
});
