import type { SpecOperation } from './contract.js';
import type { Setup } from './setup.js';
import type { Expectation, OcsCall, Variant } from './types.js';

/** One request sent in all four variants, with what the contract says it must answer. */
export interface Step {
  name: string;
  call: (variant: Variant) => OcsCall;
  expect: Expectation;
  /** Creates this variant's own resources first (write runs). */
  before?: (variant: Variant, setup: Setup) => Promise<void>;
}

export interface PlannedCase {
  id: string;
  tags: string[];
  method: string;
  path: string;
  /** Why the case is not run. */
  skip?: string;
  steps: Step[];
  /** Cases that are not a spec operation (CSRF, wrong password) check by their own rules. */
  protocol?: 'csrf' | 'wrong-password';
}

/** What the plan needs to know about the server, found out before it runs. */
export interface PlanContext {
  me: string;
  group: string;
  app: string | null;
  configApp: string;
  /** Unique prefix of everything a write run creates, e.g. `ocsmock-check-3f9a1c`. */
  prefix: string;
  write: boolean;
}

const NO_SIDE_EFFECTS = 'not exercised: it would have real side effects on the server';
const ALWAYS_SKIPPED: Record<string, string> = {
  'apps-enable': `${NO_SIDE_EFFECTS} (enables an app for everyone)`,
  'apps-disable': `${NO_SIDE_EFFECTS} (disables an app for everyone)`,
  'users-wipe-user-devices': `${NO_SIDE_EFFECTS} (wipes a user's devices)`,
  'users-resend-welcome-message': `${NO_SIDE_EFFECTS} (sends an email)`,
};

const CONFIG = '/apps/provisioning_api/api/v1/config';
const PREFERENCE_APP = 'ocsmockcheck';
const e = encodeURIComponent;

function get(path: string, query?: [string, string][]): () => OcsCall {
  return () => ({ method: 'GET', path, query });
}

const ok = (data?: Expectation['data']): Expectation => (data === undefined ? { code: 200 } : { code: 200, data });
const fails = (code: number, message: string, data: Expectation['data'] = []): Expectation => ({ code, message, data });

