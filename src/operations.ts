import * as appConfig from './domain/appConfig.js';
import * as apps from './domain/apps.js';
import type { DomainHandler } from './domain/context.js';
import * as groups from './domain/groups.js';
import * as memberships from './domain/memberships.js';
import * as subadmins from './domain/subadmins.js';
import * as users from './domain/users.js';

/**
 * Who may reach an operation before its own checks, as Nextcloud's attributes decide:
 * - admin: no #[NoAdminRequired] (others: 403 "Logged in account must be an admin");
 * - subadmin: #[NoAdminRequired]; the provisioning middleware still wants a sub-admin;
 * - user: #[NoAdminRequired] + #[NoSubAdminRequired]: any logged-in user;
 * - public: #[PublicPage].
 */
export type Access = 'public' | 'user' | 'subadmin' | 'admin';

export interface OperationBinding {
  access: Access;
  handler: DomainHandler;
}

/** The map of the whole API: operationId -> access and domain handler. */
export const OPERATIONS: Record<string, OperationBinding> = {
  'apps-get-apps': { access: 'admin', handler: apps.getApps },
  'apps-get-app-info': { access: 'admin', handler: apps.getAppInfo },
  'apps-enable': { access: 'admin', handler: apps.enableApp },
  'apps-disable': { access: 'admin', handler: apps.disableApp },

  'groups-get-groups': { access: 'subadmin', handler: groups.getGroups },
  'groups-get-groups-details': { access: 'subadmin', handler: groups.getGroupsDetails },
  'groups-get-group': { access: 'subadmin', handler: groups.getGroupUsers },
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
};
