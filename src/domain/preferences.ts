import { InternalServerError, OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { settingsOf } from '../state/settings.js';
import { strictString, type AuthenticatedContext } from './context.js';
import { isValidPreferenceChange, type PreferenceEvent } from './preferenceListeners.js';
import { isIntegerKey, phpArrayEntries, type PhpArray } from './phpRules.js';

/**
 * apps/provisioning_api/lib/Controller/PreferencesController.php: the caller's own preferences. Each
 * change is dispatched as an event first; unless a listener declares it valid the answer is a
 * plain 400 and nothing is written. With several changes all are checked, in order, before any
 * is written, and the first refused one answers.
 */

function event(ctx: AuthenticatedContext, appId: string, configKey: string, configValue?: string): PreferenceEvent {
  return { state: ctx.state, user: ctx.actor, theming: ctx.profile.themingPreferences, appId, configKey, configValue };
}

function check(candidate: PreferenceEvent): void {
  if (!isValidPreferenceChange(candidate)) throw new OcsError(400);
}

/** PreferencesController is strict_types: the event constructors take string keys only (PHP makes "7" an integer key). */
function configKey(key: string): string {
  if (isIntegerKey(key)) throw new InternalServerError(`preference key ${key} is an integer`);
  return key;
}

export function setPreference(ctx: AuthenticatedContext<{ appId: string; configKey: string; configValue: string }>): PhpValue {
  const app = ctx.args.appId;
  const key = ctx.args.configKey;
  const value = ctx.args.configValue;
  check(event(ctx, app, key, value));
  settingsOf(ctx.actor.preferences, app).set(key, value);
  return [];
}

export function setMultiplePreferences(ctx: AuthenticatedContext<{ appId: string; configs: PhpArray }>): PhpValue {
  const app = ctx.args.appId;
  const configs = phpArrayEntries(ctx.args.configs).map(([key, value]): [string, string] => {
    const change: [string, string] = [configKey(key), strictString(value, `configs[${key}]`)];
    check(event(ctx, app, ...change));
    return change;
  });
  for (const [key, value] of configs) settingsOf(ctx.actor.preferences, app).set(key, value);
  return [];
}

export function deletePreference(ctx: AuthenticatedContext<{ appId: string; configKey: string }>): PhpValue {
  const app = ctx.args.appId;
  const key = ctx.args.configKey;
  check(event(ctx, app, key));
  ctx.actor.preferences.get(app)?.delete(key);
  return [];
}

export function deleteMultiplePreference(ctx: AuthenticatedContext<{ appId: string; configKeys: PhpArray }>): PhpValue {
  const app = ctx.args.appId;
  const keys = phpArrayEntries(ctx.args.configKeys).map(([, key]) => {
    const name = strictString(key, 'an item of configKeys');
    check(event(ctx, app, name));
    return name;
  });
  for (const key of keys) ctx.actor.preferences.get(app)?.delete(key);
  return [];
}
