import type { State } from './model.js';

// Both sides of a membership change together: the group's members, and the user's groups in the
// order they were joined. Database::getUserGroups reads them without an ORDER BY, so the recorded
// SQLite server lists a user's groups in insertion (rowid) order (recording users-get-user/created-full).

export function joinGroup(state: State, gid: string, uid: string): void {
  const group = state.groups.get(gid);
  if (!group || group.members.has(uid)) return;
  group.members.add(uid);
  let joined = state.userGroups.get(uid);
  if (!joined) state.userGroups.set(uid, (joined = new Set()));
  joined.add(gid);
}

export function leaveGroup(state: State, gid: string, uid: string): void {
  state.groups.get(gid)?.members.delete(uid);
  state.userGroups.get(uid)?.delete(gid);
}

/** A deleted user leaves every group and loses every sub-admin right. */
export function forgetUser(state: State, uid: string): void {
  for (const gid of state.userGroups.get(uid) ?? []) state.groups.get(gid)?.members.delete(uid);
  state.userGroups.delete(uid);
  for (const group of state.groups.values()) group.subadmins.delete(uid);
}

/** A deleted group takes its memberships and sub-admin rights with it. */
export function forgetGroup(state: State, gid: string): void {
  for (const uid of state.groups.get(gid)?.members ?? []) state.userGroups.get(uid)?.delete(gid);
  state.groups.delete(gid);
}

/** The user's groups in the order they joined them, as Nextcloud's database backend returns them. */
export function groupsOf(state: State, uid: string): string[] {
  return [...(state.userGroups.get(uid) ?? [])];
}
