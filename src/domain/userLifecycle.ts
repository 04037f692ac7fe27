import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { canManageUser } from './access.js';
import type { AuthenticatedContext } from './context.js';

/** UsersController::setEnabled: a missing user and yourself are both 101; no rights is 998. */
function setEnabled(ctx: AuthenticatedContext<{ userId: string }>, enabled: boolean): PhpValue {
  const uid = ctx.args.userId;
  const target = ctx.state.users.get(uid);
  if (!target || uid === ctx.actor.id) throw new OcsError(101);
  if (!canManageUser(ctx.state, ctx.actor, uid)) throw new OcsError(998);
  target.enabled = enabled;
  return [];
}

export function enableUser(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  return setEnabled(ctx, true);
}

export function disableUser(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  return setEnabled(ctx, false);
}

/** Marks every device of the user for remote wipe (recorded in state; nothing else happens). */
export function wipeUserDevices(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  const uid = ctx.args.userId;
  const target = ctx.state.users.get(uid);
  if (!target) throw new OcsError(998);
  if (uid === ctx.actor.id) throw new OcsError(101);
  if (!canManageUser(ctx.state, ctx.actor, uid)) throw new OcsError(998);
  target.wipeRequested = true;
  return [];
}

/** Records a resent welcome mail instead of sending one. */
export function resendWelcomeMessage(ctx: AuthenticatedContext<{ userId: string }>): PhpValue {
  const uid = ctx.args.userId;
  const target = ctx.state.users.get(uid);
  if (!target || !canManageUser(ctx.state, ctx.actor, uid)) throw new OcsError(998);
  if (!target.email) throw new OcsError(101, 'Email address not available');
  target.welcomeMessagesSent++;
  return [];
}
