import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { messageOf } from '../releases/messages.js';
import { ADMIN_GROUP } from '../state/model.js';
import { groupsOf, isAdmin, isSubAdminOfGroup, isUserAccessible, subAdminGroupsOf } from './access.js';
import type { AuthenticatedContext } from './context.js';
import { groupDetails } from './groups.js';

/** The groups of a user an actor may see: all for themself and admins, shared ones for sub-admins. */
function visibleGroupsOf(ctx: AuthenticatedContext<{ userId: string }>): string[] {
  const { state, actor } = ctx;
  const uid = ctx.args.userId;
  if (!state.users.has(uid)) throw new OcsError(998);
  if (uid === actor.id || isAdmin(state, actor.id)) return groupsOf(state, uid);
  if (!isUserAccessible(state, actor, uid)) throw new OcsError(998);
  const administered = new Set(subAdminGroupsOf(state, actor.id));
  return groupsOf(state, uid).filter((gid) => administered.has(gid));
}

export function getUsersGroups(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  return { groups: visibleGroupsOf(ctx) };
}

export function getUsersGroupsDetails(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  return { groups: visibleGroupsOf(ctx).map((gid) => groupDetails(ctx.state, ctx.state.groups.get(gid)!)) };
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
    const administered = new Set(subAdminGroupsOf(state, actor.id));
    const shared = groupsOf(state, uid).filter((id) => administered.has(id));
    if (shared.length <= 1) throw new OcsError(105, messageOf(ctx.profile, 'removeFromLastSubAdminGroup'));
  }
  group.members.delete(uid);
  return [];
}
