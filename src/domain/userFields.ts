import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { canManageUser } from './access.js';
import type { AuthenticatedContext } from './context.js';

/** GET /cloud/user/fields: what the profile page lets a user edit, in the release's order. */
export function getEditableFields(ctx: AuthenticatedContext): PhpValue {
  return [...ctx.profile.editableFields];
}

export function getEditableFieldsForUser(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  const uid = ctx.args.userId;
  if (uid !== ctx.actor.id) {
    if (!ctx.state.users.has(uid) || !canManageUser(ctx.state, ctx.actor, uid)) throw new OcsError(998);
  }
  return [...ctx.profile.editableFields];
}

/** GET /cloud/user/apps: the apps enabled for the caller. */
export function getEnabledApps(ctx: AuthenticatedContext): PhpValue {
  return { apps: [...ctx.state.apps.values()].filter((app) => app.enabled).map((app) => app.id).sort() };
}
