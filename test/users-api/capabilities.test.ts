import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs, VERSIONS, type TestMock } from '../support/mock.js';
import { expectOcs, type Php } from '../support/operations.js';

/**
 * GET /cloud/capabilities (core OCSController::getCapabilities): the server's and every enabled app's
 * capabilities (each app's lib/Capabilities.php, NC 29.0.6), folded in registration order, and only
 * the public ones (bruteforce, theming) for anonymous callers.
 */

/** A mock with the apps and app config of the recorded 29.0.6 server (reference/nc29/README.md). */
const NC29_SERVER = fileURLToPath(new URL('../fixtures/nc29-server.json', import.meta.url));
const RECORDED_HOST = '127.0.0.1:18080';

/** capabilities/admin.v2-json, byte for byte. */
const ADMIN_V2_JSON = String.raw`{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":{"version":{"major":29,"minor":0,"micro":6,"string":"29.0.6","edition":"","extendedSupport":false},"capabilities":{"core":{"pollinterval":60,"webdav-root":"remote.php\/webdav","reference-api":true,"reference-regex":"(\\s|\\n|^)(https?:\\\/\\\/)([-A-Z0-9+_.]+(?::[0-9]+)?(?:\\\/[-A-Z0-9+&@#%?=~_|!:,.;()]*)*)(\\s|\\n|$)","mod-rewrite-working":false},"bruteforce":{"delay":0,"allow-listed":true},"files":{"bigfilechunking":true,"blacklisted_files":[".htaccess"],"forbidden_filename_characters":["\\","\/"],"directEditing":{"url":"http:\/\/127.0.0.1:18080\/ocs\/v2.php\/apps\/files\/api\/v1\/directEditing","etag":"4ce473bf0dbeb3a09bb0f38e30bc31c4","supportsFileId":true},"comments":true,"undelete":true,"versioning":true,"version_labeling":true,"version_deletion":true},"ocm":{"enabled":true,"apiVersion":"1.0-proposal1","endPoint":"http:\/\/127.0.0.1:18080\/index.php\/ocm","resourceTypes":[{"name":"file","shareTypes":["user","group"],"protocols":{"webdav":"\/public.php\/webdav\/"}}]},"dav":{"chunking":"1.0","bulkupload":"1.0"},"files_sharing":{"api_enabled":true,"public":{"enabled":true,"password":{"enforced":false,"askForOptionalPassword":false},"expire_date":{"enabled":false},"multiple_links":true,"expire_date_internal":{"enabled":false},"expire_date_remote":{"enabled":false},"send_mail":false,"upload":true,"upload_files_drop":true},"resharing":true,"user":{"send_mail":false,"expire_date":{"enabled":true}},"group_sharing":true,"group":{"enabled":true,"expire_date":{"enabled":true}},"default_permissions":31,"federation":{"outgoing":true,"incoming":true,"expire_date":{"enabled":true},"expire_date_supported":{"enabled":true}},"sharee":{"query_lookup_default":false,"always_show_unique":true},"sharebymail":{"enabled":true,"send_password_by_mail":true,"upload_files_drop":{"enabled":true},"password":{"enabled":true,"enforced":false},"expire_date":{"enabled":true,"enforced":false}}},"provisioning_api":{"version":"1.19.0","AccountPropertyScopesVersion":2,"AccountPropertyScopesFederatedEnabled":true,"AccountPropertyScopesPublishedEnabled":true},"systemtags":{"enabled":true},"theming":{"name":"Nextcloud","url":"https:\/\/nextcloud.com","slogan":"a safe home for all your data","color":"#00679e","color-text":"#ffffff","color-element":"#00679e","color-element-bright":"#00679e","color-element-dark":"#00679e","logo":"http:\/\/127.0.0.1:18080\/core\/img\/logo\/logo.svg?v=0","background":"http:\/\/127.0.0.1:18080\/apps\/theming\/img\/background\/kamil-porembinski-clouds.jpg","background-plain":false,"background-default":true,"logoheader":"http:\/\/127.0.0.1:18080\/core\/img\/logo\/logo.svg?v=0","favicon":"http:\/\/127.0.0.1:18080\/core\/img\/logo\/logo.svg?v=0"},"user_status":{"enabled":true,"restore":true,"supports_emoji":true},"weather_status":{"enabled":true}}}}}`;

