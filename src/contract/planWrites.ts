import { both, entryIs, fieldIs, gone, listed, type ReadBack } from './readBack.js';
import { CONFIG, e, fails, ok, PREFERENCE_APP, type PlanContext, type Step } from './planSteps.js';
import type { Setup } from './setup.js';
import type { Variant } from './types.js';

/** The group's display name, as groups/details lists it. */
const groupDisplayName = (id: string, want: string): ReadBack => entryIs('/cloud/groups/details', [['search', id]], 'groups', id, 'displayname', want);

/** Write steps: every variant works on its own uniquely named user, group or key. */
export function writeSteps(ctx: PlanContext): Record<string, Step[]> {
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
        readBack: (v) => groupDisplayName(name('grp', v), `Check ${v.tag}`),
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
        readBack: (v) => groupDisplayName(name('gupd', v), `Renamed ${v.tag}`),
      },
    ],
    'groups-delete-group': [
      {
        name: 'own group',
        before: (v, setup) => setup.createGroup(name('gdel', v)),
        call: (v) => ({ method: 'DELETE', path: `/cloud/groups/${e(name('gdel', v))}` }),
        expect: ok([]),
        readBack: (v) => gone(`/cloud/groups/${e(name('gdel', v))}`),
      },
      { name: 'unknown group', call: () => ({ method: 'DELETE', path: `/cloud/groups/${e(`${ctx.prefix}-missing`)}` }), expect: fails(101, '') },
    ],
    'users-add-user': [
      {
        name: 'new user',
        before: async (v, setup) => setup.trackUser(name('usr', v)),
        call: (v) => ({ method: 'POST', path: '/cloud/users', body: { userid: name('usr', v), password: `Ocs-Check-Pass-${ctx.prefix}-9!`, displayName: `Check ${v.tag}` } }),
        expect: { code: 200 },
        readBack: (v) => fieldIs(user('usr', v), 'displayname', `Check ${v.tag}`),
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
        readBack: (v) => fieldIs(user('uedit', v), 'displayname', `Edited ${v.tag}`),
      },
    ],
    'users-edit-user-multi-field': [
      {
        name: 'set display name',
        before: (v, setup) => setup.createUser(name('upatch', v)),
        call: (v) => ({ method: 'PATCH', path: user('upatch', v), body: { displayName: `Patched ${v.tag}` } }),
        expect: { code: 200 },
        readBack: (v) => fieldIs(user('upatch', v), 'displayname', `Patched ${v.tag}`),
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
        readBack: (v) => both(listed(user('umulti', v), 'additional_mail', `second-${v.tag}@example.com`), listed(user('umulti', v), 'additional_mail', `first-${v.tag}@example.com`, false)),
      },
    ],
    'users-disable-user': [
      {
        name: 'own user',
        before: (v, setup) => setup.createUser(name('udis', v)),
        call: (v) => ({ method: 'PUT', path: `${user('udis', v)}/disable` }),
        expect: ok([]),
        readBack: (v) => fieldIs(user('udis', v), 'enabled', false),
      },
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
        readBack: (v) => fieldIs(user('uena', v), 'enabled', true),
      },
    ],
    'users-delete-user': [
      {
        name: 'own user',
        before: (v, setup) => setup.createUser(name('udel', v)),
        call: (v) => ({ method: 'DELETE', path: user('udel', v) }),
        expect: ok([]),
        readBack: (v) => gone(user('udel', v)),
      },
    ],
    'users-add-to-group': [
      {
        name: 'own user into own group',
        before: withUserAndGroup('memb'),
        call: (v) => ({ method: 'POST', path: `${user('memb', v)}/groups`, body: { groupid: name('memb', v) } }),
        expect: ok([]),
        readBack: (v) => listed(`${user('memb', v)}/groups`, 'groups', name('memb', v)),
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
        readBack: (v) => listed(`${user('unmemb', v)}/groups`, 'groups', name('unmemb', v), false),
      },
    ],
    'users-add-sub-admin': [
      {
        name: 'own user over own group',
        before: withUserAndGroup('sub'),
        call: (v) => ({ method: 'POST', path: `${user('sub', v)}/subadmins`, body: { groupid: name('sub', v) } }),
        expect: ok([]),
        readBack: (v) => listed(`${user('sub', v)}/subadmins`, null, name('sub', v)),
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
        readBack: (v) => listed(`${user('unsub', v)}/subadmins`, null, name('unsub', v), false),
      },
    ],
    'app_config-set-value': [
      {
        name: 'own key',
        before: async (v, setup) => setup.trackConfigKey(ctx.configApp, name('key', v)),
        call: (v) => ({ method: 'POST', path: key('key', v), body: { value: `value ${v.tag}` } }),
        expect: ok([]),
        readBack: (v) => fieldIs(key('key', v), 'data', `value ${v.tag}`),
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
        readBack: (v) => listed(`${CONFIG}/apps/${e(ctx.configApp)}`, 'data', name('kdel', v), false),
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
