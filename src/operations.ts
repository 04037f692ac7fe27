import * as appConfig from './domain/appConfig.js';
import * as apps from './domain/apps.js';
import { getCapabilities } from './domain/capabilities.js';
import type { DomainHandler, HandlerContext } from './domain/context.js';
import * as groups from './domain/groups.js';
import * as memberships from './domain/memberships.js';
import { searchByPhoneNumbers } from './domain/phoneSearch.js';
import * as preferences from './domain/preferences.js';
import * as subadmins from './domain/subadmins.js';
import { editUser, editUserMultiValue } from './domain/userEdits.js';
import { editUserMultiField } from './domain/userMultiFieldEdit.js';
import * as fields from './domain/userFields.js';
import * as lifecycle from './domain/userLifecycle.js';
import * as users from './domain/users.js';
import type { PhpValue } from './ocs/php.js';
import type { ReleaseProfile } from './releases/profile.js';
import type { RouteDefinition } from './http/routeTable.js';

/**
 * Who may reach an operation before its own checks, as Nextcloud's attributes decide:
 * - admin: no #[NoAdminRequired] (others: 403 "Logged in account must be an admin");
 * - subadmin: #[NoAdminRequired]; the provisioning middleware still wants a sub-admin;
 * - user: #[NoAdminRequired] + #[NoSubAdminRequired]: any logged-in user;
 * - admin-setting: #[NoAdminRequired] + #[AuthorizedAdminSetting] without #[SubAdminRequired]:
 *   SecurityMiddleware lets admins through (and users delegated the setting, which ocs-mock does
 *   not model) and refuses everyone else, sub-admins included (403 `adminSettingRequired`);
 * - public: #[PublicPage].
 */
export type Access = 'public' | 'user' | 'subadmin' | 'admin-setting' | 'admin';

export type OperationBinding =
  | { access: Exclude<Access, 'public'>; handler: DomainHandler }
  | { access: 'public'; handler: (ctx: HandlerContext) => PhpValue };

/** Core OCS routes clients call next to the provisioning API (not in its spec). */
export const EXTRA_ROUTES: RouteDefinition[] = [
  { operationId: 'core-get-capabilities', method: 'GET', path: '/cloud/capabilities', patterns: {}, parameters: [] },
];

/**
 * The map of the whole API: operationId -> access and domain handler. `access` is the oldest
 * release's; a release that changed an operation's attributes says so in its profile's `access`.
 */
