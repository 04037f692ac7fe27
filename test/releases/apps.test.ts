import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMATS, freshMock, MATRIX, ocs, VERSIONS } from '../support/mock.js';
import { expectOcs } from '../support/operations.js';

/**
 * /cloud/apps per release (DIFFERENCES.md §11, apps/provisioning_api/lib/Controller/AppsController.php):
 * `filter=disabled` keeps array_diff()'s keys up to 30 and is array_values()'d from 31 (S30 -> S31a);
 * 32+ check the app id with AppManager::cleanAppId() before getAppInfo, enable and disable (S31 -> S32a).
 */

/** The default fixture's disabled apps, keyed by their place among the apps that are not always enabled. */
const DISABLED_KEYED = { 1: 'admin_audit', 8: 'encryption', 12: 'user_ldap', 14: 'files_external', 19: 'suspicious_login', 22: 'twofactor_totp' };
const DISABLED_LIST = ['admin_audit', 'encryption', 'user_ldap', 'files_external', 'suspicious_login', 'twofactor_totp'];

describe.each(VERSIONS)('GET /cloud/apps?filter=disabled v%s', (version) => {
  it(`v${version} 30 -> array_diff keys: a JSON object {"1":"admin_audit","8":…}; 31.0.2 -> a list (XML: the same <element>s in both)`, async () => {
    for (const [release, apps] of [['30.0.5', DISABLED_KEYED], ['31.0.2', DISABLED_LIST]] as const) {
      const { app } = await freshMock({ nextcloud: release });
      for (const format of FORMATS) {
        const res = await ocs(app, 'get', version, '/cloud/apps?filter=disabled', { format });
        await expectOcs(res, version, format, { code: 100, data: { apps } }, release === '31.0.2' ? 'apps-get-apps' : undefined, release);
      }
    }
  });
});

const INVALID = 'Invalid app id given';
const NOT_FOUND = 'The request app was not found';

describe.each(MATRIX)('app ids cleanAppId() changes v$version $format', ({ version, format }) => {
  it(`v${version} ${format} GET /cloud/apps/Files: 31.0.11 -> 998 "${NOT_FOUND}"; 32 -> 997 "${INVALID}", HTTP 401`, async () => {
    const old = await freshMock({ nextcloud: '31' });
    const notFound = await ocs(old.app, 'get', version, '/cloud/apps/Files', { format });
    await expectOcs(notFound, version, format, { code: 998, message: NOT_FOUND }, undefined, '31.0.11');

    const { app } = await freshMock({ nextcloud: '32' });
    const res = await ocs(app, 'get', version, '/cloud/apps/Files', { format });
    await expectOcs(res, version, format, { code: 997, message: INVALID }, undefined, '32.0.2');
  });

  it(`v${version} ${format} 32: POST /cloud/apps/encryption- -> 997, nothing enabled`, async () => {
    const t = await freshMock({ nextcloud: '32' });
    const res = await ocs(t.app, 'post', version, '/cloud/apps/encryption-', { format });
    await expectOcs(res, version, format, { code: 997, message: INVALID }, undefined, '32.0.2');
    expect(t.mock.state.appConfig.has('encryption-')).toBe(false);
    expect(t.mock.state.apps.get('encryption')!.enabled).toBe(false);
  });

  it(`v${version} ${format} DELETE /cloud/apps/1activity: 31.0.11 -> 100, writes 1activity/enabled = no; 32 -> 997, nothing written, while a clean id still works`, async () => {
    const old = await freshMock({ nextcloud: '31' });
    const disabled = await ocs(old.app, 'delete', version, '/cloud/apps/1activity', { format });
    await expectOcs(disabled, version, format, { code: 100, data: [] }, 'apps-disable', '31.0.11');
    expect(old.mock.state.appConfig.get('1activity')?.get('enabled')).toBe('no');

    const t = await freshMock({ nextcloud: '32' });
    const res = await ocs(t.app, 'delete', version, '/cloud/apps/1activity', { format });
    await expectOcs(res, version, format, { code: 997, message: INVALID }, undefined, '32.0.2');
    expect(t.mock.state.appConfig.has('1activity')).toBe(false);
    const clean = await ocs(t.app, 'delete', version, '/cloud/apps/activity', { format });
    await expectOcs(clean, version, format, { code: 100, data: [] }, 'apps-disable', '32.0.2');
    expect(t.mock.state.apps.get('activity')!.enabled).toBe(false);
  });
});

/** GET /cloud/apps without a filter on the recorded server (recording apps-get-apps/empty-filter.*). */
const RECORDED_LIST = [
  'systemtags', 'admin_audit', 'federation', 'updatenotification', 'files_sharing', 'files_reminders', 'files_versions', 'contactsinteraction', 'files_trashbin',
  'sharebymail', 'encryption', 'comments', 'user_ldap', 'testing', 'files_external', 'dashboard', 'weather_status', 'user_status',
];
const RECORDED_STATE = fileURLToPath(new URL('../fixtures/nc29/initial.json', import.meta.url));

describe.each(MATRIX)('GET /cloud/apps with a PHP-falsy filter v$version $format', ({ version, format }) => {
  // AppsController::getApps: `if ($filter)` up to 33 (S33), `$filter !== null` from 34 (S34).
  for (const release of ['29.0.6', '33.0.2']) {
    it(`v${version} ${format} ${release}: filter= and filter=0 -> the full list, as without a filter (apps-get-apps/empty-filter)`, async () => {
      const { app } = await freshMock({ nextcloud: release, fixture: RECORDED_STATE });
      for (const query of ['?filter=', '?filter=0']) {
        const res = await ocs(app, 'get', version, `/cloud/apps${query}`, { format });
        await expectOcs(res, version, format, { code: 100, data: { apps: RECORDED_LIST } }, 'apps-get-apps', release);
      }
    });
  }

  it(`v${version} ${format} 34.0.1: filter= and filter=0 -> 101 "Invalid filter"`, async () => {
    const { app } = await freshMock({ nextcloud: '34.0.1', fixture: RECORDED_STATE });
    for (const query of ['?filter=', '?filter=0']) {
      const res = await ocs(app, 'get', version, `/cloud/apps${query}`, { format });
      await expectOcs(res, version, format, { code: 101, message: 'Invalid filter' }, undefined, '34.0.1');
    }
  });
});