/** capabilities/anonymous.v2-json, byte for byte. */
const ANONYMOUS_V2_JSON = String.raw`{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":{"version":{"major":29,"minor":0,"micro":6,"string":"29.0.6","edition":"","extendedSupport":false},"capabilities":{"bruteforce":{"delay":0,"allow-listed":true},"theming":{"name":"Nextcloud","url":"https:\/\/nextcloud.com","slogan":"a safe home for all your data","color":"#00679e","color-text":"#ffffff","color-element":"#00679e","color-element-bright":"#00679e","color-element-dark":"#00679e","logo":"http:\/\/127.0.0.1:18080\/core\/img\/logo\/logo.svg?v=0","background":"#00679e","background-plain":true,"background-default":true,"logoheader":"http:\/\/127.0.0.1:18080\/core\/img\/logo\/logo.svg?v=0","favicon":"http:\/\/127.0.0.1:18080\/core\/img\/logo\/logo.svg?v=0"}}}}}`;

const dataOf = (body: string) => (JSON.parse(body) as { ocs: { data: Php } }).ocs.data;

describe.each(MATRIX)('capabilities of the recorded server v$version $format', ({ version, format }) => {
  let t: TestMock;
  beforeEach(async () => {
    t = await freshMock({ fixture: NC29_SERVER });
  });

  it(`v${version} ${format} admin -> every enabled app's capabilities (capabilities/admin.v${version}-${format})`, async () => {
    const res = await ocs(t.app, 'get', version, '/cloud/capabilities', { format }).set('Host', RECORDED_HOST);
    await expectOcs(res, version, format, { code: 200, data: dataOf(ADMIN_V2_JSON) });
    if (version === 2 && format === 'json') expect(res.text).toBe(ADMIN_V2_JSON);
  });

  it(`v${version} ${format} anonymous -> bruteforce and theming only (capabilities/anonymous.v${version}-${format})`, async () => {
    const res = await ocs(t.app, 'get', version, '/cloud/capabilities', { user: null, format }).set('Host', RECORDED_HOST);
    await expectOcs(res, version, format, { code: 200, data: dataOf(ANONYMOUS_V2_JSON) });
    if (version === 2 && format === 'json') expect(res.text).toBe(ANONYMOUS_V2_JSON);
  });
});

const HOST = 'cloud.example.com';
const BASE = `http://${HOST}`;
const VERSION: Php = { major: 29, minor: 0, micro: 6, string: '29.0.6', edition: '', extendedSupport: false };

/**
 * json_encode() of what DirectEditingService lists while `text` is enabled (apps/text/lib/DirectEditing/
 * TextDirectEditor.php, TextDocumentCreator.php); the etag is its md5.
 */
const TEXT_EDITORS_JSON =
  '{"editors":{"text":{"id":"text","name":"Nextcloud Text","mimetypes":["text\\/markdown","text\\/plain",' +
  '"application\\/cmd","application\\/x-empty","application\\/x-msdos-program","application\\/javascript",' +
  '"application\\/json","application\\/x-perl","application\\/x-php","application\\/x-tex","application\\/xml",' +
  '"application\\/yaml","text\\/css","text\\/csv","text\\/html","text\\/org","text\\/x-c","text\\/x-c++src",' +
  '"text\\/x-h","text\\/x-java-source","text\\/x-ldif","text\\/x-python","text\\/x-shellscript"],' +
  '"optionalMimetypes":[],"secure":false}},"creators":{"textdocument":{"id":"textdocument","editor":"text",' +
  '"name":"text document","extension":"md","templates":false,"mimetype":"text\\/markdown"}}}';
const TEXT_ETAG = createHash('md5').update(TEXT_EDITORS_JSON).digest('hex');
/** md5('{"editors":[],"creators":[]}'): no editor registered (capabilities/admin.*). */
const NO_EDITORS_ETAG = '4ce473bf0dbeb3a09bb0f38e30bc31c4';

const FILES_SHARING: { [key: string]: Php } = {
  api_enabled: true,
  public: {
    enabled: true,
    password: { enforced: false, askForOptionalPassword: false },
    expire_date: { enabled: false },
    multiple_links: true,
    expire_date_internal: { enabled: false },
    expire_date_remote: { enabled: false },
    send_mail: false,
    upload: true,
    upload_files_drop: true,
  },
  resharing: true,
  user: { send_mail: false, expire_date: { enabled: true } },
  group_sharing: true,
  group: { enabled: true, expire_date: { enabled: true } },
  default_permissions: 31,
  federation: { outgoing: true, incoming: true, expire_date: { enabled: true }, expire_date_supported: { enabled: true } },
  sharee: { query_lookup_default: false, always_show_unique: true },
  sharebymail: {
    enabled: true,
    send_password_by_mail: true,
    upload_files_drop: { enabled: true },
    password: { enabled: true, enforced: false },
    expire_date: { enabled: true, enforced: false },
  },
};

