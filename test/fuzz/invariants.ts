import { ADMIN_GROUP, SCOPES, type State } from '../../src/state/model.js';

const SCOPE_SET: ReadonlySet<string> = new Set(SCOPES);

function allStrings(map: Map<string, Map<string, string>>): boolean {
  for (const inner of map.values()) {
    if (!(inner instanceof Map)) return false;
    for (const [key, value] of inner) if (typeof key !== 'string' || typeof value !== 'string') return false;
  }
  return true;
}

/**
 * What must hold of any state a real Nextcloud can be in (its database constraints and the
 * provisioning API's own rules); every violation, as text.
 */
export function stateViolations(state: State): string[] {
  const problems: string[] = [];
  if (!state.groups.has(ADMIN_GROUP)) problems.push('the admin group is gone');
  const lowerIds = new Map<string, string>();
  for (const [key, user] of state.users) {
    if (key !== user.id) problems.push(`user stored under ${key} has id ${user.id}`);
    // oc_users.uid_lower is unique: no two accounts differ only in case.
    const other = lowerIds.get(user.id.toLowerCase());
    if (other !== undefined) problems.push(`users ${other} and ${user.id} differ only in case`);
    lowerIds.set(user.id.toLowerCase(), user.id);
    if (user.id === '') problems.push('a user has an empty id');
    // Managers need not exist: editUser / editUserMultiField store any uid (User::setManagerUids checks none).
    for (const manager of user.managers) if (typeof manager !== 'string') problems.push(`${user.id} has a manager that is no string`);
    if (!allStrings(user.preferences)) problems.push(`${user.id} has a preference that is no string`);
    for (const scope of [user.displaynameScope, user.emailScope, user.avatarScope, user.birthdate.scope, ...Object.values(user.properties).map((p) => p.scope)]) {
      if (!SCOPE_SET.has(scope)) problems.push(`${user.id} has scope ${String(scope)}`);
    }
    for (const value of Object.values(user.properties)) if (typeof value.value !== 'string') problems.push(`${user.id} has a property value that is no string`);
    if (typeof user.quota !== 'string') problems.push(`${user.id}'s quota is no string`);
    if (typeof user.enabled !== 'boolean') problems.push(`${user.id}'s enabled is no boolean`);
  }
  for (const [gid, group] of state.groups) {
    if (gid !== group.id) problems.push(`group stored under ${gid} has id ${group.id}`);
    if (typeof group.displayname !== 'string') problems.push(`group ${gid}'s display name is no string`);
    for (const uid of group.members) {
      if (!state.users.has(uid)) problems.push(`member ${uid} of ${gid} does not exist`);
      if (!state.userGroups.get(uid)?.has(gid)) problems.push(`member ${uid} of ${gid} does not list the group`);
    }
    for (const uid of group.subadmins) if (!state.users.has(uid)) problems.push(`sub-admin ${uid} of ${gid} does not exist`);
  }
  for (const [uid, groups] of state.userGroups) {
    if (!state.users.has(uid)) problems.push(`userGroups lists unknown user ${uid}`);
    for (const gid of groups) if (!state.groups.get(gid)?.members.has(uid)) problems.push(`userGroups says ${uid} is in ${gid}, the group does not`);
  }
  if (!allStrings(state.appConfig)) problems.push('an app config value is no string');
  for (const [id, app] of state.apps) {
    if (id !== app.id) problems.push(`app stored under ${id} has id ${app.id}`);
    if (app.alwaysEnabled && !app.enabled) problems.push(`always-enabled app ${id} is disabled`);
  }
  return problems;
}