/** Read-only steps per operation: the normal answer and, where Nextcloud defines one, an error path. */
function readSteps(ctx: PlanContext): Record<string, Step[]> {
  const missing = `${ctx.prefix}-missing`;
  const steps: Record<string, Step[]> = {
    'apps-get-apps': [
      { name: 'all apps', call: get('/cloud/apps'), expect: ok() },
      { name: 'enabled apps', call: get('/cloud/apps', [['filter', 'enabled']]), expect: ok() },
    ],
    'groups-get-groups': [{ name: 'all groups', call: get('/cloud/groups'), expect: ok() }],
    'groups-get-groups-details': [{ name: 'group details', call: get('/cloud/groups/details'), expect: ok() }],
    'groups-get-group': [
      { name: `members of ${ctx.group}`, call: get(`/cloud/groups/${e(ctx.group)}`), expect: ok() },
      { name: 'unknown group', call: get(`/cloud/groups/${e(missing)}`), expect: fails(404, 'The requested group could not be found') },
    ],
    'groups-get-group-users': [
      { name: `members of ${ctx.group}`, call: get(`/cloud/groups/${e(ctx.group)}/users`), expect: ok() },
      { name: 'unknown group', call: get(`/cloud/groups/${e(missing)}/users`), expect: fails(404, 'The requested group could not be found') },
    ],
    'groups-get-group-users-details': [{ name: `member details of ${ctx.group}`, call: get(`/cloud/groups/${e(ctx.group)}/users/details`), expect: ok() }],
    'groups-get-sub-admins-of-group': [
      { name: `sub-admins of ${ctx.group}`, call: get(`/cloud/groups/${e(ctx.group)}/subadmins`), expect: ok() },
      { name: 'unknown group', call: get(`/cloud/groups/${e(missing)}/subadmins`), expect: fails(101, 'Group does not exist') },
    ],
    'users-get-users': [{ name: 'all users', call: get('/cloud/users'), expect: ok() }],
    'users-get-users-details': [{ name: 'user details', call: get('/cloud/users/details', [['limit', '5']]), expect: ok() }],
    'users-get-disabled-users-details': [{ name: 'disabled users', call: get('/cloud/users/disabled'), expect: ok() }],
    'users-get-last-logged-in-users': [{ name: 'recent users', call: get('/cloud/users/recent'), expect: ok() }],
    'users-get-user': [
      { name: `user ${ctx.me}`, call: get(`/cloud/users/${e(ctx.me)}`), expect: ok() },
      { name: 'unknown user', call: get(`/cloud/users/${e(missing)}`), expect: fails(404, 'User does not exist') },
    ],
    'users-get-current-user': [{ name: 'current user', call: get('/cloud/user'), expect: ok() }],
    'users-get-editable-fields': [{ name: 'own editable fields', call: get('/cloud/user/fields'), expect: ok() }],
    'users-get-editable-fields-for-user': [{ name: `editable fields of ${ctx.me}`, call: get(`/cloud/user/fields/${e(ctx.me)}`), expect: ok() }],
    'users-get-enabled-apps': [{ name: 'enabled apps', call: get('/cloud/user/apps'), expect: ok() }],
    'users-get-users-groups': [
      { name: `groups of ${ctx.me}`, call: get(`/cloud/users/${e(ctx.me)}/groups`), expect: ok() },
      { name: 'unknown user', call: get(`/cloud/users/${e(missing)}/groups`), expect: fails(998, '') },
    ],
    'users-get-users-groups-details': [{ name: `group details of ${ctx.me}`, call: get(`/cloud/users/${e(ctx.me)}/groups/details`), expect: ok() }],
    'users-get-user-sub-admin-groups': [
      { name: `sub-admin groups of ${ctx.me}`, call: get(`/cloud/users/${e(ctx.me)}/subadmins`), expect: ok() },
      { name: 'unknown user', call: get(`/cloud/users/${e(missing)}/subadmins`), expect: fails(404, 'User does not exist') },
    ],
    'users-get-user-sub-admin-groups-details': [
      { name: `sub-admin group details of ${ctx.me}`, call: get(`/cloud/users/${e(ctx.me)}/subadmins/details`), expect: ok() },
    ],
    'users-search-by-phone-numbers': [
      {
        name: 'search an unknown number',
        call: () => ({ method: 'POST', path: '/cloud/users/search/by-phone', body: { location: 'DE', search: { [ctx.prefix]: ['+49 30 1234 5678'] } } }),
        expect: ok(),
      },
    ],
    'app_config-get-apps': [{ name: 'apps with config', call: get(`${CONFIG}/apps`), expect: ok() }],
    'app_config-get-keys': [
      { name: `keys of ${ctx.configApp}`, call: get(`${CONFIG}/apps/${e(ctx.configApp)}`), expect: ok() },
      { name: 'invalid app id', call: get(`${CONFIG}/apps/bad..id`), expect: fails(403, '', { data: { message: 'Invalid app id given' } }) },
    ],
    'app_config-get-value': [
      {
        name: 'missing key with a default',
        call: get(`${CONFIG}/apps/${e(ctx.configApp)}/${e(missing)}`, [['defaultValue', 'fallback']]),
        expect: ok({ data: 'fallback' }),
      },
      { name: 'invalid app id', call: get(`${CONFIG}/apps/bad..id/key`), expect: fails(403, '', { data: { message: 'Invalid app id given' } }) },
    ],
  };
  if (ctx.app) {
    steps['apps-get-app-info'] = [
      { name: `app ${ctx.app}`, call: get(`/cloud/apps/${e(ctx.app)}`), expect: ok() },
      { name: 'unknown app', call: get(`/cloud/apps/${e(PREFERENCE_APP + 'missing')}`), expect: fails(998, 'The request app was not found') },
    ];
  }
  return steps;
}