const LOGO = `${BASE}/core/img/logo/logo.svg?v=0`;

/** The theming block of the default fixture (theming name/url/slogan set to the defaults). */
function theming(loggedIn: boolean): { [key: string]: Php } {
  return {
    name: 'Nextcloud',
    url: 'https://nextcloud.com',
    slogan: 'a safe home for all your data',
    color: '#00679e',
    'color-text': '#ffffff',
    'color-element': '#00679e',
    'color-element-bright': '#00679e',
    'color-element-dark': '#00679e',
    logo: LOGO,
    // NC 29: anonymous callers get the plain accessible colour; users their (default) background image.
    background: loggedIn ? `${BASE}/apps/theming/img/background/kamil-porembinski-clouds.jpg` : '#00679e',
    'background-plain': !loggedIn,
    'background-default': true,
    logoheader: LOGO,
    favicon: LOGO,
  };
}

/** The default fixture's answer to a logged-in user: apps in OC_App::getEnabledApps() order. */
const DEFAULT_CAPABILITIES: { [key: string]: Php } = {
  core: {
    pollinterval: 60,
    'webdav-root': 'remote.php/webdav',
    'reference-api': true,
    'reference-regex': String.raw`(\s|\n|^)(https?:\/\/)([-A-Z0-9+_.]+(?::[0-9]+)?(?:\/[-A-Z0-9+&@#%?=~_|!:,.;()]*)*)(\s|\n|$)`,
    'mod-rewrite-working': false,
  },
  bruteforce: { delay: 0, 'allow-listed': true },
  files: {
    bigfilechunking: true,
    blacklisted_files: ['.htaccess'],
    forbidden_filename_characters: ['\\', '/'],
    directEditing: { url: `${BASE}/ocs/v2.php/apps/files/api/v1/directEditing`, etag: TEXT_ETAG, supportsFileId: true },
    comments: true,
    undelete: true,
    versioning: true,
    version_labeling: true,
    version_deletion: true,
  },
  activity: { apiv2: ['filters', 'filters-api', 'previews', 'rich-strings'] },
  ocm: {
    enabled: true,
    apiVersion: '1.0-proposal1',
    endPoint: `${BASE}/index.php/ocm`,
    resourceTypes: [{ name: 'file', shareTypes: ['user', 'group'], protocols: { webdav: '/public.php/webdav/' } }],
  },
  dav: { chunking: '1.0', bulkupload: '1.0' },
  files_sharing: FILES_SHARING,
  notifications: {
    'ocs-endpoints': ['list', 'get', 'delete', 'delete-all', 'icons', 'rich-strings', 'action-web', 'user-status', 'exists'],
    push: ['devices', 'object-data', 'delete'],
    'admin-notifications': ['ocs', 'cli'],
  },
  password_policy: {
    minLength: 10,
    enforceNonCommonPassword: true,
    enforceNumericCharacters: false,
    enforceSpecialCharacters: false,
    enforceUpperLowerCase: false,
    api: {
      generate: `${BASE}/ocs/v2.php/apps/password_policy/api/v1/generate`,
      validate: `${BASE}/ocs/v2.php/apps/password_policy/api/v1/validate`,
    },
  },
  provisioning_api: {
    version: '1.19.0',
    AccountPropertyScopesVersion: 2,
    AccountPropertyScopesFederatedEnabled: true,
    AccountPropertyScopesPublishedEnabled: true,
  },
  systemtags: { enabled: true },
  theming: theming(true),
  user_status: { enabled: true, restore: true, supports_emoji: true },
  weather_status: { enabled: true },
};

