import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMock } from '../../src/mock.js';
import { freshMock, MATRIX, ocs, VERSIONS, type TestMock } from '../support/mock.js';
import { expectOcs, type Php } from '../support/operations.js';

/**
 * GET /cloud/apps/{app} (AppManager::getAppInfo: InfoParser keeps the file's keys in their order and
 * appends its defaults after them) and the app config rows an app has (installer, enable, always-enabled).
 */

const NC29_SERVER = fileURLToPath(new URL('../fixtures/nc29-server.json', import.meta.url));
const CONFIG = '/apps/provisioning_api/api/v1/config/apps';

/** apps-get-app-info/provisioning_api.v2-json, byte for byte: `types` and `documentation` where the file has them. */
const PROVISIONING_API_V2_JSON = String.raw`{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":{"id":"provisioning_api","name":"Provisioning API","summary":"This application enables a set of APIs that external systems can use to manage accounts, groups and apps.","description":"This application enables a set of APIs that external systems can use to create, edit, delete and query account\n\t\tattributes, query, set and remove groups, set quota and query total storage used in Nextcloud. Group admin accounts\n\t\tcan also query Nextcloud and perform the same functions as an admin for groups they manage. The API also enables\n\t\tan admin to query for active Nextcloud applications, application info, and to enable or disable an app remotely.\n\t\tOnce the app is enabled, HTTP requests can be used via a Basic Auth header to perform any of the functions\n\t\tlisted above. More information is available in the Provisioning API documentation, including example calls\n\t\tand server responses.","version":"1.19.0","licence":"agpl","author":"Tom Needham","namespace":"Provisioning_API","types":["prevent_group_restriction"],"documentation":{"admin":"admin-provisioning-api"},"category":"integration","bugs":"https:\/\/github.com\/nextcloud\/server\/issues","dependencies":{"nextcloud":{"@attributes":{"min-version":"29","max-version":"29"}}},"info":[],"remote":[],"public":[],"repair-steps":{"install":[],"pre-migration":[],"post-migration":[],"live-migration":[],"uninstall":[]},"background-jobs":[],"two-factor-providers":[],"commands":[],"activity":{"filters":[],"settings":[],"providers":[]},"settings":{"admin":[],"admin-section":[],"personal":[],"personal-section":[]}}}}`;

/** apps-get-app-info/weather_status.v2-json: no types in the file, so InfoParser adds them after `public`. */
const WEATHER_STATUS_V2_JSON = String.raw`{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":{"id":"weather_status","name":"Weather status","summary":"Weather status in your dashboard","description":"Weather status integrated in the Dashboard app.\n    The geographic location can be automatically determined or manually defined. A 6 hours forecast is then displayed.\n    This status can also be integrated in other places like the Calendar app.","version":"1.9.0","licence":"agpl","author":{"@attributes":{"mail":"eneiluj@posteo.net"},"@value":"Julien Veyssier"},"namespace":"WeatherStatus","category":["integration","dashboard"],"bugs":"https:\/\/github.com\/nextcloud\/server","dependencies":{"nextcloud":{"@attributes":{"min-version":"29","max-version":"29"}}},"info":[],"remote":[],"public":[],"types":[],"repair-steps":{"install":[],"pre-migration":[],"post-migration":[],"live-migration":[],"uninstall":[]},"background-jobs":[],"two-factor-providers":[],"commands":[],"activity":{"filters":[],"settings":[],"providers":[]},"settings":{"admin":[],"admin-section":[],"personal":[],"personal-section":[]}}}}`;

/** apps-get-app-info/disabled-app.v2-json (admin_audit): its background-jobs before the added defaults. */
const ADMIN_AUDIT_V2_JSON = String.raw`{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":{"id":"admin_audit","name":"Auditing \/ Logging","summary":"Provides logging abilities for Nextcloud such as logging file accesses or otherwise sensitive actions.","description":"Provides logging abilities for Nextcloud such as logging file accesses or otherwise sensitive actions.","version":"1.19.0","licence":"agpl","author":"Nextcloud","namespace":"AdminAudit","types":["logging"],"category":"monitoring","bugs":"https:\/\/github.com\/nextcloud\/server\/issues","dependencies":{"nextcloud":{"@attributes":{"min-version":"29","max-version":"29"}}},"background-jobs":{"job":"OCA\\AdminAudit\\BackgroundJobs\\Rotate"},"info":[],"remote":[],"public":[],"repair-steps":{"install":[],"pre-migration":[],"post-migration":[],"live-migration":[],"uninstall":[]},"two-factor-providers":[],"commands":[],"activity":{"filters":[],"settings":[],"providers":[]},"settings":{"admin":[],"admin-section":[],"personal":[],"personal-section":[]}}}}`;

