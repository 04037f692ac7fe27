import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { messageOf } from '../releases/messages.js';
import { ADMIN_GROUP } from '../state/model.js';
import { findUser } from '../state/userLookup.js';
import { groupsOf, isAdmin, isSubAdminOfGroup, isUserAccessible, subAdminGroupsOf } from './access.js';
import type { AuthenticatedContext } from './context.js';
import { groupDetails } from './groups.js';

/**
 * The groups of a user an actor may see: all for themself and admins, shared ones for sub-admins
 * (`shared`: the sub-admin's groups array_intersect()ed with the user's).
 */
function visibleGroups(ctx: AuthenticatedContext<{ userId: string }>): { gids: string[]; shared: boolean } {
  const { state, actor } = ctx;
  const uid = ctx.args.userId;
  const target = findUser(state, uid);
  if (!target) throw new OcsError(998);
  if (target.id === actor.id || isAdmin(state, actor.id)) return { gids: groupsOf(state, target.id), shared: false };
  if (!isUserAccessible(state, actor, target.id)) throw new OcsError(998);
  const member = new Set(groupsOf(state, target.id));
  return { gids: subAdminGroupsOf(state, actor.id).filter((gid) => member.has(gid)), shared: true };
}

/** A PHP array keyed by group id: a list when the keys happen to be 0..n-1, as PHP's integer keys are. */
function keyedByGid(gids: string[]): PhpValue {
  if (gids.every((gid, i) => gid === String(i))) return gids;
  return Object.fromEntries(gids.map((gid) => [gid, gid]));
}

export function getUsersGroups(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  const { gids, shared } = visibleGroups(ctx);
  return { groups: shared && ctx.profile.lists.subAdminUserGroups === 'keyed' ? keyedByGid(gids) : gids };
}

export function getUsersGroupsDetails(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  return { groups: visibleGroups(ctx).gids.map((gid) => groupDetails(ctx.state, ctx.state.groups.get(gid)!)) };
}

export function addToGroup(ctx: AuthenticatedContext<{ userId: string; groupid: string }>): PhpValue {
  const { state, actor } = ctx;
  const gid = ctx.args.groupid;
  const uid = ctx.args.userId;
  if (gid === '') throw new OcsError(101);
  const group = state.groups.get(gid);
  if (!group) throw new OcsError(102);
  if (!state.users.has(uid)) throw new OcsError(103);
  if (!isAdmin(state, actor.id) && !isSubAdminOfGroup(state, actor.id, gid)) throw new OcsError(104);
  group.members.add(uid);
  return [];
}

export function removeFromGroup(ctx: AuthenticatedContext<{ userId: string; groupid: string }>): PhpValue {
  const { state, actor } = ctx;
  const gid = ctx.args.groupid;
  const uid = ctx.args.userId;
  if (gid.trim() === '') throw new OcsError(101);
  const group = state.groups.get(gid);
  if (!group) throw new OcsError(102);
  if (!state.users.has(uid)) throw new OcsError(103);
  const actorIsAdmin = isAdmin(state, actor.id);
  if (!actorIsAdmin && !isSubAdminOfGroup(state, actor.id, gid)) throw new OcsError(104);
  if (uid === actor.id) {
    if (!actorIsAdmin) throw new OcsError(105, messageOf(ctx.profile, 'removeSelfAsSubAdmin'));
    if (gid === ADMIN_GROUP) throw new OcsError(105, 'Cannot remove yourself from the admin group');
  } else if (!actorIsAdmin) {
    // array_intersect(getSubAdminsGroups($actor), getUserGroupIds($target))
    const shared = groupsOf(state, uid).filter((id) => isSubAdminOfGroup(state, actor.id, id));
    if (shared.length <= 1) throw new OcsError(105, messageOf(ctx.profile, 'removeFromLastSubAdminGroup'));
  }
  group.members.delete(uid);
  return [];
}
