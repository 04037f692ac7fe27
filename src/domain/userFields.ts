import { OcsError } from '../ocs/OcsError.js';
import type { ReleaseProfile } from '../releases/profile.js';
import type { PhpValue } from '../ocs/php.js';
import { canManageUser } from './access.js';
import type { AuthenticatedContext } from './context.js';

/** What the profile page lets a user edit, in the release's order (UsersController::getEditableFieldsForUser). */
function editableFields(profile: ReleaseProfile): string[] {
  return [...(profile.editableFieldsOrder ?? ['displayname', 'email', 'additional_mail', ...profile.properties])];
}

/** GET /cloud/user/fields. */
export function getEditableFields(ctx: AuthenticatedContext): PhpValue {
  return editableFields(ctx.profile);
}

export function getEditableFieldsForUser(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  const uid = ctx.args.userId;
  if (uid !== ctx.actor.id) {
    if (!ctx.state.users.has(uid) || !canManageUser(ctx.state, ctx.actor, uid)) throw new OcsError(998);
  }
  return editableFields(ctx.profile);
}

/** GET /cloud/user/apps: the apps enabled for the caller. */
export function getEnabledApps(ctx: AuthenticatedContext): PhpValue {
  return { apps: [...ctx.state.apps.values()].filter((app) => app.enabled).map((app) => app.id).sort() };
}