export const OPERATIONS: Record<string, OperationBinding> = {
  'apps-get-apps': { access: 'admin', handler: apps.getApps },
  'apps-get-app-info': { access: 'admin', handler: apps.getAppInfo },
  'apps-enable': { access: 'admin', handler: apps.enableApp },
  'apps-disable': { access: 'admin', handler: apps.disableApp },

  'groups-get-groups': { access: 'subadmin', handler: groups.getGroups },
  // #[AuthorizedAdminSetting(settings: Sharing::class)] (31.0.6+ also Users::class: a delegation only).
  'groups-get-groups-details': { access: 'admin-setting', handler: groups.getGroupsDetails },
  'groups-get-group': { access: 'subadmin', handler: groups.getGroupUsers },
  // 32+: any user (the profile's `access`); the handler then wants a member.
  'groups-get-group-users': { access: 'subadmin', handler: groups.getGroupUsers },
  'groups-get-group-users-details': { access: 'subadmin', handler: groups.getGroupUsersDetails },
  'groups-get-sub-admins-of-group': { access: 'admin', handler: groups.getSubAdminsOfGroup },
  'groups-add-group': { access: 'admin', handler: groups.addGroup },
  'groups-update-group': { access: 'admin', handler: groups.updateGroup },
  'groups-delete-group': { access: 'admin', handler: groups.deleteGroup },

  'users-get-users': { access: 'subadmin', handler: users.getUsers },
  'users-get-users-details': { access: 'subadmin', handler: users.getUsersDetails },
  'users-get-disabled-users-details': { access: 'subadmin', handler: users.getDisabledUsersDetails },
  'users-get-last-logged-in-users': { access: 'admin', handler: users.getLastLoggedInUsers },
  'users-add-user': { access: 'subadmin', handler: users.addUser },
  'users-get-user': { access: 'user', handler: users.getUser },
  'users-get-current-user': { access: 'user', handler: users.getCurrentUser },
  'users-delete-user': { access: 'subadmin', handler: users.deleteUser },
  'users-edit-user': { access: 'user', handler: editUser },
  'users-edit-user-multi-value': { access: 'user', handler: editUserMultiValue },
  'users-edit-user-multi-field': { access: 'subadmin', handler: editUserMultiField },
  'users-get-editable-fields': { access: 'user', handler: fields.getEditableFields },
  'users-get-editable-fields-for-user': { access: 'user', handler: fields.getEditableFieldsForUser },
  'users-get-enabled-apps': { access: 'user', handler: fields.getEnabledApps },
  'users-enable-user': { access: 'subadmin', handler: lifecycle.enableUser },
  'users-disable-user': { access: 'subadmin', handler: lifecycle.disableUser },
  'users-wipe-user-devices': { access: 'subadmin', handler: lifecycle.wipeUserDevices },
  'users-resend-welcome-message': { access: 'subadmin', handler: lifecycle.resendWelcomeMessage },
  'users-search-by-phone-numbers': { access: 'user', handler: searchByPhoneNumbers },

  'users-get-users-groups': { access: 'user', handler: memberships.getUsersGroups },
  'users-get-users-groups-details': { access: 'user', handler: memberships.getUsersGroupsDetails },
  'users-add-to-group': { access: 'subadmin', handler: memberships.addToGroup },
  'users-remove-from-group': { access: 'subadmin', handler: memberships.removeFromGroup },

  'users-get-user-sub-admin-groups': { access: 'admin', handler: subadmins.getUserSubAdminGroups },
  'users-get-user-sub-admin-groups-details': { access: 'user', handler: subadmins.getUserSubAdminGroupsDetails },
  'users-add-sub-admin': { access: 'admin', handler: subadmins.addSubAdmin },
  'users-remove-sub-admin': { access: 'admin', handler: subadmins.removeSubAdmin },

  'app_config-get-apps': { access: 'admin', handler: appConfig.getConfigApps },
  'app_config-get-keys': { access: 'admin', handler: appConfig.getConfigKeys },
  'app_config-get-value': { access: 'admin', handler: appConfig.getConfigValue },
  'app_config-set-value': { access: 'user', handler: appConfig.setConfigValue },
  'app_config-delete-key': { access: 'admin', handler: appConfig.deleteConfigKey },

  'preferences-set-preference': { access: 'user', handler: preferences.setPreference },
  'preferences-set-multiple-preferences': { access: 'user', handler: preferences.setMultiplePreferences },
  'preferences-delete-preference': { access: 'user', handler: preferences.deletePreference },
  'preferences-delete-multiple-preference': { access: 'user', handler: preferences.deleteMultiplePreference },

  'core-get-capabilities': { access: 'public', handler: getCapabilities },
};

/** The operation table as a release serves it: its profile's access changes applied. */
export function operationsFor(profile: ReleaseProfile): Record<string, OperationBinding> {
  const table: Record<string, OperationBinding> = { ...OPERATIONS };
  for (const [operationId, access] of Object.entries(profile.access)) {
    const binding = OPERATIONS[operationId];
    if (binding.access !== 'public') table[operationId] = { access, handler: binding.handler };
  }
  return table;
}

/** A spec operation ocs-mock has no handler for: the spec is not one it can serve. */
export class UnhandledOperationError extends Error {}

/**
 * Start-up check: every operation of the spec being served has a handler, so no route silently
 * answers 998. (That every handler belongs to some release is a fact about the shipped code,
 * checked by test/releases.)
 */
export function checkHandled(routes: readonly RouteDefinition[], source: string): void {
  const missing = routes.filter((route) => !(route.operationId in OPERATIONS));
  if (missing.length > 0) {
    const list = missing.map((route) => `${route.operationId} (${route.method} ${route.path})`).join(', ');
    throw new UnhandledOperationError(`${source}: no handler in ocs-mock for ${list}`);
  }
}
