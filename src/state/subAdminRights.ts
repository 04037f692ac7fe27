import type { State } from './model.js';

// Both sides of a sub-admin right change together: the group's sub-admins, and the user's
// administered groups (State.subAdminGroups), so a user's rights are found without a scan of
// every group (the group_admin table is read by uid and by gid alike: SubAdmin::getSubAdminsGroups).

export function grantSubAdmin(state: State, gid: string, uid: string): void {
  const group = state.groups.get(gid);
  if (!group) return;
  group.subadmins.add(uid);
  let administered = state.subAdminGroups.get(uid);
  if (!administered) state.subAdminGroups.set(uid, (administered = new Set()));
  administered.add(gid);
}

export function revokeSubAdmin(state: State, gid: string, uid: string): void {
  state.groups.get(gid)?.subadmins.delete(uid);
  const administered = state.subAdminGroups.get(uid);
  administered?.delete(gid);
  if (administered?.size === 0) state.subAdminGroups.delete(uid);
}

const NONE: ReadonlySet<string> = new Set();

/** The ids of the groups the user administers, in no particular order. */
export function administeredGroups(state: State, uid: string): ReadonlySet<string> {
  return state.subAdminGroups.get(uid) ?? NONE;
}

/** A deleted user loses every sub-admin right. */
export function forgetSubAdmin(state: State, uid: string): void {
  for (const gid of state.subAdminGroups.get(uid) ?? []) state.groups.get(gid)?.subadmins.delete(uid);
  state.subAdminGroups.delete(uid);
}

/** A deleted group takes its sub-admin rights with it. */
export function forgetGroupSubAdmins(state: State, gid: string): void {
  for (const uid of state.groups.get(gid)?.subadmins ?? []) revokeSubAdmin(state, gid, uid);
}