describe.each(MATRIX)('capabilities of the default fixture v$version $format', ({ version, format }) => {
  let t: TestMock;
  beforeEach(async () => {
    t = await freshMock();
  });

  it(`v${version} ${format} logged in -> core, then activity, notifications, password_policy and the rest in app order`, async () => {
    const res = await ocs(t.app, 'get', version, '/cloud/capabilities', { user: 'bob', format }).set('Host', HOST);
    await expectOcs(res, version, format, { code: 200, data: { version: VERSION, capabilities: DEFAULT_CAPABILITIES } });
  });

  it(`v${version} ${format} anonymous -> bruteforce and theming`, async () => {
    const res = await ocs(t.app, 'get', version, '/cloud/capabilities', { user: null, format }).set('Host', HOST);
    await expectOcs(res, version, format, {
      code: 200,
      data: { version: VERSION, capabilities: { bruteforce: { delay: 0, 'allow-listed': true }, theming: theming(false) } },
    });
  });
});

describe.each(VERSIONS)('capabilities follow the fixture v%s', (version) => {
  let t: TestMock;
  beforeEach(async () => {
    t = await freshMock();
  });

  const config = (app: string, key: string, value: string) => {
    const values = t.mock.state.appConfig.get(app) ?? new Map<string, string>();
    values.set(key, value);
    t.mock.state.appConfig.set(app, values);
  };
  const preference = (uid: string, app: string, key: string, value: string) => {
    const prefs = t.mock.state.users.get(uid)!.preferences;
    prefs.set(app, new Map([...(prefs.get(app) ?? []), [key, value]]));
  };
  const capabilities = async (user: string | null = 'bob') => {
    const res = await ocs(t.app, 'get', version, '/cloud/capabilities', { user, format: 'json' }).set('Host', HOST);
    expect(res.status, res.text).toBe(200);
    return (JSON.parse(res.text) as { ocs: { data: { capabilities: { [key: string]: { [key: string]: Php } } } } }).ocs.data.capabilities;
  };

  it(`v${version} theming color #ffffff -> dark text, element colour darkened by 30 % (Util::elementColor)`, async () => {
    config('theming', 'color', '#ffffff');
    expect((await capabilities(null)).theming).toEqual({
      ...theming(false),
      color: '#ffffff',
      'color-text': '#000000',
      'color-element': '#b3b3b3',
      'color-element-bright': '#b3b3b3',
      'color-element-dark': '#ffffff',
      background: '#ffffff',
    });
  });

  it(`v${version} theming color #000000 -> white text, element colours lightened by 30 %`, async () => {
    config('theming', 'color', '#000000');
    const block = (await capabilities()).theming!;
    expect([block.color, block['color-text'], block['color-element'], block['color-element-bright'], block['color-element-dark']]).toEqual([
      '#000000', '#ffffff', '#4d4d4d', '#4d4d4d', '#4d4d4d',
    ]);
  });

  it(`v${version} a user's background_color and background_image preferences -> their colour and background`, async () => {
    preference('bob', 'theming', 'background_color', '#ff0000');
    preference('bob', 'theming', 'background_image', 'custom');
    expect((await capabilities('bob')).theming).toEqual({
      ...theming(true),
      color: '#ff0000',
      'color-text': '#000000',
      'color-element': '#ff0000',
      'color-element-bright': '#ff0000',
      'color-element-dark': '#ff0000',
      background: `${BASE}/index.php/apps/theming/background`,
    });
    preference('bob', 'theming', 'background_image', 'disabled');
    const plain = (await capabilities('bob')).theming!;
    expect([plain.background, plain['background-plain']]).toEqual(['#ff0000', true]);
    preference('bob', 'theming', 'background_image', 'anatoly-mikhaltsov-butterfly-wing-scale.jpg');
    const shipped = (await capabilities('bob')).theming!;
    expect(shipped.background).toBe(`${BASE}/apps/theming/img/background/anatoly-mikhaltsov-butterfly-wing-scale.jpg`);
    // disable-user-theming: the admin's colour for everyone.
    config('theming', 'disable-user-theming', 'yes');
    expect((await capabilities('bob')).theming!.color).toBe('#00679e');
  });

  it(`v${version} uploaded logo and background -> theming image routes with the cache buster`, async () => {
    config('theming', 'logoMime', 'image/png');
    config('theming', 'backgroundMime', 'image/jpeg');
    config('theming', 'cachebuster', '3');
    const logo = `${BASE}/index.php/apps/theming/image/logo?useSvg=1&v=3`;
    expect((await capabilities(null)).theming).toEqual({
      ...theming(false),
      logo,
      logoheader: logo,
      favicon: logo,
      background: `${BASE}/index.php/apps/theming/image/background?v=3`,
      'background-plain': false,
      'background-default': false,
    });
  });

  it(`v${version} theming name and slogan -> tags stripped from the name, the slogan HTML-escaped`, async () => {
    config('theming', 'name', '<b>Acme</b> Cloud');
    config('theming', 'slogan', 'files & "more"');
    const block = (await capabilities(null)).theming!;
    expect([block.name, block.slogan]).toEqual(['Acme Cloud', 'files &amp; &quot;more&quot;']);
  });

  it(`v${version} share API disabled -> files_sharing reduced to the disabled form`, async () => {
    config('core', 'shareapi_enabled', 'no');
    expect((await capabilities()).files_sharing).toEqual({
      api_enabled: false,
      public: { enabled: false },
      user: { send_mail: false },
      resharing: false,
      federation: FILES_SHARING.federation!,
      sharee: FILES_SHARING.sharee!,
      sharebymail: FILES_SHARING.sharebymail!,
    });
  });

  it(`v${version} enforced link expiry after 14 days -> public.expire_date with days and enforced`, async () => {
    config('core', 'shareapi_default_expire_date', 'yes');
    config('core', 'shareapi_expire_after_n_days', '14');
    config('core', 'shareapi_enforce_expire_date', 'yes');
    const block = (await capabilities()).files_sharing as { [key: string]: { [key: string]: Php } };
    expect(block.public!.expire_date).toEqual({ enabled: true, days: 14, enforced: true });
    expect(block.sharebymail!.expire_date).toEqual({ enabled: true, enforced: true });
  });

  it(`v${version} links excluded for group1 -> no public links for bob, still for dave`, async () => {
    config('core', 'shareapi_allow_links_exclude_groups', '["group1"]');
    const bob = (await capabilities('bob')).files_sharing as { [key: string]: { [key: string]: Php } };
    expect([bob.public, bob.sharebymail!.enabled]).toEqual([{ enabled: false }, false]);
    const dave = (await capabilities('dave')).files_sharing as { [key: string]: { [key: string]: Php } };
    expect([dave.public!.enabled, dave.sharebymail!.enabled]).toEqual([true, true]);
  });

  it(`v${version} scope flags follow federation, federatedfilesharing and lookupServerUploadEnabled`, async () => {
    expect((await capabilities()).provisioning_api!.AccountPropertyScopesPublishedEnabled).toBe(true);
    t.mock.state.apps.get('federation')!.enabled = false;
    config('files_sharing', 'lookupServerUploadEnabled', 'no');
    expect((await capabilities()).provisioning_api).toEqual({
      version: '1.19.0',
      AccountPropertyScopesVersion: 2,
      AccountPropertyScopesFederatedEnabled: false,
      AccountPropertyScopesPublishedEnabled: false,
    });
  });

  it(`v${version} password_policy app config -> its capability block`, async () => {
    config('password_policy', 'minLength', '12');
    config('password_policy', 'enforceSpecialCharacters', '1');
    config('password_policy', 'enforceNonCommonPassword', '0');
    expect((await capabilities()).password_policy).toEqual({
      ...(DEFAULT_CAPABILITIES.password_policy as { [key: string]: Php }),
      minLength: 12,
      enforceNonCommonPassword: false,
      enforceSpecialCharacters: true,
    });
  });

  it(`v${version} disabled apps -> their blocks are gone (files_sharing takes sharebymail's along; no text: empty editor etag)`, async () => {
    for (const app of ['files_sharing', 'weather_status', 'password_policy', 'notifications', 'activity', 'text']) {
      expect((await ocs(t.app, 'delete', 2, `/cloud/apps/${app}`)).status).toBe(200);
    }
    const answer = await capabilities();
    expect(Object.keys(answer)).toEqual(['core', 'bruteforce', 'files', 'ocm', 'dav', 'provisioning_api', 'systemtags', 'theming', 'user_status']);
    expect((answer.files!.directEditing as { [key: string]: Php }).etag).toBe(NO_EDITORS_ETAG);
  });

  it(`v${version} served below a web root -> the URLs carry it`, async () => {
    const res = await request(t.app)
      .get(`/nextcloud/ocs/v${version}.php/cloud/capabilities?format=json`)
      .set('OCS-APIRequest', 'true')
      .set('Host', HOST);
    const theme = (JSON.parse(res.text) as { ocs: { data: { capabilities: { theming: { [key: string]: Php } } } } }).ocs.data.capabilities.theming;
    expect([theme.logo, theme.background]).toEqual([`${BASE}/nextcloud/core/img/logo/logo.svg?v=0`, '#00679e']);
  });
});