/** Write steps: every variant works on its own uniquely named user, group or key. */
function writeSteps(ctx: PlanContext): Record<string, Step[]> {
  const name = (kind: string, v: Variant) => `${ctx.prefix}-${kind}-${v.tag}`;
  const user = (kind: string, v: Variant) => `/cloud/users/${e(name(kind, v))}`;
  const withUserAndGroup = (kind: string) => async (v: Variant, setup: Setup) => {
    await setup.createGroup(name(kind, v));
    await setup.createUser(name(kind, v));
  };
  const key = (kind: string, v: Variant) => `${CONFIG}/apps/${e(ctx.configApp)}/${e(name(kind, v))}`;
  const preference = (kind: string, v: Variant) => `${CONFIG}/users/${PREFERENCE_APP}/${e(name(kind, v))}`;
  return {
    'groups-add-group': [
      {
        name: 'new group',
        before: async (v, setup) => setup.trackGroup(name('grp', v)),
        call: (v) => ({ method: 'POST', path: '/cloud/groups', body: { groupid: name('grp', v), displayname: `Check ${v.tag}` } }),
        expect: ok([]),
      },
      {
        name: 'same group again',
        call: (v) => ({ method: 'POST', path: '/cloud/groups', body: { groupid: name('grp', v) } }),
        expect: fails(102, 'group exists'),
      },
    ],
    'groups-update-group': [
      {
        name: 'rename own group',
        before: (v, setup) => setup.createGroup(name('gupd', v)),
        call: (v) => ({ method: 'PUT', path: `/cloud/groups/${e(name('gupd', v))}`, body: { key: 'displayname', value: `Renamed ${v.tag}` } }),
        expect: ok([]),
      },
    ],
    'groups-delete-group': [
      {
        name: 'own group',
        before: (v, setup) => setup.createGroup(name('gdel', v)),
        call: (v) => ({ method: 'DELETE', path: `/cloud/groups/${e(name('gdel', v))}` }),
        expect: ok([]),
      },
      { name: 'unknown group', call: () => ({ method: 'DELETE', path: `/cloud/groups/${e(`${ctx.prefix}-missing`)}` }), expect: fails(101, '') },
    ],
    'users-add-user': [
      {
        name: 'new user',
        before: async (v, setup) => setup.trackUser(name('usr', v)),
        call: (v) => ({ method: 'POST', path: '/cloud/users', body: { userid: name('usr', v), password: `Ocs-Check-Pass-${ctx.prefix}-9!`, displayName: `Check ${v.tag}` } }),
        expect: { code: 200 },
      },
      {
        name: 'same user again',
        call: (v) => ({ method: 'POST', path: '/cloud/users', body: { userid: name('usr', v), password: `Ocs-Check-Pass-${ctx.prefix}-9!` } }),
        expect: fails(102, 'User already exists'),
      },
    ],
    'users-edit-user': [
      {
        name: 'set display name',
        before: (v, setup) => setup.createUser(name('uedit', v)),
        call: (v) => ({ method: 'PUT', path: user('uedit', v), body: { key: 'displayname', value: `Edited ${v.tag}` } }),
        expect: ok([]),
      },
    ],
    'users-edit-user-multi-value': [
      {
        name: 'replace an additional email',
        before: async (v, setup) => {
          await setup.createUser(name('umulti', v));
          await setup.ok({ method: 'PUT', path: user('umulti', v), body: { key: 'additional_mail', value: `first-${v.tag}@example.com` } }, 'adding an additional email');
        },
        call: (v) => ({ method: 'PUT', path: `${user('umulti', v)}/additional_mail`, body: { key: `first-${v.tag}@example.com`, value: `second-${v.tag}@example.com` } }),
        expect: ok([]),
      },
    ],
    'users-disable-user': [
      { name: 'own user', before: (v, setup) => setup.createUser(name('udis', v)), call: (v) => ({ method: 'PUT', path: `${user('udis', v)}/disable` }), expect: ok([]) },
    ],
    'users-enable-user': [
      {
        name: 'own disabled user',
        before: async (v, setup) => {
          await setup.createUser(name('uena', v));
          await setup.ok({ method: 'PUT', path: `${user('uena', v)}/disable` }, 'disabling the user');
        },
        call: (v) => ({ method: 'PUT', path: `${user('uena', v)}/enable` }),
        expect: ok([]),
      },
    ],
    'users-delete-user': [
      { name: 'own user', before: (v, setup) => setup.createUser(name('udel', v)), call: (v) => ({ method: 'DELETE', path: user('udel', v) }), expect: ok([]) },
    ],
    'users-add-to-group': [
      {
        name: 'own user into own group',
        before: withUserAndGroup('memb'),
        call: (v) => ({ method: 'POST', path: `${user('memb', v)}/groups`, body: { groupid: name('memb', v) } }),
        expect: ok([]),
      },
    ],
    'users-remove-from-group': [
      {
        name: 'own user from own group',
        before: async (v, setup) => {
          await withUserAndGroup('unmemb')(v, setup);
          await setup.ok({ method: 'POST', path: `${user('unmemb', v)}/groups`, body: { groupid: name('unmemb', v) } }, 'adding the user to the group');
        },
        call: (v) => ({ method: 'DELETE', path: `${user('unmemb', v)}/groups`, query: [['groupid', name('unmemb', v)]] }),
        expect: ok([]),
      },
    ],
    'users-add-sub-admin': [
      {
        name: 'own user over own group',
        before: withUserAndGroup('sub'),
        call: (v) => ({ method: 'POST', path: `${user('sub', v)}/subadmins`, body: { groupid: name('sub', v) } }),
        expect: ok([]),
      },
    ],
    'users-remove-sub-admin': [
      {
        name: 'own user over own group',
        before: async (v, setup) => {
          await withUserAndGroup('unsub')(v, setup);
          await setup.ok({ method: 'POST', path: `${user('unsub', v)}/subadmins`, body: { groupid: name('unsub', v) } }, 'making the user a sub-admin');
        },
        call: (v) => ({ method: 'DELETE', path: `${user('unsub', v)}/subadmins`, query: [['groupid', name('unsub', v)]] }),
        expect: ok([]),
      },
    ],
    'app_config-set-value': [
      {
        name: 'own key',
        before: async (v, setup) => setup.trackConfigKey(ctx.configApp, name('key', v)),
        call: (v) => ({ method: 'POST', path: key('key', v), body: { value: `value ${v.tag}` } }),
        expect: ok([]),
      },
    ],
    'app_config-delete-key': [
      {
        name: 'own key',
        before: async (v, setup) => {
          setup.trackConfigKey(ctx.configApp, name('kdel', v));
          await setup.ok({ method: 'POST', path: key('kdel', v), body: { value: 'x' } }, 'setting the key');
        },
        call: (v) => ({ method: 'DELETE', path: key('kdel', v) }),
        expect: ok([]),
      },
    ],
    // No app accepts a made-up preference, so Nextcloud answers 400 and stores nothing.
    'preferences-set-preference': [
      {
        name: 'key no app accepts',
        before: async (v, setup) => setup.trackPreference(PREFERENCE_APP, name('pref', v)),
        call: (v) => ({ method: 'POST', path: preference('pref', v), body: { configValue: 'x' } }),
        expect: fails(400, ''),
      },
    ],
    'preferences-set-multiple-preferences': [
      {
        name: 'keys no app accepts',
        before: async (v, setup) => setup.trackPreference(PREFERENCE_APP, name('prefs', v)),
        call: (v) => ({ method: 'POST', path: `${CONFIG}/users/${PREFERENCE_APP}`, body: { configs: { [name('prefs', v)]: 'x' } } }),
        expect: fails(400, ''),
      },
    ],
    'preferences-delete-preference': [
      { name: 'key no app accepts', call: (v) => ({ method: 'DELETE', path: preference('pdel', v) }), expect: fails(400, '') },
    ],
    'preferences-delete-multiple-preference': [
      {
        name: 'keys no app accepts',
        call: (v) => ({ method: 'DELETE', path: `${CONFIG}/users/${PREFERENCE_APP}`, query: [['configKeys[]', name('pdels', v)]] }),
        expect: fails(400, ''),
      },
    ],
  };
}

