import type { State, User } from '../state/model.js';
import { isAdmin, subAdminGroupsOf } from './access.js';
import { intParam, page, stringParam, type AuthenticatedContext } from './context.js';

function matches(user: User, search: string): boolean {
  if (search === '') return true;
  const needle = search.toLowerCase();
  return (
    user.id.toLowerCase().includes(needle) ||
    user.displayname.toLowerCase().includes(needle) ||
    (user.email ?? '').toLowerCase().includes(needle)
  );
}

function byId(a: User, b: User): number {
  const left = a.id.toLowerCase();
  const right = b.id.toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The users an actor lists: an admin searches everyone (id, display name, e-mail; ordered by id);
 * a sub-admin gets each administered group searched and paged separately, then merged.
 */
export function visibleUsers(ctx: AuthenticatedContext, keep: (user: User) => boolean = () => true): User[] {
  const { state, actor } = ctx;
  const search = stringParam(ctx.params, 'search');
  const limit = intParam(ctx.params, 'limit', null);
  const offset = intParam(ctx.params, 'offset', 0);
  if (isAdmin(state, actor.id)) {
    return page([...state.users.values()].filter((user) => keep(user) && matches(user, search)).sort(byId), limit, offset);
  }
  const seen = new Map<string, User>();
  for (const gid of subAdminGroupsOf(state, actor.id)) {
    const members = [...state.groups.get(gid)!.members]
      .map((uid) => state.users.get(uid)!)
      .filter((user) => keep(user) && matches(user, search))
      .sort(byId);
    for (const user of page(members, limit, offset)) seen.set(user.id, user);
  }
  return [...seen.values()];
}

/** Users who logged in at least once, most recent first (IUserManager::getLastLoggedInUsers). */
export function recentUsers(state: State, ctx: AuthenticatedContext): User[] {
  const search = stringParam(ctx.params, 'search');
  const users = [...state.users.values()]
    .filter((user) => user.lastLogin > 0 && matches(user, search))
    .sort((a, b) => b.lastLogin - a.lastLogin || byId(a, b));
  return page(users, intParam(ctx.params, 'limit', null), intParam(ctx.params, 'offset', 0));
}

