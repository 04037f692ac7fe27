import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs, type TestMock } from '../support/mock.js';
import { expectOcs, expectValidResponse, httpStatusFor } from '../support/operations.js';
import { describeDenials, snapshot } from '../support/operationsDenials.js';

const BASE = '/apps/provisioning_api/api/v1/config/apps';

/** Apps with any app config in the default fixture: every enabled app plus core, sorted. */
const CONFIG_APPS = [
  'activity', 'cloud_federation_api', 'comments', 'contactsinteraction', 'core', 'dashboard', 'dav',
  'federatedfilesharing', 'federation', 'files', 'files_reminders', 'files_sharing', 'files_trashbin', 'files_versions',
  'firstrunwizard', 'lookup_server_connector', 'notifications', 'oauth2', 'password_policy', 'photos',
  'privacy', 'provisioning_api', 'serverinfo', 'settings', 'sharebymail', 'systemtags', 'text', 'theming',
  'twofactor_backupcodes', 'updatenotification', 'user_status', 'viewer', 'weather_status', 'workflowengine',
];

const CORE_KEYS = [
  'backgroundjobs_mode', 'installedat', 'lastcron', 'newUser.sendEmail', 'public_files', 'remote_webdav',
  'shareapi_enabled', 'vendor',
];

const INVALID_APP = 'Invalid app id given';
const BLOCKED_KEY = 'The given key can not be set';

