import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs, type TestMock } from '../support/mock.js';
import { expectFramework996, expectOcs, httpStatusFor, type Php } from '../support/operations.js';
import { describeDenials } from '../support/operationsDenials.js';

/** listAllApps(): the apps folder in scan order, without the always-enabled core apps. */
const LISTED_APPS = [
  'systemtags', 'admin_audit', 'federation', 'updatenotification', 'files_sharing', 'files_reminders',
  'files_versions', 'contactsinteraction', 'encryption', 'files_trashbin', 'sharebymail', 'comments',
  'user_ldap', 'activity', 'files_external', 'dashboard', 'weather_status', 'user_status', 'notifications',
  'suspicious_login', 'password_policy', 'text', 'twofactor_totp', 'photos', 'serverinfo', 'privacy',
  'firstrunwizard',
];

/** OC_App::getEnabledApps(): sorted, then `files` moved to the front; always-enabled apps included. */
const ENABLED_APPS = [
  'files', 'activity', 'cloud_federation_api', 'comments', 'contactsinteraction', 'dashboard', 'dav',
  'federatedfilesharing', 'federation', 'files_reminders', 'files_sharing', 'files_trashbin', 'files_versions',
  'firstrunwizard', 'lookup_server_connector', 'notifications', 'oauth2', 'password_policy', 'photos', 'privacy',
  'provisioning_api', 'serverinfo', 'settings', 'sharebymail', 'systemtags', 'text', 'theming',
  'twofactor_backupcodes', 'updatenotification', 'user_status', 'viewer', 'weather_status', 'workflowengine',
];

/** array_diff($list, $enabled) keeps the positions of LISTED_APPS as keys. */
const DISABLED_APPS: { [key: string]: Php } = {
  1: 'admin_audit',
  8: 'encryption',
  12: 'user_ldap',
  14: 'files_external',
  19: 'suspicious_login',
  22: 'twofactor_totp',
};

/**
 * The parsed appinfo/info.xml the mock keeps for `activity` (no `info` in the fixture): the required
 * elements, then InfoParser's defaults, `types` among them after `public` (weather_status.v2-json).
 */
const ACTIVITY_INFO: Php = {
  id: 'activity',
  name: 'Activity',
  summary: 'Activity',
  description: 'Activity',
  version: '2.21.1',
  licence: 'agpl',
  author: 'Nextcloud',
  namespace: 'Activity',
  category: 'tools',
  bugs: 'https://github.com/nextcloud/server/issues',
  dependencies: { nextcloud: { '@attributes': { 'min-version': '29', 'max-version': '29' } } },
  info: [],
  remote: [],
  public: [],
  types: [],
  'repair-steps': { install: [], 'pre-migration': [], 'post-migration': [], 'live-migration': [], uninstall: [] },
  'background-jobs': [],
  'two-factor-providers': [],
  commands: [],
  activity: { filters: [], settings: [], providers: [] },
  settings: { admin: [], 'admin-section': [], personal: [], 'personal-section': [] },
};

const NOT_FOUND = 'The request app was not found';

