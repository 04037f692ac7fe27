import { CONFIG, e, fails, get, ok, PREFERENCE_APP, type PlanContext, type Step } from './planSteps.js';

/** Read-only steps per operation: the normal answer and, where Nextcloud defines one, an error path. */
export function readSteps(ctx: PlanContext): Record<string, Step[]> {
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
      { name: 'unknown group', call: get(`/cloud/groups/${e(missing)}`), expect: fails(404, 'The requested group could not be found'), notFound: true },
    ],
    'groups-get-group-users': [
      { name: `members of ${ctx.group}`, call: get(`/cloud/groups/${e(ctx.group)}/users`), expect: ok() },
      { name: 'unknown group', call: get(`/cloud/groups/${e(missing)}/users`), expect: fails(404, 'The requested group could not be found'), notFound: true },
    ],
    'groups-get-group-users-details': [{ name: `member details of ${ctx.group}`, call: get(`/cloud/groups/${e(ctx.group)}/users/details`), expect: ok() }],
    'groups-get-sub-admins-of-group': [
      { name: `sub-admins of ${ctx.group}`, call: get(`/cloud/groups/${e(ctx.group)}/subadmins`), expect: ok() },
      { name: 'unknown group', call: get(`/cloud/groups/${e(missing)}/subadmins`), expect: fails(101, 'Group does not exist'), notFound: true },
    ],
    'users-get-users': [{ name: 'all users', call: get('/cloud/users'), expect: ok() }],
    'users-get-users-details': [{ name: 'user details', call: get('/cloud/users/details', [['limit', '5']]), expect: ok() }],
    'users-get-disabled-users-details': [{ name: 'disabled users', call: get('/cloud/users/disabled'), expect: ok() }],
    'users-get-last-logged-in-users': [{ name: 'recent users', call: get('/cloud/users/recent'), expect: ok() }],
    'users-get-user': [
      { name: `user ${ctx.me}`, call: get(`/cloud/users/${e(ctx.me)}`), expect: ok() },
      { name: 'unknown user', call: get(`/cloud/users/${e(missing)}`), expect: fails(404, 'User does not exist'), notFound: true },
    ],
    'users-get-current-user': [{ name: 'current user', call: get('/cloud/user'), expect: ok() }],
    'users-get-editable-fields': [{ name: 'own editable fields', call: get('/cloud/user/fields'), expect: ok() }],
    'users-get-editable-fields-for-user': [{ name: `editable fields of ${ctx.me}`, call: get(`/cloud/user/fields/${e(ctx.me)}`), expect: ok() }],
    'users-get-enabled-apps': [{ name: 'enabled apps', call: get('/cloud/user/apps'), expect: ok() }],
    'users-get-users-groups': [
      { name: `groups of ${ctx.me}`, call: get(`/cloud/users/${e(ctx.me)}/groups`), expect: ok() },
      { name: 'unknown user', call: get(`/cloud/users/${e(missing)}/groups`), expect: fails(998, ''), notFound: true },
    ],
    'users-get-users-groups-details': [{ name: `group details of ${ctx.me}`, call: get(`/cloud/users/${e(ctx.me)}/groups/details`), expect: ok() }],
    'users-get-user-sub-admin-groups': [
      { name: `sub-admin groups of ${ctx.me}`, call: get(`/cloud/users/${e(ctx.me)}/subadmins`), expect: ok() },
      { name: 'unknown user', call: get(`/cloud/users/${e(missing)}/subadmins`), expect: fails(404, 'User does not exist'), notFound: true },
    ],
    'users-get-user-sub-admin-groups-details': [
      { name: `sub-admin group details of ${ctx.me}`, call: get(`/cloud/users/${e(ctx.me)}/subadmins/details`), expect: ok() },
    ],
    // Changes nothing: the user is looked up first (34.0.1 UsersController::editUserMultiField).
    'users-edit-user-multi-field': [
      { name: 'unknown user', call: () => ({ method: 'PATCH', path: `/cloud/users/${e(missing)}` }), expect: fails(998, ''), notFound: true },
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
      { name: 'unknown app', call: get(`/cloud/apps/${e(PREFERENCE_APP + 'missing')}`), expect: fails(998, 'The request app was not found'), notFound: true },
    ];
  }
  return steps;
}
