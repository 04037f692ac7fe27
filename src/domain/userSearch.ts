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

/** Users ordered by id, case-insensitively, as Nextcloud's database backend returns them. */
function sortById(users: User[]): User[] {
  // Lower-case each id once, not once per comparison: this runs on every list request.
  const keyed = users.map((user) => ({ key: user.id.toLowerCase(), user }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((entry) => entry.user);
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
    return page(sortById([...state.users.values()].filter((user) => keep(user) && matches(user, search))), limit, offset);
  }
  const seen = new Map<string, User>();
  for (const gid of subAdminGroupsOf(state, actor.id)) {
    const members = sortById(
      [...state.groups.get(gid)!.members].map((uid) => state.users.get(uid)!).filter((user) => keep(user) && matches(user, search)),
    );
    for (const user of page(members, limit, offset)) seen.set(user.id, user);
  }
  return [...seen.values()];
}

/** Users who logged in at least once, most recent first (IUserManager::getLastLoggedInUsers). */
export function recentUsers(state: State, ctx: AuthenticatedContext): User[] {
  const search = stringParam(ctx.params, 'search');
  const users = [...state.users.values()]
    .filter((user) => user.lastLogin > 0 && matches(user, search))
    .sort((a, b) => b.lastLogin - a.lastLogin || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return page(users, intParam(ctx.params, 'limit', null), intParam(ctx.params, 'offset', 0));
}

