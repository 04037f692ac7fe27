import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { PROFILE_PROPERTIES } from '../state/model.js';
import { canManageUser } from './access.js';
import { stringParam, type AuthenticatedContext } from './context.js';

/** GET /cloud/user/fields: what the profile page lets a user edit, in Nextcloud's order. */
export const EDITABLE_FIELDS = ['displayname', 'email', 'additional_mail', ...PROFILE_PROPERTIES];

export function getEditableFields(): PhpValue {
  return [...EDITABLE_FIELDS];
}

export function getEditableFieldsForUser(ctx: AuthenticatedContext): PhpValue {
  const uid = stringParam(ctx.params, 'userId');
  if (uid !== ctx.actor.id) {
    if (!ctx.state.users.has(uid) || !canManageUser(ctx.state, ctx.actor, uid)) throw new OcsError(998);
  }
  return [...EDITABLE_FIELDS];
}

/** GET /cloud/user/apps: the apps enabled for the caller. */
export function getEnabledApps(ctx: AuthenticatedContext): PhpValue {
  return { apps: [...ctx.state.apps.values()].filter((app) => app.enabled).map((app) => app.id).sort() };
}
