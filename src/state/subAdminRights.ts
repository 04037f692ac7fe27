import type { State } from './model.js';

// Both sides of a sub-admin right change together: the group's sub-admins (./groupSets.ts
// SubAdminSet calls noteGranted / noteRevoked), and the user's administered groups
// (State.subAdminGroups), so a user's rights are found without a scan of every group (the
// group_admin table is read by uid and by gid alike: SubAdmin::getSubAdminsGroups).

export function noteGranted(state: State, gid: string, uid: string): void {
  let administered = state.subAdminGroups.get(uid);
  if (!administered) state.subAdminGroups.set(uid, (administered = new Set()));
  administered.add(gid);
}

export function noteRevoked(state: State, gid: string, uid: string): void {
  const administered = state.subAdminGroups.get(uid);
  administered?.delete(gid);
  if (administered?.size === 0) state.subAdminGroups.delete(uid);
}

const NONE: ReadonlySet<string> = new Set();

/** The ids of the groups the user administers, in no particular order. */
export function administeredGroups(state: State, uid: string): ReadonlySet<string> {
  return state.subAdminGroups.get(uid) ?? NONE;
}
