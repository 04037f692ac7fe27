import { describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs } from '../support/mock.js';
import { expectOcs } from '../support/operations.js';

/**
 * /cloud/apps per release (DIFFERENCES.md §11, apps/provisioning_api/lib/Controller/AppsController.php):
 * `filter=disabled` keeps array_diff()'s keys up to 30 and is array_values()'d from 31 (S30 -> S31a);
 * 32+ check the app id with AppManager::cleanAppId() before getAppInfo, enable and disable (S31 -> S32a).
 */

/** The default fixture's disabled apps, keyed by their place among the apps that are not always enabled. */
const DISABLED_KEYED = { 1: 'admin_audit', 8: 'encryption', 12: 'user_ldap', 14: 'files_external', 19: 'suspicious_login', 22: 'twofactor_totp' };
const DISABLED_LIST = ['admin_audit', 'encryption', 'user_ldap', 'files_external', 'suspicious_login', 'twofactor_totp'];

describe.each(MATRIX)('GET /cloud/apps?filter=disabled v$version $format', ({ version, format }) => {
  it(`v${version} ${format} 30 -> array_diff keys: a JSON object {"1":"admin_audit","8":…}`, async () => {
    const { app } = await freshMock({ nextcloud: '30' });
    const res = await ocs(app, 'get', version, '/cloud/apps?filter=disabled', { format });
    await expectOcs(res, version, format, { code: 100, data: { apps: DISABLED_KEYED } });
    if (format === 'json') expect(res.text).toContain('"apps":{"1":"admin_audit","8":"encryption",');
  });

  it(`v${version} ${format} 31.0.2 -> a list ["admin_audit","encryption",…]`, async () => {
    const { app } = await freshMock({ nextcloud: '31.0.2' });
    const res = await ocs(app, 'get', version, '/cloud/apps?filter=disabled', { format });
    await expectOcs(res, version, format, { code: 100, data: { apps: DISABLED_LIST } }, 'apps-get-apps', '31.0.2');
  });
});

const INVALID = 'Invalid app id given';

describe.each(MATRIX)('app ids cleanAppId() changes v$version $format', ({ version, format }) => {
  it(`v${version} ${format} 32: GET /cloud/apps/Files -> 997 "${INVALID}", HTTP 401`, async () => {
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

  it(`v${version} ${format} 32: DELETE /cloud/apps/1activity -> 997, nothing written`, async () => {
    const t = await freshMock({ nextcloud: '32' });
    const res = await ocs(t.app, 'delete', version, '/cloud/apps/1activity', { format });
    await expectOcs(res, version, format, { code: 997, message: INVALID }, undefined, '32.0.2');
    expect(t.mock.state.appConfig.has('1activity')).toBe(false);
  });

  it(`v${version} ${format} 31.0.11: GET /cloud/apps/Files -> 998 "The request app was not found" (no id check)`, async () => {
    const { app } = await freshMock({ nextcloud: '31' });
    const res = await ocs(app, 'get', version, '/cloud/apps/Files', { format });
    await expectOcs(res, version, format, { code: 998, message: 'The request app was not found' }, undefined, '31.0.11');
  });

  it(`v${version} ${format} 31.0.11: DELETE /cloud/apps/1activity -> 100 and writes 1activity/enabled = no`, async () => {
    const t = await freshMock({ nextcloud: '31' });
    const res = await ocs(t.app, 'delete', version, '/cloud/apps/1activity', { format });
    await expectOcs(res, version, format, { code: 100, data: [] }, 'apps-disable', '31.0.11');
    expect(t.mock.state.appConfig.get('1activity')?.get('enabled')).toBe('no');
  });

  it(`v${version} ${format} 32: a clean id (activity) still works -> 100`, async () => {
    const t = await freshMock({ nextcloud: '32' });
    const res = await ocs(t.app, 'delete', version, '/cloud/apps/activity', { format });
    await expectOcs(res, version, format, { code: 100, data: [] }, 'apps-disable', '32.0.2');
    expect(t.mock.state.apps.get('activity')!.enabled).toBe(false);
  });
});
