import { InternalServerError, OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import type { ReleaseProfile } from '../releases/profiles.js';
import { ADMIN_GROUP, type State, type User } from '../state/model.js';
import { isAdmin, isUserAccessible } from './access.js';
import { isValidEmail } from './accountProperties.js';
import { stringParam, type AuthenticatedContext, type Params } from './context.js';
import { InvalidQuotaError, parseQuota } from './quota.js';
import { userDetails } from './userDetails.js';
import { LANGUAGES, MAX_PASSWORD_LENGTH } from './userLimits.js';

/** A `?string` argument: absent or null means "no change". */
function optionalString(params: Params, name: string): string | null {
  return params[name] === undefined || params[name] === null ? null : stringParam(params, name);
}

/** A `?array` argument: a scalar cannot be bound (PHP TypeError, answered as 996). */
function optionalList(params: Params, name: string): string[] | null {
  const value = params[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') throw new InternalServerError(`parameter "${name}" must be an array`);
  return Object.values(value as Record<string, unknown>).map((item) => String(item));
}

interface Fields {
  displayName: string | null;
  password: string | null;
  email: string | null;
  quota: string | null;
  language: string | null;
  manager: string | null;
  groups: string[] | null;
  subadminGroups: string[] | null;
}

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
  if (fields.groups !== null) {
    const wanted = new Set(fields.groups);
    for (const group of state.groups.values()) {
      if (wanted.has(group.id)) group.members.add(target.id);
      else group.members.delete(target.id);
    }
  }
  if (fields.subadminGroups !== null) {
    const wanted = new Set(fields.subadminGroups.filter((gid) => gid !== ADMIN_GROUP));
    for (const group of state.groups.values()) {
      if (wanted.has(group.id)) group.subadmins.add(target.id);
      else group.subadmins.delete(target.id);
    }
  }
}

/**
 * PATCH /cloud/users/{userId} (34+, UsersController::editUserMultiField): named fields, all
 * validated first; any refusal answers HTTP 422 `{errors: {field: message}}` and changes nothing;
 * success answers the user's details.
 */
export function editUserMultiField(ctx: AuthenticatedContext): PhpValue {
  const { state, actor, params } = ctx;
  const target = state.users.get(stringParam(params, 'userId'));
  if (!target) throw new OcsError(998);
  const isSelf = target.id === actor.id;
  const actorIsAdmin = isAdmin(state, actor.id);
  const canEditOther = actorIsAdmin || (!isSelf && isUserAccessible(state, actor, target.id));
  if (!isSelf && !canEditOther) throw new OcsError(403, 'Insufficient permissions to edit this user');
  const fields: Fields = {
    displayName: optionalString(params, 'displayName'),
    password: optionalString(params, 'password'),
    email: optionalString(params, 'email'),
    quota: optionalString(params, 'quota'),
    language: optionalString(params, 'language'),
    manager: optionalString(params, 'manager'),
    groups: optionalList(params, 'groups'),
    subadminGroups: optionalList(params, 'subadminGroups'),
  };
  const errors = refusals(state, ctx.profile, fields, actorIsAdmin, canEditOther);
  if (Object.keys(errors).length > 0) throw new OcsError(422, '', { errors });
  apply(state, target, fields);
  return userDetails(state, ctx.profile, actor, target.id, false) ?? [];
}
