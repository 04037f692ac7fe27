import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { messageOf } from '../releases/messages.js';
import { ADMIN_GROUP } from '../state/model.js';
import { isAdmin, subAdminGroupsOf } from './access.js';
import type { AuthenticatedContext } from './context.js';
import { groupDetails } from './groups.js';

export function getUserSubAdminGroups(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  const uid = ctx.args.userId;
  if (!ctx.state.users.has(uid)) throw new OcsError(404, 'User does not exist');
  return subAdminGroupsOf(ctx.state, uid);
}

/** Sub-admin groups with their details: an admin for anyone, any user for themself. */
export function getUserSubAdminGroupsDetails(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  const { state, actor } = ctx;
  const uid = ctx.args.userId;
  // Like the other per-user group lookups: unknown and not permitted both look like 998.
  if (!state.users.has(uid) || (uid !== actor.id && !isAdmin(state, actor.id))) throw new OcsError(998);
  return {
    groups: subAdminGroupsOf(state, uid).map((gid) => groupDetails(state, state.groups.get(gid)!)),
  };
}

export function addSubAdmin(ctx: AuthenticatedContext<{ userId: string; groupid: string }>): PhpValue {
  const uid = ctx.args.userId;
  const gid = ctx.args.groupid;
  const group = ctx.state.groups.get(gid);
  if (!ctx.state.users.has(uid)) throw new OcsError(101, 'User does not exist');
  if (!group) throw new OcsError(102, 'Group does not exist');
  if (group.id === ADMIN_GROUP) throw new OcsError(103, messageOf(ctx.profile, 'subAdminOfAdminGroup'));
  group.subadmins.add(uid);
  return [];
}

export function removeSubAdmin(ctx: AuthenticatedContext<{ userId: string; groupid: string }>): PhpValue {
  const uid = ctx.args.userId;
  const gid = ctx.args.groupid;
  const group = ctx.state.groups.get(gid);
  if (!ctx.state.users.has(uid)) throw new OcsError(101, 'User does not exist');
  if (!group) throw new OcsError(101, 'Group does not exist');
  if (!group.subadmins.has(uid)) throw new OcsError(102, messageOf(ctx.profile, 'notSubAdminOfGroup'));
  group.subadmins.delete(uid);
  return [];
}