export const PROTOCOL_CASES: readonly { id: string; protocol: 'csrf' | 'wrong-password'; method: string; path: string }[] = [
  { id: 'protocol-csrf', protocol: 'csrf', method: 'GET', path: '/cloud/users' },
  // Last: a wrong password may make a real server throttle this address.
  { id: 'protocol-wrong-password', protocol: 'wrong-password', method: 'GET', path: '/cloud/users' },
];

/** Every spec operation becomes a case (run or skipped with the reason), then the protocol cases. */
export function buildPlan(operations: SpecOperation[], ctx: PlanContext): PlannedCase[] {
  const reads = readSteps(ctx);
  const writes = writeSteps(ctx);
  const cases = operations.map((operation): PlannedCase => {
    const base = { id: operation.id, tags: operation.tags, method: operation.method, path: operation.path, steps: [] };
    const skip = ALWAYS_SKIPPED[operation.id];
    if (skip) return { ...base, skip };
    if (reads[operation.id]) return { ...base, steps: reads[operation.id]! };
    if (writes[operation.id]) {
      return ctx.write ? { ...base, steps: writes[operation.id]! } : { ...base, skip: 'write operation: run with --write to exercise it' };
    }
    if (operation.id === 'apps-get-app-info') return { ...base, skip: 'the server lists no apps to ask about' };
    return { ...base, skip: 'ocs-mock check has no plan for this operation' };
  });
  for (const protocol of PROTOCOL_CASES) cases.push({ ...protocol, tags: ['protocol'], steps: [] });
  return cases;
}