describe.each(MATRIX)('app config v$version $format', ({ version, format }) => {
  let t: TestMock;
  // One mock per version x format; reset() rebuilds its state from the fixture before each test.
  beforeAll(async () => {
    t = await freshMock();
  });
  beforeEach(() => t.mock.reset());
  const v = `v${version} ${format}`;

  /** A DataResponse(['data' => ['message' => …]], 403): meta message empty, the text in data. */
  async function expectRefusal(res: Awaited<ReturnType<typeof ocs>>, message: string, operationId: string): Promise<void> {
    await expectOcs(res, version, format, { code: 403, message: '', data: { data: { message } } });
    if (format === 'json') {
      // The spec describes the v2 answer (HTTP 403); v1 carries the same body with HTTP 200.
      await expectValidResponse(operationId, 403, JSON.parse(res.text));
    } else {
      expect(res.text).toContain(` <data>\n  <data>\n   <message>${message}</message>\n  </data>\n </data>\n`);
    }
  }

  describe('GET config/apps', () => {
    it(`${v} apps with config -> sorted list wrapped in data`, async () => {
      const res = await ocs(t.app, 'get', version, BASE, { format });
      await expectOcs(res, version, format, { code: 100, data: { data: CONFIG_APPS } }, 'app_config-get-apps');
    });
  });

  describe('GET config/apps/{app}', () => {
    it(`${v} keys of core -> sorted list`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/core`, { format });
      await expectOcs(res, version, format, { code: 100, data: { data: CORE_KEYS } }, 'app_config-get-keys');
    });

    it(`${v} keys of an enabled app -> its own keys and the installer's`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/activity`, { format });
      await expectOcs(res, version, format, { code: 100, data: { data: ['enable_email', 'enabled', 'installed_version', 'types'] } }, 'app_config-get-keys');
    });

    it(`${v} keys of an app without config -> empty list`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/noconfigapp`, { format });
      await expectOcs(res, version, format, { code: 100, data: { data: [] } }, 'app_config-get-keys');
    });

    it(`${v} keys of app id bad..id -> 403, data.data.message "${INVALID_APP}", HTTP ${httpStatusFor(version, 403)}`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/bad..id`, { format });
      await expectRefusal(res, INVALID_APP, 'app_config-get-keys');
    });
  });

  describe('GET config/apps/{app}/{key}', () => {
    it(`${v} value of core/backgroundjobs_mode -> "ajax"`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/core/backgroundjobs_mode`, { format });
      await expectOcs(res, version, format, { code: 100, data: { data: 'ajax' } }, 'app_config-get-value');
    });

    it(`${v} value of an existing key ignores defaultValue`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/theming/name?defaultValue=other`, { format });
      await expectOcs(res, version, format, { code: 100, data: { data: 'Nextcloud' } }, 'app_config-get-value');
    });

    it(`${v} value of a missing key -> empty string`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/core/nosuchkey`, { format });
      await expectOcs(res, version, format, { code: 100, data: { data: '' } }, 'app_config-get-value');
    });

    it(`${v} value of a missing key with defaultValue -> the default`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/core/nosuchkey?defaultValue=fallback`, { format });
      await expectOcs(res, version, format, { code: 100, data: { data: 'fallback' } }, 'app_config-get-value');
    });

    it(`${v} value with defaultValue in a JSON body -> the default`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/noconfigapp/key`, { format }).send({ defaultValue: 'from-body' });
      await expectOcs(res, version, format, { code: 100, data: { data: 'from-body' } }, 'app_config-get-value');
    });

    it(`${v} value of a blocked key can be read -> its value`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/activity/installed_version`, { format });
      await expectOcs(res, version, format, { code: 100, data: { data: '2.21.1' } }, 'app_config-get-value');
    });

    it(`${v} value for app id bad..id -> 403, data.data.message "${INVALID_APP}"`, async () => {
      const res = await ocs(t.app, 'get', version, `${BASE}/bad..id/key`, { format });
      await expectRefusal(res, INVALID_APP, 'app_config-get-value');
    });
  });

  describe('DELETE config/apps/{app}/{key}', () => {
    it(`${v} delete core/vendor -> 100, key gone`, async () => {
      const res = await ocs(t.app, 'delete', version, `${BASE}/core/vendor`, { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'app_config-delete-key');
      expect(t.mock.state.appConfig.get('core')!.has('vendor')).toBe(false);
      const value = await ocs(t.app, 'get', 2, `${BASE}/core/vendor`, { format: 'json' });
      expect(JSON.parse(value.text).ocs.data).toEqual({ data: '' });
      const keys = await ocs(t.app, 'get', 2, `${BASE}/core`, { format: 'json' });
      expect(JSON.parse(keys.text).ocs.data).toEqual({ data: CORE_KEYS.filter((key) => key !== 'vendor') });
    });

    it(`${v} delete a missing key -> 100`, async () => {
      const res = await ocs(t.app, 'delete', version, `${BASE}/core/nosuchkey`, { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'app_config-delete-key');
    });

    it(`${v} delete the last key of an app -> the app leaves config/apps`, async () => {
      t.mock.state.appConfig.set('lonely', new Map([['only', 'value']]));
      const res = await ocs(t.app, 'delete', version, `${BASE}/lonely/only`, { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'app_config-delete-key');
      const apps = await ocs(t.app, 'get', 2, BASE, { format: 'json' });
      expect(JSON.parse(apps.text).ocs.data).toEqual({ data: CONFIG_APPS });
    });

    for (const [app, key] of [
      ['activity', 'installed_version'],
      ['activity', 'enabled'],
      ['activity', 'types'],
      ['noconfigapp', 'enabled'],
      ['core', 'public_files'],
      ['core', 'remote_webdav'],
      ['core', 'encryption_enabled'],
    ]) {
      it(`${v} delete blocked key ${app}/${key} -> 403, data.data.message "${BLOCKED_KEY}", nothing deleted`, async () => {
        const before = snapshot(t.mock.state);
        const res = await ocs(t.app, 'delete', version, `${BASE}/${app}/${key}`, { format });
        await expectRefusal(res, BLOCKED_KEY, 'app_config-delete-key');
        expect(snapshot(t.mock.state)).toBe(before);
      });
    }

    it(`${v} delete for app id bad..id -> 403, data.data.message "${INVALID_APP}"`, async () => {
      const res = await ocs(t.app, 'delete', version, `${BASE}/bad..id/key`, { format });
      await expectRefusal(res, INVALID_APP, 'app_config-delete-key');
    });

    it(`${v} delete with an invalid app id and a blocked key -> the app id is refused first`, async () => {
      const res = await ocs(t.app, 'delete', version, `${BASE}/bad..id/enabled`, { format });
      await expectRefusal(res, INVALID_APP, 'app_config-delete-key');
    });
  });
});

describeDenials('app config', [
  { method: 'get', path: BASE, access: 'admin' },
  { method: 'get', path: `${BASE}/core`, access: 'admin' },
  { method: 'get', path: `${BASE}/core/backgroundjobs_mode`, access: 'admin' },
  { method: 'delete', path: `${BASE}/core/vendor`, access: 'admin' },
]);
