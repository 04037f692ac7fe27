import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import type { ReleaseProfile } from '../releases/profile.js';
import { ADMIN_GROUP, type State, type User } from '../state/model.js';
import { administeredGroups } from '../state/subAdminRights.js';
import { groupsOf, isAdmin, isUserAccessible } from './access.js';
import { isValidEmail } from './accountProperties.js';
import type { AuthenticatedContext } from './context.js';
import type { PhpArray } from './phpRules.js';
import { InvalidQuotaError, parseQuota } from './quota.js';
import { userDetails } from './userDetails.js';
import { LANGUAGES, MAX_PASSWORD_LENGTH } from './userLimits.js';

/** A `?array` argument's items (absent or null means "no change"). */
function optionalList(value: PhpArray | null): string[] | null {
  return value === null ? null : Object.values(value).map((item) => String(item));
}

type TextFields = Record<'displayName' | 'password' | 'email' | 'quota' | 'language' | 'manager', string | null>;

/** The `?string` / `?array` arguments (default null: "no change"). */
type MultiFieldArgs = TextFields & { userId: string; groups: PhpArray | null; subadminGroups: PhpArray | null };

/** The fields to set, group lists as ids. */
type Fields = TextFields & { groups: string[] | null; subadminGroups: string[] | null };

/** Every refusal, keyed by field, checked before anything is changed (in the controller's order). */
function refusals(state: State, profile: ReleaseProfile, fields: Fields, actorIsAdmin: boolean, canEditOther: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (fields.password !== null && fields.password.length > MAX_PASSWORD_LENGTH) errors.password = 'Invalid password value';
  if (fields.email !== null && fields.email !== '' && !isValidEmail(fields.email)) errors.email = 'Invalid email address';
  if (fields.language !== null && !LANGUAGES.has(fields.language)) errors.language = 'Invalid language';
  if (fields.quota !== null) {
    if (!canEditOther) {
      errors.quota = 'Insufficient permissions to change quota';
    } else {
      try {
        fields.quota = parseQuota(state, profile, fields.quota);
      } catch (error) {
        if (!(error instanceof InvalidQuotaError)) throw error;
        errors.quota = error.message;
      }
    }
  }
  for (const key of ['groups', 'subadminGroups'] as const) {
    const list = fields[key];
    if (list === null) continue;
    const missing = list.find((gid) => !state.groups.has(gid));
    if (!actorIsAdmin) errors[key] = key === 'groups' ? 'Insufficient permissions to change groups' : 'Insufficient permissions to change sub-admin groups';
    else if (missing !== undefined) errors[key] = `Group ${missing} does not exist`;
  }
  if (fields.manager !== null && !canEditOther) errors.manager = 'Insufficient permissions to change manager';
  return errors;
}

function apply(state: State, target: User, fields: Fields): void {
  if (fields.password !== null) target.password = fields.password;
  // User::setDisplayName ignores '': clearing means the id again.
  if (fields.displayName !== null) target.displayname = fields.displayName !== '' ? fields.displayName : target.id;
  if (fields.email !== null) {
    const email = fields.email.trim().toLowerCase();
    target.email = email === '' ? null : email;
  }
  if (fields.quota !== null) target.quota = fields.quota;
  if (fields.language !== null) target.language = fields.language;
  if (fields.manager !== null) target.managers = fields.manager === '' ? [] : [fields.manager];
  // Leaves the groups not listed, then joins the listed ones in the order given (array_diff both ways).
  if (fields.groups !== null) {
    const wanted = new Set(fields.groups);
    for (const gid of groupsOf(state, target.id)) if (!wanted.has(gid)) state.groups.get(gid)!.members.delete(target.id);
    for (const gid of wanted) state.groups.get(gid)!.members.add(target.id);
  }
  if (fields.subadminGroups !== null) {
    const wanted = new Set(fields.subadminGroups.filter((gid) => gid !== ADMIN_GROUP));
    for (const gid of [...administeredGroups(state, target.id)]) if (!wanted.has(gid)) state.groups.get(gid)!.subadmins.delete(target.id);
    for (const gid of wanted) state.groups.get(gid)!.subadmins.add(target.id);
  }
}

/**
 * PATCH /cloud/users/{userId} (34+, UsersController::editUserMultiField): named fields, all
 * validated first; any refusal answers HTTP 422 `{errors: {field: message}}` and changes nothing;
 * success answers the user's details.
 */
export function editUserMultiField(ctx: AuthenticatedContext<MultiFieldArgs>): PhpValue {
  const { state, actor, args } = ctx;
  const target = state.users.get(args.userId);
  if (!target) throw new OcsError(998);
  const isSelf = target.id === actor.id;
  const actorIsAdmin = isAdmin(state, actor.id);
  const canEditOther = actorIsAdmin || (!isSelf && isUserAccessible(state, actor, target.id));
  if (!isSelf && !canEditOther) throw new OcsError(403, 'Insufficient permissions to edit this user');
  const fields: Fields = {
    displayName: args.displayName,
    password: args.password,
    email: args.email,
    quota: args.quota,
    language: args.language,
    manager: args.manager,
    groups: optionalList(args.groups),
    subadminGroups: optionalList(args.subadminGroups),
  };
  const errors = refusals(state, ctx.profile, fields, actorIsAdmin, canEditOther);
  if (Object.keys(errors).length > 0) throw new OcsError(422, '', { errors });
  apply(state, target, fields);
  return userDetails(state, ctx.profile, actor, target.id, false) ?? [];
}
