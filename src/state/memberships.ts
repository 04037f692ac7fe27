import type { State, User } from './model.js';

// Both sides of a membership change together: the group's members (./groupSets.ts MemberSet calls
// noteJoined / noteLeft), and the user's groups in the order they were joined. Database::getUserGroups
// reads them without an ORDER BY, so the recorded SQLite server lists a user's groups in insertion
// (rowid) order (recording users-get-user/created-full). Each group's count of disabled members
// follows both memberships and accounts being disabled.

function countDisabled(state: State, gid: string, change: number): void {
  const count = (state.disabledMembers.get(gid) ?? 0) + change;
  if (count === 0) state.disabledMembers.delete(gid);
  else state.disabledMembers.set(gid, count);
}

export function noteJoined(state: State, gid: string, uid: string): void {
  let joined = state.userGroups.get(uid);
  if (!joined) state.userGroups.set(uid, (joined = new Set()));
  joined.add(gid);
  if (state.users.get(uid)?.enabled === false) countDisabled(state, gid, 1);
}

export function noteLeft(state: State, gid: string, uid: string): void {
  if (state.users.get(uid)?.enabled === false) countDisabled(state, gid, -1);
  const joined = state.userGroups.get(uid);
  joined?.delete(gid);
  if (joined?.size === 0) state.userGroups.delete(uid);
}

/** An account was enabled or disabled, stored or deleted: its groups' counts of disabled members follow. */
export function countDisabledIn(state: State, user: User, change: 1 | -1): void {
  for (const gid of state.userGroups.get(user.id) ?? []) countDisabled(state, gid, change);
}

/** How many members of the group are disabled. */
export function disabledMembersOf(state: State, gid: string): number {
  return state.disabledMembers.get(gid) ?? 0;
}

/** The user's groups in the order they joined them, as Nextcloud's database backend returns them. */
export function groupsOf(state: State, uid: string): string[] {
  return [...(state.userGroups.get(uid) ?? [])];
}