const dataOf = (body: string) => (JSON.parse(body) as { ocs: { data: Php } }).ocs.data;

describe.each(MATRIX)('app info v$version $format', ({ version, format }) => {
  let t: TestMock;
  beforeEach(async () => {
    t = await freshMock();
  });

  it(`v${version} ${format} provisioning_api -> its info.xml keys in file order, then the parser's defaults`, async () => {
    // apps-get-app-info/provisioning_api.v{1,2}-{json,xml}
    const res = await ocs(t.app, 'get', version, '/cloud/apps/provisioning_api', { format });
    await expectOcs(res, version, format, { code: 200, data: dataOf(PROVISIONING_API_V2_JSON) });
    if (version === 2 && format === 'json') expect(res.text).toBe(PROVISIONING_API_V2_JSON);
  });
});

describe.each(VERSIONS)('app info v%s', (version) => {
  let t: TestMock;
  beforeEach(async () => {
    t = await freshMock();
  });

  it(`v${version} weather_status -> types added after public (apps-get-app-info/weather_status.v${version}-json)`, async () => {
    const res = await ocs(t.app, 'get', version, '/cloud/apps/weather_status', { format: 'json' });
    await expectOcs(res, version, 'json', { code: 200, data: dataOf(WEATHER_STATUS_V2_JSON) });
    if (version === 2) expect(res.text).toBe(WEATHER_STATUS_V2_JSON);
  });

  it(`v${version} disabled admin_audit -> its info all the same (apps-get-app-info/disabled-app.v${version}-json)`, async () => {
    const res = await ocs(t.app, 'get', version, '/cloud/apps/admin_audit', { format: 'json' });
    await expectOcs(res, version, 'json', { code: 200, data: dataOf(ADMIN_AUDIT_V2_JSON) });
    if (version === 2) expect(res.text).toBe(ADMIN_AUDIT_V2_JSON);
  });

  it(`v${version} fixture info in any order -> the order of app-info-shipped.xsd, defaults completed after the file's keys`, async () => {
    const mock = await freshMock({
      fixture: {
        groups: [{ id: 'admin' }],
        users: [{ id: 'admin', password: 'admin', groups: ['admin'] }],
        apps: [
          {
            id: 'notes',
            name: 'Notes',
            version: '4.10.1',
            enabled: true,
            info: {
              settings: { admin: ['OCA\\Notes\\Settings'] },
              category: ['office', 'organization'],
              documentation: { user: 'https://example.org/notes' },
              types: ['filesystem'],
              description: '\n\t\tDistraction-free notes.\n\t',
              'background-jobs': ['OCA\\Notes\\Cleanup'],
            },
          },
        ],
      },
    });
    const res = await ocs(mock.app, 'get', version, '/cloud/apps/notes', { format: 'json' });
    await expectOcs(res, version, 'json', {
      code: 200,
      data: {
        id: 'notes',
        name: 'Notes',
        summary: 'Notes',
        description: 'Distraction-free notes.',
        version: '4.10.1',
        licence: 'agpl',
        author: 'Nextcloud',
        namespace: 'Notes',
        types: ['filesystem'],
        documentation: { user: 'https://example.org/notes' },
        category: ['office', 'organization'],
        bugs: 'https://github.com/nextcloud/server/issues',
        dependencies: { nextcloud: { '@attributes': { 'min-version': '29', 'max-version': '29' } } },
        'background-jobs': ['OCA\\Notes\\Cleanup'],
        settings: { admin: ['OCA\\Notes\\Settings'], 'admin-section': [], personal: [], 'personal-section': [] },
        info: [],
        remote: [],
        public: [],
        'repair-steps': { install: [], 'pre-migration': [], 'post-migration': [], 'live-migration': [], uninstall: [] },
        'two-factor-providers': [],
        commands: [],
        activity: { filters: [], settings: [], providers: [] },
      },
    });
  });
});

