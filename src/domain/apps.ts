import { InternalServerError, OcsError } from '../ocs/OcsError.js';
import { RESPOND_UNAUTHORISED } from '../ocs/status.js';
import type { PhpValue } from '../ocs/php.js';
import { messageOf } from '../releases/messages.js';
import type { State } from '../state/model.js';
import { settingsOf } from '../state/settings.js';
import { appInfoOf } from './appInfo.js';
import type { AuthenticatedContext } from './context.js';

const APP_NOT_FOUND = 'The request app was not found';

/** OC_App::getEnabledApps(): sorted, but `files` is put first (array_unshift). */
export function enabledAppIds(state: State): string[] {
  const ids = [...state.apps.values()].filter((app) => app.enabled && app.id !== 'files').map((app) => app.id).sort();
  return state.apps.get('files')?.enabled ? ['files', ...ids] : ids;
}

/**
 * GET /cloud/apps. Without a filter: installed apps minus the always-enabled ones. `disabled` keeps
 * the keys PHP's array_diff leaves (positions in the scan list), so JSON shows an object; 31+ wrap
 * it in array_values(). Up to 33 '' and '0' are no filter either (the profile's `apps.noFilter`).
 */
export function getApps(ctx: AuthenticatedContext<{ filter: string | null }>): PhpValue {
  const filter = ctx.args.filter;
  // OC_App::listAllApps() skips always-enabled apps, so array_diff keys are positions in this list.
  const listed = [...ctx.state.apps.values()].filter((app) => !app.alwaysEnabled);
  const noFilter = filter === null || (ctx.profile.apps.noFilter === 'falsy' && (filter === '' || filter === '0'));
  if (noFilter) return { apps: listed.map((app) => app.id) };
  if (filter === 'enabled') return { apps: enabledAppIds(ctx.state) };
  if (filter === 'disabled') {
    if (ctx.profile.apps.disabledList === 'list') return { apps: listed.filter((app) => !app.enabled).map((app) => app.id) };
    const disabled: { [key: string]: PhpValue } = {};
    listed.forEach((app, index) => {
      if (!app.enabled) disabled[String(index)] = app.id;
    });
    const keys = Object.keys(disabled);
    const isList = keys.every((key, i) => key === String(i));
    return { apps: isList ? Object.values(disabled) : disabled };
  }
  throw new OcsError(101, messageOf(ctx.profile, 'appsBadFilter'));
}

/** AppManager::cleanAppId(): only lower-case letters, digits, '_' and '-', not leading digits or separators, no trailing separators. */
function cleanAppId(app: string): string {
  return app.replace(/(^[0-9_-]+|[^a-z0-9_-]+|[_-]+$)/g, '');
}

/** The app id of the route; 32+ refuse one cleanAppId() would change (AppsController::verifyAppId). */
function appIdParam(ctx: AuthenticatedContext<{ app: string }>): string {
  const app = ctx.args.app;
  if (ctx.profile.apps.verifyAppId && cleanAppId(app) !== app) throw new OcsError(RESPOND_UNAUTHORISED, 'Invalid app id given');
  return app;
}

export function getAppInfo(ctx: AuthenticatedContext<{ app: string }>): PhpValue {
  const app = ctx.state.apps.get(appIdParam(ctx));
  if (!app) throw new OcsError(998, APP_NOT_FOUND);
  return appInfoOf(app);
}

/** AppManager::enableApp() only writes `enabled`: an app that was never installed gets no other row. */
export function enableApp(ctx: AuthenticatedContext<{ app: string }>): PhpValue {
  const app = ctx.state.apps.get(appIdParam(ctx));
  if (!app) throw new OcsError(998, APP_NOT_FOUND);
  app.enabled = true;
  settingsOf(ctx.state.appConfig, app.id).set('enabled', 'yes');
  return [];
}

/** Disabling an unknown app succeeds and still writes `<app>/enabled = no` (measured on NC 29). */
export function disableApp(ctx: AuthenticatedContext<{ app: string }>): PhpValue {
  const appId = appIdParam(ctx);
  const app = ctx.state.apps.get(appId);
  if (app?.alwaysEnabled) throw new InternalServerError(`${appId} can't be disabled.`);
  if (app) app.enabled = false;
  settingsOf(ctx.state.appConfig, appId).set('enabled', 'no');
  return [];
}
