import { ADMIN_GROUP, type State, type User } from '../state/model.js';
import { administeredGroups } from '../state/subAdminRights.js';

export function isAdmin(state: State, uid: string): boolean {
  return state.groups.get(ADMIN_GROUP)?.members.has(uid) ?? false;
}

export { groupsOf } from '../state/memberships.js';

/** SubAdmin::getSubAdminsGroups, by group id. */
export function subAdminGroupsOf(state: State, uid: string): string[] {
  return [...administeredGroups(state, uid)].sort();
}

export function isSubAdmin(state: State, uid: string): boolean {
  return administeredGroups(state, uid).size > 0;
}

export function isSubAdminOfGroup(state: State, uid: string, gid: string): boolean {
  return state.groups.get(gid)?.subadmins.has(uid) ?? false;
}

/** SubAdmin::isUserAccessible: the target is in a group the actor administers and is not an admin. */
export function isUserAccessible(state: State, actor: User, targetId: string): boolean {
  if (isAdmin(state, targetId)) return false;
  for (const gid of administeredGroups(state, actor.id)) if (state.groups.get(gid)?.members.has(targetId)) return true;
  return false;
}

/** Admins manage everyone; sub-admins the users they can access. */
export function canManageUser(state: State, actor: User, targetId: string): boolean {
  return isAdmin(state, actor.id) || isUserAccessible(state, actor, targetId);
}
