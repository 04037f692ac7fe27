import { indexGroup, indexUser, unindexGroup, unindexUser } from './listIndex.js';
import { forgetGroup, forgetUser } from './memberships.js';
import type { Group, State, User } from './model.js';
import { forgetGroupSubAdmins, forgetSubAdmin } from './subAdminRights.js';

/** Users and groups come and go only here, so the indexes beside the maps follow. */

export function insertUser(state: State, user: User): void {
  state.users.set(user.id, user);
  indexUser(state, user);
}

/** A deleted user leaves every group and loses every sub-admin right. */
export function removeUser(state: State, uid: string): void {
  forgetUser(state, uid);
  forgetSubAdmin(state, uid);
  unindexUser(state, uid);
  state.users.delete(uid);
}

export function insertGroup(state: State, group: Group): void {
  state.groups.set(group.id, group);
  indexGroup(state, group);
}

/** A deleted group takes its memberships and sub-admin rights with it. */
export function removeGroup(state: State, gid: string): void {
  const group = state.groups.get(gid);
  if (!group) return;
  forgetGroup(state, gid);
  forgetGroupSubAdmins(state, gid);
  unindexGroup(state, group);
  state.groups.delete(gid);
}
