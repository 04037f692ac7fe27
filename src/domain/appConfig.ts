import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { messageOf } from '../releases/messages.js';
import type { State } from '../state/model.js';
import { settingsOf } from '../state/settings.js';
import { isAdmin } from './access.js';
import type { AuthenticatedContext } from './context.js';

const BLOCKED_KEYS = new Set(['installed_version', 'enabled', 'types']);

/** The controller answers these refusals as a DataResponse: meta message empty, text in data. */
function refuse(message: string): never {
  throw new OcsError(403, '', { data: { message } });
}

/** IAppManager::cleanAppId as NC 29 has it: an id it would change is refused. */
function verifyAppId(app: string): void {
  const cleaned = app.replace(/<|>|"|'|\0|\/|\\|\.\./g, '');
  if (cleaned !== app) refuse('Invalid app id given');
}

function verifyConfigKey(state: State, app: string, key: string, value: string): void {
  if (BLOCKED_KEYS.has(key)) refuse('The given key can not be set');
  if (app === 'core' && ((key === 'encryption_enabled' && value !== 'yes') || key.startsWith('public_') || key.startsWith('remote_'))) {
    refuse('The given key can not be set');
  }
  if (app === 'files' && key === 'default_quota' && value === 'none' && state.appConfig.get('files')?.get('allow_unlimited_quota') === '0') {
    refuse('The given key can not be set, unlimited quota is forbidden on this instance');
  }
}

export function getConfigApps(ctx: AuthenticatedContext): PhpValue {
  const apps = [...ctx.state.appConfig].filter(([, config]) => config.size > 0).map(([app]) => app);
  return { data: apps.sort() };
}

export function getConfigKeys(ctx: AuthenticatedContext<{ app: string }>): PhpValue {
  const app = ctx.args.app;
  verifyAppId(app);
  return { data: [...(ctx.state.appConfig.get(app)?.keys() ?? [])].sort() };
}

export function getConfigValue(ctx: AuthenticatedContext<{ app: string; key: string; defaultValue: string }>): PhpValue {
  const app = ctx.args.app;
  const key = ctx.args.key;
  verifyAppId(app);
  return { data: ctx.state.appConfig.get(app)?.get(key) ?? ctx.args.defaultValue };
}

export function setConfigValue(ctx: AuthenticatedContext<{ app: string; key: string; value: string }>): PhpValue {
  const { state, actor } = ctx;
  const app = ctx.args.app;
  const key = ctx.args.key;
  const value = ctx.args.value;
  if (!isAdmin(state, actor.id)) {
    throw new OcsError(403, messageOf(ctx.profile, 'appConfigForbidden'));
  }
  verifyAppId(app);
  verifyConfigKey(state, app, key, value);
  settingsOf(state.appConfig, app).set(key, value);
  return [];
}

export function deleteConfigKey(ctx: AuthenticatedContext<{ app: string; key: string }>): PhpValue {
  const app = ctx.args.app;
  const key = ctx.args.key;
  verifyAppId(app);
  verifyConfigKey(ctx.state, app, key, '');
  ctx.state.appConfig.get(app)?.delete(key);
  return [];
}