describe.each(VERSIONS)('app config rows v%s', (version) => {
  let t: TestMock;
  beforeEach(async () => {
    t = await freshMock({ fixture: NC29_SERVER });
  });

  it(`v${version} apps with config -> installed apps, core and recorderapp; never-installed viewer has none`, async () => {
    // app_config-get-apps/list.v{1,2}-json
    const res = await ocs(t.app, 'get', version, CONFIG, { format: 'json' });
    await expectOcs(res, version, 'json', {
      code: 200,
      data: {
        data: [
          'cloud_federation_api', 'comments', 'contactsinteraction', 'core', 'dashboard', 'dav', 'federatedfilesharing',
          'federation', 'files', 'files_reminders', 'files_sharing', 'files_trashbin', 'files_versions',
          'lookup_server_connector', 'oauth2', 'provisioning_api', 'recorderapp', 'settings', 'sharebymail', 'systemtags',
          'theming', 'twofactor_backupcodes', 'updatenotification', 'user_status', 'weather_status', 'workflowengine',
        ],
      },
    });
  });

  it(`v${version} keys of provisioning_api -> the installer's rows and the fixture's`, async () => {
    // app_config-get-keys/provisioning_api.v{1,2}-json
    const res = await ocs(t.app, 'get', version, `${CONFIG}/provisioning_api`, { format: 'json' });
    await expectOcs(res, version, 'json', { code: 200, data: { data: ['enabled', 'installed_version', 'recorder_a', 'recorder_b', 'types'] } });
  });

  it(`v${version} provisioning_api/types -> its info types joined (app_config-get-value/builtin.v${version}-json)`, async () => {
    const res = await ocs(t.app, 'get', version, `${CONFIG}/provisioning_api/types`, { format: 'json' });
    await expectOcs(res, version, 'json', { code: 200, data: { data: 'prevent_group_restriction' } });
  });

  it(`v${version} enable a never-installed app -> only its enabled row (AppManager::enableApp)`, async () => {
    const res = await ocs(t.app, 'post', version, '/cloud/apps/encryption', { format: 'json' });
    await expectOcs(res, version, 'json', { code: 200, data: [] });
    const keys = await ocs(t.app, 'get', version, `${CONFIG}/encryption`, { format: 'json' });
    await expectOcs(keys, version, 'json', { code: 200, data: { data: ['enabled'] } });
  });
});

describe('fixture: installed', () => {
  const fixture = (apps: { id: string; enabled: boolean; alwaysEnabled?: boolean; installed?: boolean }[]) => ({
    groups: [{ id: 'admin' }],
    users: [{ id: 'admin', password: 'admin', groups: ['admin'] }],
    apps: apps.map((app) => ({ ...app, version: '2.0.0', info: { types: ['filesystem', 'dav'] } })),
  });

  it('an installed app that was disabled keeps enabled=no, installed_version and types', async () => {
    const mock = await createMock({ fixture: fixture([{ id: 'photos', enabled: false, installed: true }]) });
    expect(Object.fromEntries(mock.state.appConfig.get('photos')!)).toEqual({ enabled: 'no', installed_version: '2.0.0', types: 'filesystem,dav' });
  });

  it('an enabled app that was never installed has only enabled=yes; an always-enabled one nothing', async () => {
    const mock = await createMock({
      fixture: fixture([
        { id: 'photos', enabled: true, installed: false },
        { id: 'viewer', enabled: true, alwaysEnabled: true, installed: false },
      ]),
    });
    expect(Object.fromEntries(mock.state.appConfig.get('photos')!)).toEqual({ enabled: 'yes' });
    expect(mock.state.appConfig.has('viewer')).toBe(false);
  });

  it('id, name or version inside info -> refused with its path', async () => {
    const broken = fixture([{ id: 'photos', enabled: true }]);
    (broken.apps[0]!.info as Record<string, unknown>).name = 'Photos';
    await expect(createMock({ fixture: broken })).rejects.toThrow('/apps/0/info/name: set "name" on the app itself, not in its info');
  });
});
