import type { State } from './model.js';

// Both sides of a membership change together: the group's members, and the user's groups in the
// order they were joined. Database::getUserGroups reads them without an ORDER BY, so the recorded
// SQLite server lists a user's groups in insertion (rowid) order (recording users-get-user/created-full).
// Each group's count of disabled members follows both memberships and accounts being disabled.

function countDisabled(state: State, gid: string, change: number): void {
  const count = (state.disabledMembers.get(gid) ?? 0) + change;
  if (count === 0) state.disabledMembers.delete(gid);
  else state.disabledMembers.set(gid, count);
}

export function joinGroup(state: State, gid: string, uid: string): void {
  const group = state.groups.get(gid);
  if (!group || group.members.has(uid)) return;
  group.members.add(uid);
  let joined = state.userGroups.get(uid);
  if (!joined) state.userGroups.set(uid, (joined = new Set()));
  joined.add(gid);
  if (state.users.get(uid)?.enabled === false) countDisabled(state, gid, 1);
}

export function leaveGroup(state: State, gid: string, uid: string): void {
  const group = state.groups.get(gid);
  if (group?.members.delete(uid) && state.users.get(uid)?.enabled === false) countDisabled(state, gid, -1);
  state.userGroups.get(uid)?.delete(gid);
}

/** Enables or disables an account: its groups' counts of disabled members follow. */
export function storeEnabled(state: State, uid: string, enabled: boolean): void {
  const user = state.users.get(uid);
  if (!user || user.enabled === enabled) return;
  user.enabled = enabled;
  for (const gid of state.userGroups.get(uid) ?? []) countDisabled(state, gid, enabled ? -1 : 1);
}

/** How many members of the group are disabled. */
export function disabledMembersOf(state: State, gid: string): number {
  return state.disabledMembers.get(gid) ?? 0;
}

/** A user about to be deleted leaves every group. */
export function forgetUser(state: State, uid: string): void {
  for (const gid of state.userGroups.get(uid) ?? []) leaveGroup(state, gid, uid);
  state.userGroups.delete(uid);
}

/** A group about to be deleted takes its memberships with it. */
export function forgetGroup(state: State, gid: string): void {
  for (const uid of state.groups.get(gid)?.members ?? []) state.userGroups.get(uid)?.delete(gid);
  state.disabledMembers.delete(gid);
}

/** The user's groups in the order they joined them, as Nextcloud's database backend returns them. */
export function groupsOf(state: State, uid: string): string[] {
  return [...(state.userGroups.get(uid) ?? [])];
}
