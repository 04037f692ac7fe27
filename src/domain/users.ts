import { InternalServerError, OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { messageOf } from '../releases/messages.js';
import type { ReleaseProfile } from '../releases/profile.js';
import { newUser } from '../state/user.js';
import { findUser, managedBy } from '../state/userLookup.js';
import { canManageUser, isAdmin, isSubAdminOfGroup } from './access.js';
import { setDisplayName } from './displayName.js';
import { stringItems, type AuthenticatedContext, type ListArgs } from './context.js';
import { passwordPolicyViolation } from './passwordPolicy.js';
import { normaliseQuota } from './quota.js';
import { detailsMap, userDetails } from './userDetails.js';
import { checkedLanguage } from './userEdits.js';
import { MAX_PASSWORD_LENGTH } from './userLimits.js';
import type { PhpArray } from './phpRules.js';
import { disabledUserIds, lastLoggedInUserIds, listedUserIds, type DisabledListArgs } from './userSearch.js';


export function getUsers(ctx: AuthenticatedContext<ListArgs>): PhpValue {
  return { users: listedUserIds(ctx) };
}

export function getUsersDetails(ctx: AuthenticatedContext<ListArgs>): PhpValue {
  return detailsMap(ctx.state, ctx.profile, ctx.actor, listedUserIds(ctx));
}

/** The controller's own checks of getDisabledUsersDetails and getLastLoggedInUsers (500 otherwise). */
function refuseNegativePaging(ctx: AuthenticatedContext<DisabledListArgs>): void {
  const { limit, offset } = ctx.args;
  if (limit !== null && limit < 0) throw new InternalServerError(`Invalid limit value: ${limit}`);
  if (offset !== null && offset < 0) throw new InternalServerError(`Invalid offset value: ${offset}`);
}

export function getDisabledUsersDetails(ctx: AuthenticatedContext<DisabledListArgs>): PhpValue {
  refuseNegativePaging(ctx);
  return detailsMap(ctx.state, ctx.profile, ctx.actor, disabledUserIds(ctx));
}

export function getLastLoggedInUsers(ctx: AuthenticatedContext<ListArgs>): PhpValue {
  refuseNegativePaging(ctx);
  return detailsMap(ctx.state, ctx.profile, ctx.actor, lastLoggedInUserIds(ctx));
}

/** User\Manager::validateUserId as createUser runs it, in its order, with the release's messages. */
function validateUserId(profile: ReleaseProfile, uid: string): void {
  if (!/^[a-zA-Z0-9 _.@\-']*$/.test(uid)) throw new OcsError(101, messageOf(profile, 'loginInvalidChars'));
  if (uid.trim() === '') throw new OcsError(101, messageOf(profile, 'loginEmpty'));
  if (uid.trim() !== uid) throw new OcsError(101, messageOf(profile, 'loginWhitespace'));
  if (uid === '.' || uid === '..') throw new OcsError(101, messageOf(profile, 'loginDots'));
  if (profile.userIdMaxLength !== null && uid.length > profile.userIdMaxLength) throw new OcsError(101, messageOf(profile, 'loginTooLong'));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** UsersController::addUser's arguments. */
type AddUserArgs = {
  userid: string;
  password: string;
  displayName: string;
  email: string;
  groups: PhpArray;
  subadmin: PhpArray;
  quota: string;
  language: string;
  manager: string | null;
};

export function addUser(ctx: AuthenticatedContext<AddUserArgs>): PhpValue {
  const { state, actor, args, profile } = ctx;
  const { userid: uid, password, displayName, quota, language, manager } = args;
  let email = args.email;
  const groups = stringItems(args.groups, 'groups');
  const subadminGroups = stringItems(args.subadmin, 'subadmin');
  const actorIsAdmin = isAdmin(state, actor.id);

  if (findUser(state, uid)) {
    throw new OcsError(102, 'User already exists');
  }
  if (groups.length > 0) {
    for (const gid of groups) {
      if (!state.groups.has(gid)) throw new OcsError(104, messageOf(profile, 'groupMissing', { group: gid }));
      if (!actorIsAdmin && !isSubAdminOfGroup(state, actor.id, gid)) {
        throw new OcsError(105, messageOf(profile, 'groupForbidden', { group: gid }));
      }
    }
  } else if (!actorIsAdmin) {
    throw new OcsError(106, messageOf(profile, 'noGroupForSubAdmin'));
  }
  for (const gid of subadminGroups) {
    if (!state.groups.has(gid)) throw new OcsError(profile.codes.subAdminGroupMissing, messageOf(profile, 'subAdminGroupMissing'));
    if (gid === 'admin') throw new OcsError(103, messageOf(profile, 'subAdminOfAdminGroup'));
    if (!actorIsAdmin && !isSubAdminOfGroup(state, actor.id, gid)) throw new OcsError(403, messageOf(profile, 'promoteForbidden'));
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw new OcsError(101, 'Invalid password value');
  if (password === '' && email === '') throw new OcsError(108, messageOf(profile, 'passwordLinkNeedsEmail'));
  // 31.0.11+ store the address lower-cased and trimmed; the check above still sees it as sent.
  if (profile.userEdits.normaliseEmails) email = email.trim().toLowerCase();
  if (email === '' && state.appConfig.get('core')?.get('newUser.requireEmail') === 'yes') {
    throw new OcsError(110, 'Required email address was not provided');
  }
  validateUserId(profile, uid);
  // createUser() runs the policy on a given password (a generated one always passes); addUser
  // answers the HintException's hint (its translated message) as 107.
  const violation = password === '' ? null : passwordPolicyViolation(state, password);
  if (violation) throw new OcsError(107, violation);
  if (email !== '' && !EMAIL.test(email)) throw new OcsError(101, 'Invalid email address');
  if (manager !== null && manager !== '' && !state.users.has(manager)) throw new OcsError(101, 'Manager does not exist');

  const user = newUser(uid, password === '' ? `generated-${uid}-${Date.now()}` : password);
  // A display name editUser refuses deletes the new account again: it is checked before storing it.
  if (displayName !== '') setDisplayName(user, displayName);
  state.users.set(uid, user);
  for (const gid of groups) state.groups.get(gid)?.members.add(uid);
  for (const gid of subadminGroups) state.groups.get(gid)?.subadmins.add(uid);
  // addUser runs editUser for quota and language on the created account: a refusal answers with
  // editUser's code and leaves the account in place (recording users-get-users/after-failed-creates).
  if (quota !== '') user.quota = normaliseQuota(state, profile, quota);
  if (language !== '') user.language = checkedLanguage(profile, language);
  if (manager) user.managers = [manager];
  if (email !== '') {
    user.email = email;
    if (state.appConfig.get('core')?.get('newUser.sendEmail') !== 'no') user.welcomeMessagesSent++;
  }
  return { id: uid };
}

export function getUser(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  const uid = ctx.args.userId;
  const data = userDetails(ctx.state, ctx.profile, ctx.actor, uid, uid === ctx.actor.id);
  if (data === null) throw new OcsError(998);
  return data;
}

export function getCurrentUser(ctx: AuthenticatedContext): PhpValue {
  return userDetails(ctx.state, ctx.profile, ctx.actor, ctx.actor.id, true);
}

export function deleteUser(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  const { state, actor } = ctx;
  const uid = ctx.args.userId;
  if (!state.users.has(uid)) throw new OcsError(998);
  if (uid === actor.id) throw new OcsError(101);
  if (!canManageUser(state, actor, uid)) throw new OcsError(998);
  state.users.delete(uid);
  for (const managed of managedBy(state, uid)) {
    const user = state.users.get(managed)!;
    user.managers = user.managers.filter((id) => id !== uid);
  }
  // User::delete has removed the account, its memberships and preferences when the notification
  // cleanup (Notification::setUser: at most 64 characters) throws: 500 with the user gone
  // (recording users-delete-user/delete-leftover-uuu…, 65 characters).
  if (uid.length > 64) throw new InternalServerError('Notification::setUser: the given user id is invalid');
  return [];
}
