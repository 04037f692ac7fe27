import type { User } from '../state/model.js';
import { isAdmin, subAdminGroupsOf } from './access.js';
import type { AuthenticatedContext, ListArgs } from './context.js';
import { arraySlice, sqlPage } from './paging.js';
import { matchesNeedle } from '../state/listIndex.js';
import { displayNamesInGroup, searchInGroup, searchUsers } from './userBackend.js';

/** Which accounts each user list endpoint lists, in Nextcloud's order and paging. */

/** getDisabledUsersDetails' arguments: before 29.0.5 the controller (and so the spec) has no `search`. */
export type DisabledListArgs = Omit<ListArgs, 'search'> & { search?: string };

/**
 * UsersController::getUsers and getUsersDetails. An admin gets one page of the whole search
 * (`limit=0` selects nothing, users-get-users/limit-0). A sub-admin gets each administered group
 * searched and paged on its own, merged in first-seen order.
 */
export function listedUserIds(ctx: AuthenticatedContext<ListArgs>): string[] {
  const { state, actor } = ctx;
  const { search, limit, offset } = ctx.args;
  if (isAdmin(state, actor.id)) return searchUsers(state, search, limit, offset).map((user) => user.id);
  const ids = new Set<string>();
  for (const gid of subAdminGroupsOf(state, actor.id)) {
    for (const user of displayNamesInGroup(state, state.groups.get(gid)!, search, limit, offset)) ids.add(user.id);
  }
  return [...ids];
}

/**
 * UsersController::getDisabledUsersDetails (the controller refuses negative values first).
 * Admin: Manager::getDisabledUsers — disabled accounts by id (`ORDER BY userid`), searched in id,
 * display name and e-mail, then array_slice($users, $offset, $limit). Sub-admin: each administered
 * group is searched and its members filtered, paged as the release does (profile `lists`).
 */
export function disabledUserIds(ctx: AuthenticatedContext<DisabledListArgs>): string[] {
  const { state, actor, profile } = ctx;
  const { limit, offset } = ctx.args;
  // `search` is an argument from 29.0.5 on (§4): the release's spec declares it, or it is not bound.
  const search = ctx.args.search ?? '';
  if (isAdmin(state, actor.id)) {
    // The disabled order (state/listIndex.ts), walked as far as the slice reaches (all of it for negative values).
    const needle = search.toLowerCase();
    const wanted = offset >= 0 && limit !== null && limit >= 0 ? offset + limit : Infinity;
    const disabled: User[] = [];
    for (const user of state.lists.disabledById) {
      if (disabled.length >= wanted) break;
      if (matchesNeedle(state, user, needle)) disabled.push(user);
    }
    return arraySlice(disabled, offset, limit).map((user) => user.id);
  }
  // 28.0.2 filters with `$user->isEnabled()`: its sub-admins get the enabled members.
  const kept = (user: User) => user.enabled === (profile.lists.subAdminDisabledKeeps === 'enabled');
  const order = profile.lists.groupSearchOrder;
  const wanted = limit === null ? null : limit + offset;
  if (profile.lists.subAdminDisabledPaging === 'unique-slice') {
    // 30+: every group searched whole, array_unique over the merged ids, then array_slice($users, $offset, $limit).
    const ids = new Set<string>();
    for (const gid of subAdminGroupsOf(state, actor.id)) {
      for (const user of searchInGroup(state, state.groups.get(gid)!, search, -1, 0, order)) if (kept(user)) ids.add(user.id);
      if (wanted !== null && ids.size >= wanted) break;
    }
    return arraySlice([...ids], offset, limit);
  }
  // Up to 29: per group the first `limit + offset - found` members are fetched and filtered, until
  // `limit + offset` are found; then only the offset is cut off.
  const ids: string[] = [];
  for (const gid of subAdminGroupsOf(state, actor.id)) {
    const members = searchInGroup(state, state.groups.get(gid)!, search, wanted === null ? -1 : wanted - ids.length, 0, order);
    for (const user of members) if (kept(user)) ids.push(user.id);
    if (wanted !== null && ids.length >= wanted) break;
  }
  return arraySlice(ids, offset, null);
}

/** Manager::getLastLoggedInUsers loads at most this many. */
const RECENT_MAX = 100;
const RECENT_DEFAULT = 25;

/**
 * UsersController::getLastLoggedInUsers (Nextcloud 30+), admins only: Manager::getLastLoggedInUsers
 * lists accounts with a login/lastLogin preference, ordered by its value descending — a text
 * column, so compared as strings — then lower(userid); `$limit ?: 25` (no limit or 0 gives 25),
 * at most 100.
 */
export function lastLoggedInUserIds(ctx: AuthenticatedContext<ListArgs>): string[] {
  const { state } = ctx;
  const { limit, offset } = ctx.args;
  const needle = ctx.args.search.toLowerCase();
  const count = Math.min(RECENT_MAX, limit || RECENT_DEFAULT);
  // The recent-logins order (state/listIndex.ts), walked only as far as the page reaches.
  const rows: string[] = [];
  for (const entry of state.lists.byLastLogin) {
    if (offset >= 0 && rows.length >= offset + count) break;
    if (matchesNeedle(state, entry.user, needle)) rows.push(entry.user.id);
  }
  return sqlPage(rows, count, offset);
}
