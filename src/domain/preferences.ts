import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { settingsOf } from '../state/settings.js';
import { listParam, stringParam, type AuthenticatedContext } from './context.js';

/**
 * The preferences a stock server lets users write through this API: only keys some app's
 * BeforePreference listener accepts (theming's listener covers `theming/*` and `core/apporder`).
 * Everything else is refused with a plain 400 and nothing is written.
 */
function isValidSet(app: string, key: string, value: string): boolean {
  if (app === 'theming') {
    if (key === 'force_enable_blur_filter') return value === 'yes' || value === 'no';
    if (key === 'shortcuts_disabled') return value === 'yes';
    if (key === 'primary_color') return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value);
    return false;
  }
  if (app === 'core' && key === 'apporder') return isAppOrder(value);
  if (app === 'core' && key === 'apps_pinned') return isStringList(value);
  return false;
}

function isValidDelete(app: string, key: string): boolean {
  if (app === 'theming') return ['force_enable_blur_filter', 'shortcuts_disabled', 'primary_color'].includes(key);
  return app === 'core' && (key === 'apporder' || key === 'apps_pinned');
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** `{navigation id: {order: number, app?: string}}` */
function isAppOrder(value: string): boolean {
  const parsed = parseJson(value);
  if (parsed === null || typeof parsed !== 'object') return false;
  return Object.values(parsed).every(
    (entry) =>
      entry !== null && typeof entry === 'object' && !Array.isArray(entry) && Number.isFinite(Number((entry as { order?: unknown }).order)),
  );
}

function isStringList(value: string): boolean {
  const parsed = parseJson(value);
  return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
}

function refuse(): never {
  throw new OcsError(400);
}

export function setPreference(ctx: AuthenticatedContext): PhpValue {
  const app = stringParam(ctx.params, 'appId');
  const key = stringParam(ctx.params, 'configKey');
  const value = stringParam(ctx.params, 'configValue');
  if (!isValidSet(app, key, value)) refuse();
  settingsOf(ctx.actor.preferences, app).set(key, value);
  return [];
}

export function setMultiplePreferences(ctx: AuthenticatedContext): PhpValue {
  const app = stringParam(ctx.params, 'appId');
  const configs = ctx.params.configs;
  if (configs === null || typeof configs !== 'object' || Array.isArray(configs)) refuse();
  const entries = Object.entries(configs as Record<string, unknown>).map(([key, value]) => [key, String(value)] as const);
  // All keys are checked before anything is written.
  if (!entries.every(([key, value]) => isValidSet(app, key, value))) refuse();
  const values = settingsOf(ctx.actor.preferences, app);
  for (const [key, value] of entries) values.set(key, value);
  return [];
}

export function deletePreference(ctx: AuthenticatedContext): PhpValue {
  const app = stringParam(ctx.params, 'appId');
  const key = stringParam(ctx.params, 'configKey');
  if (!isValidDelete(app, key)) refuse();
  ctx.actor.preferences.get(app)?.delete(key);
  return [];
}

export function deleteMultiplePreference(ctx: AuthenticatedContext): PhpValue {
  const app = stringParam(ctx.params, 'appId');
  const keys = listParam(ctx.params, 'configKeys');
  if (!keys.every((key) => isValidDelete(app, key))) refuse();
  for (const key of keys) ctx.actor.preferences.get(app)?.delete(key);
  return [];
}