describe.each(MATRIX)('apps v$version $format', ({ version, format }) => {
  let t: TestMock;
  // One mock per version x format; reset() rebuilds its state from the fixture before each test.
  beforeAll(async () => {
    t = await freshMock();
  });
  beforeEach(() => t.mock.reset());
  const v = `v${version} ${format}`;

  describe('GET /cloud/apps', () => {
    it(`${v} list without filter -> every installed app except the always-enabled ones`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/apps', { format });
      await expectOcs(res, version, format, { code: 100, data: { apps: LISTED_APPS } }, 'apps-get-apps');
    });

    it(`${v} filter=enabled -> enabled apps, always-enabled included, files first`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/apps?filter=enabled', { format });
      await expectOcs(res, version, format, { code: 100, data: { apps: ENABLED_APPS } }, 'apps-get-apps');
    });

    it(`${v} filter=disabled -> disabled apps keyed by their position in the unfiltered list`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/apps?filter=disabled', { format });
      // JSON: an object with numeric string keys; XML: plain <element>s (findings 15).
      await expectOcs(res, version, format, { code: 100, data: { apps: DISABLED_APPS } });
      if (format === 'json') {
        expect(res.text).toContain('"apps":{"1":"admin_audit","8":"encryption","12":"user_ldap",');
      } else {
        expect(res.text).toContain('  <apps>\n   <element>admin_audit</element>\n   <element>encryption</element>\n');
      }
    });

    it(`${v} filter=bogus -> 101 with empty message, HTTP ${httpStatusFor(version, 101)}`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/apps?filter=bogus', { format });
      await expectOcs(res, version, format, { code: 101, message: '' });
    });
  });

  describe('GET /cloud/apps/{app}', () => {
    it(`${v} info of an installed app -> its parsed info.xml`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/apps/activity', { format });
      // No schema check here: openapi.json types every info value as an object (see schema.test.ts).
      await expectOcs(res, version, format, { code: 100, data: ACTIVITY_INFO });
      if (format === 'xml') {
        // @attributes become XML attributes on a self-closing element (findings 18).
        expect(res.text).toContain('  <dependencies>\n   <nextcloud min-version="29" max-version="29"/>\n  </dependencies>\n');
        expect(res.text).toContain('  <types/>\n');
      }
    });

    it(`${v} info of an always-enabled app -> 100`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/apps/files', { format });
      expect(res.status).toBe(200);
      expect(res.text).toContain(format === 'json' ? '"id":"files","name":"Files"' : '  <id>files</id>\n  <name>Files</name>\n');
    });

    for (const app of ['unknownapp', 'bad..id']) {
      it(`${v} info of ${app} -> 998 "${NOT_FOUND}", HTTP ${httpStatusFor(version, 998)}`, async () => {
        const res = await ocs(t.app, 'get', version, `/cloud/apps/${app}`, { format });
        await expectOcs(res, version, format, { code: 998, message: NOT_FOUND });
      });
    }
  });

  describe('POST /cloud/apps/{app}', () => {
    it(`${v} enable a disabled app -> 100, listed as enabled and no longer as disabled`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/apps/encryption', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'apps-enable');
      expect(t.mock.state.apps.get('encryption')!.enabled).toBe(true);
      expect(t.mock.state.appConfig.get('encryption')!.get('enabled')).toBe('yes');
      const enabled = await ocs(t.app, 'get', 2, '/cloud/apps?filter=enabled', { format: 'json' });
      expect(JSON.parse(enabled.text).ocs.data.apps).toContain('encryption');
      const disabled = await ocs(t.app, 'get', 2, '/cloud/apps?filter=disabled', { format: 'json' });
      expect(JSON.parse(disabled.text).ocs.data.apps).toEqual({
        1: 'admin_audit', 12: 'user_ldap', 14: 'files_external', 19: 'suspicious_login', 22: 'twofactor_totp',
      });
    });

    it(`${v} enable an enabled app again -> 100 (idempotent)`, async () => {
      await ocs(t.app, 'post', version, '/cloud/apps/activity', { format });
      const res = await ocs(t.app, 'post', version, '/cloud/apps/activity', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'apps-enable');
      expect(t.mock.state.apps.get('activity')!.enabled).toBe(true);
    });

    it(`${v} enable an unknown app -> 998 "${NOT_FOUND}", HTTP ${httpStatusFor(version, 998)}`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/apps/unknownapp', { format });
      await expectOcs(res, version, format, { code: 998, message: NOT_FOUND });
      expect(t.mock.state.apps.has('unknownapp')).toBe(false);
      expect(t.mock.state.appConfig.has('unknownapp')).toBe(false);
    });
  });

  describe('DELETE /cloud/apps/{app}', () => {
    it(`${v} disable an enabled app -> 100, then listed under filter=disabled`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/apps/activity', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'apps-disable');
      expect(t.mock.state.apps.get('activity')!.enabled).toBe(false);
      expect(t.mock.state.appConfig.get('activity')!.get('enabled')).toBe('no');
      const disabled = await ocs(t.app, 'get', 2, '/cloud/apps?filter=disabled', { format: 'json' });
      expect(JSON.parse(disabled.text).ocs.data.apps).toEqual({ ...DISABLED_APPS, 13: 'activity' });
    });

    it(`${v} disable a disabled app again -> 100 (idempotent)`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/apps/encryption', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'apps-disable');
      expect(t.mock.state.apps.get('encryption')!.enabled).toBe(false);
    });

    it(`${v} disable an unknown app -> 100 and <app>/enabled=no appears in app config`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/apps/unknownapp', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'apps-disable');
      const apps = await ocs(t.app, 'get', 2, '/apps/provisioning_api/api/v1/config/apps', { format: 'json' });
      expect(JSON.parse(apps.text).ocs.data.data).toContain('unknownapp');
      const keys = await ocs(t.app, 'get', 2, '/apps/provisioning_api/api/v1/config/apps/unknownapp', { format: 'json' });
      expect(JSON.parse(keys.text).ocs.data).toEqual({ data: ['enabled'] });
      const value = await ocs(t.app, 'get', 2, '/apps/provisioning_api/api/v1/config/apps/unknownapp/enabled', { format: 'json' });
      expect(JSON.parse(value.text).ocs.data).toEqual({ data: 'no' });
      expect(t.mock.state.apps.has('unknownapp')).toBe(false);
    });

    it(`${v} disable an always-enabled app -> framework 996 (v2: 500), app stays enabled`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/apps/files', { format });
      expectFramework996(res, version, format);
      expect(t.mock.state.apps.get('files')!.enabled).toBe(true);
      expect(t.mock.state.appConfig.get('files')!.get('enabled')).toBe('yes');
    });
  });
});

describeDenials('apps', [
  { method: 'get', path: '/cloud/apps', access: 'admin' },
  { method: 'get', path: '/cloud/apps?filter=enabled', access: 'admin' },
  { method: 'get', path: '/cloud/apps/activity', access: 'admin' },
  { method: 'post', path: '/cloud/apps/encryption', access: 'admin' },
  { method: 'delete', path: '/cloud/apps/activity', access: 'admin' },
]);
