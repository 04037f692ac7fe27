import { disabledMembersOf } from '../state/memberships.js';
import { createHash } from 'node:crypto';
import { InternalServerError, OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { ADMIN_GROUP, type Group, type State } from '../state/model.js';
import { isAdmin } from './access.js';
import type { AuthenticatedContext, ListArgs } from './context.js';
import { groupsWindow } from './paging.js';
import { phpTrim } from './phpRules.js';
import { groupMembers, searchInGroup } from './userBackend.js';
import { detailsMap } from './userDetails.js';

/** PHP urldecode, which some GroupsController methods apply to the already decoded route value. */
function urldecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value.replace(/\+/g, ' ');
  }
}

function contains(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

/** IGroupManager::search: substring of id or display name, case-insensitive, ordered by id, walked as far as the page reaches. */
function searchGroups(state: State, ctx: AuthenticatedContext<ListArgs>): Group[] {
  const { search } = ctx.args;
  const { start, end } = groupsWindow(ctx.args.limit, ctx.args.offset);
  // Without a search every group matches: the page is read straight from the kept order.
  if (search === '') return state.lists.groupsById.slice(start, end === Infinity ? undefined : end);
  const page: Group[] = [];
  let matched = 0;
  for (const group of state.lists.groupsById) {
    if (search !== '' && !contains(group.id, search) && !contains(group.displayname, search)) continue;
    if (matched++ >= start) page.push(group);
    if (matched >= end) break;
  }
  return page;
}

/** The GroupDetails record (Database backend: can add and remove). */
export function groupDetails(state: State, group: Group): PhpValue {
  return {
    id: group.id,
    displayname: group.displayname,
    usercount: group.members.size,
    disabled: disabledMembersOf(state, group.id),
    canAdd: true,
    canRemove: true,
  };
}

export function getGroups(ctx: AuthenticatedContext<ListArgs>): PhpValue {
  return { groups: searchGroups(ctx.state, ctx).map((group) => group.id) };
}

export function getGroupsDetails(ctx: AuthenticatedContext<ListArgs>): PhpValue {
  return { groups: searchGroups(ctx.state, ctx).map((group) => groupDetails(ctx.state, group)) };
}

/**
 * GET /cloud/groups/{groupId}/users and its deprecated alias GET /cloud/groups/{groupId}
 * (GroupsController::getGroupUsers): admins and the group's sub-admins; from 32 its members too.
 */
export function getGroupUsers(ctx: AuthenticatedContext<{ groupId: string }>): PhpValue {
  const { state, actor } = ctx;
  const group = state.groups.get(urldecode(ctx.args.groupId));
  if (!group) throw new OcsError(404, 'The requested group could not be found');
  const member = ctx.profile.lists.groupMembersListUsers && group.members.has(actor.id);
  if (!isAdmin(state, actor.id) && !group.subadmins.has(actor.id) && !member) throw new OcsError(403);
  // Group::getUsers: every member, in searchInGroup's order.
  return { users: groupMembers(state, group, -1, 0).map((user) => user.id) };
}

export function getGroupUsersDetails(ctx: AuthenticatedContext<ListArgs & { groupId: string }>): PhpValue {
  const { state, actor } = ctx;
  const group = state.groups.get(urldecode(ctx.args.groupId));
  if (!group || (!isAdmin(state, actor.id) && !group.subadmins.has(actor.id))) {
    throw new OcsError(998, 'The requested group could not be found');
  }
  // Group::searchUsers: no limit is -1 for the backend; `limit=0` selects nobody (groups-get-group-users-details/limit-0).
  const limit = ctx.args.limit ?? -1;
  const search = ctx.args.search;
  const members = searchInGroup(state, group, search, limit, ctx.args.offset, ctx.profile.lists.groupSearchOrder);
  return detailsMap(state, ctx.profile, actor, members.map((user) => user.id));
}

/** GroupManager::MAX_GROUP_LENGTH: a longer name makes createGroup throw (HTTP 500, groups-add-group/id-256-chars). */
const MAX_GROUP_NAME = 255;

/** Database::computeGid: a name over 64 characters is stored under its sha256 hex, the name becomes the display name. */
function computeGid(name: string): string {
  return [...name].length > 64 ? createHash('sha256').update(name, 'utf8').digest('hex') : name;
}

/**
 * GroupsController::addGroup: 102 when a group has the given id; otherwise GroupManager::createGroup,
 * whose Database backend answers null on a duplicate computed id -> 103 (groups-add-group/id-65-chars-again).
 */
export function addGroup(ctx: AuthenticatedContext<{ groupid: string; displayname: string }>): PhpValue {
  const name = ctx.args.groupid;
  const displayname = ctx.args.displayname;
  if (name === '') throw new OcsError(101, 'Invalid group name');
  if (ctx.state.groups.has(name)) throw new OcsError(102, 'group exists');
  if ([...name].length > MAX_GROUP_NAME) throw new InternalServerError(`Group name is limited to ${MAX_GROUP_NAME} characters`);
  const gid = computeGid(name);
  if (ctx.state.groups.has(gid)) throw new OcsError(103, 'Not supported by backend');
  // Group::setDisplayName ignores an empty name; the backend stored the name as display name.
  const shown = phpTrim(displayname) || name;
  ctx.state.groups.set(gid, { id: gid, displayname: shown, members: new Set(), subadmins: new Set() });
  return [];
}

export function updateGroup(ctx: AuthenticatedContext<{ groupId: string; key: string; value: string }>): PhpValue {
  const gid = urldecode(ctx.args.groupId);
  const key = ctx.args.key;
  const value = ctx.args.value;
  if (key !== 'displayname') throw new OcsError(999);
  const group = ctx.state.groups.get(gid);
  if (!group) throw new OcsError(998, 'Group does not exist');
  // Group::setDisplayName trims and refuses an empty name (groups-update-group/displayname-empty-value).
  const displayname = phpTrim(value);
  if (displayname === '') throw new OcsError(101, 'Not supported by backend');
  group.displayname = displayname;
  return [];
}

export function deleteGroup(ctx: AuthenticatedContext<{ groupId: string }>): PhpValue {
  const gid = urldecode(ctx.args.groupId);
  if (!ctx.state.groups.has(gid)) throw new OcsError(101);
  if (gid === ADMIN_GROUP) throw new OcsError(102);
  ctx.state.groups.delete(gid);
  return [];
}

export function getSubAdminsOfGroup(ctx: AuthenticatedContext<{ groupId: string }>): PhpValue {
  const group = ctx.state.groups.get(ctx.args.groupId);
  if (!group) throw new OcsError(101, 'Group does not exist');
  return [...group.subadmins].sort();
}
