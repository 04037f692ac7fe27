import { InternalServerError } from '../ocs/OcsError.js';
import type { ReleaseProfile } from '../releases/profile.js';
import type { ThemingPreferenceKey } from '../releases/theming.js';
import type { State, User } from '../state/model.js';
import { isAppEnabledForUser } from './appEnablement.js';
import { isIntegerKey, isNumeric, isPhpArray, phpArrayEntries, phpJsonDecode } from './phpRules.js';

/**
 * The listeners of BeforePreferenceSetEvent / BeforePreferenceDeletedEvent (lib/public/Config/) in
 * the apps Nextcloud ships: only dav and theming register one (both always enabled). A preference
 * may be written through the provisioning API only if a listener says it is valid. dav's listener
 * is the same in 27.1.4 to 34.0.1; theming's keys grow (the release profile's themingPreferences).
 */

/** A BeforePreferenceSetEvent, or a BeforePreferenceDeletedEvent when there is no value. */
export interface PreferenceEvent {
  state: State;
  user: User;
  /** What the release's theming listener judges. */
  theming: ReleaseProfile['themingPreferences'];
  appId: string;
  configKey: string;
  /** The value to be set; absent when the preference is being deleted. */
  configValue?: string;
}

/** What a listener does: setValid(true), setValid(false), or nothing (undefined). */
type Verdict = boolean | undefined;
type PreferenceListener = (event: PreferenceEvent) => Verdict;

/**
 * apps/dav/lib/Listener/UserPreferenceListener.php: `dav/user_status_automation` may be set to
 * 'yes' (which also schedules the UserStatusAutomation background job, not emulated) and deleted.
 */
function davUserPreference(event: PreferenceEvent): Verdict {
  if (event.appId !== 'dav' || event.configKey !== 'user_status_automation') return undefined;
  if (event.configValue === undefined || event.configValue === 'yes') return true;
  return undefined;
}

/** apps/theming/lib/Listener/BeforePreferenceListener.php: the values each of its ALLOWED_KEYS accepts. */
const THEMING_VALUES: Record<ThemingPreferenceKey, (value: string) => boolean> = {
  force_enable_blur_filter: (value) => value === 'yes' || value === 'no',
  shortcuts_disabled: (value) => value === 'yes',
  primary_color: (value) => /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value),
};

function isThemingKey(event: PreferenceEvent, key: string): key is ThemingPreferenceKey {
  return (event.theming.keys as readonly string[]).includes(key);
}

/** The key isset($installedApps[$app]) looks up for a JSON value: PHP array keys are strings or integers. */
function appKey(app: unknown): string {
  if (typeof app === 'string') return app;
  if (typeof app === 'number') return String(Math.trunc(app));
  if (typeof app === 'boolean') return app ? '1' : '0';
  throw new InternalServerError('TypeError: Illegal offset type in isset or empty (apporder app)');
}

function own(entry: object, key: string): unknown {
  return Object.hasOwn(entry, key) ? (entry as Record<string, unknown>)[key] : undefined;
}

/**
 * handleCoreValues for `core/apporder`: JSON (a syntax error is a JsonException, 996) of the shape
 * {navigation id: {order: numeric, app?: an app enabled for the user}}; an empty array passes.
 */
function isAppOrder(event: PreferenceEvent, value: string): boolean {
  const decoded = phpJsonDecode(value);
  if (!isPhpArray(decoded)) return false;
  for (const [id, info] of phpArrayEntries(decoded)) {
    if (isIntegerKey(id) || !isPhpArray(info) || Object.keys(info).length === 0) return false;
    const order = own(info, 'order');
    if (order === undefined || order === null || !isNumeric(order)) return false;
    const app = own(info, 'app');
    if (app !== undefined && app !== null && !isAppEnabledForUser(event.state, appKey(app), event.user)) return false;
  }
  return true;
}

/** theming's listener: `theming/*` keys of ALLOWED_KEYS and (28+) `core/apporder`. */
function themingBeforePreference(event: PreferenceEvent): Verdict {
  const { appId, configKey, configValue } = event;
  if (appId === 'theming') {
    if (!isThemingKey(event, configKey)) return undefined;
    return configValue === undefined ? true : THEMING_VALUES[configKey](configValue);
  }
  if (appId === 'core' && configKey === 'apporder' && event.theming.coreAppOrder) {
    if (configValue === undefined) return true;
    return isAppOrder(event, configValue) ? true : undefined;
  }
  return undefined;
}

/** In app load order; the two never speak about the same key, so the order does not change a verdict. */
const LISTENERS: PreferenceListener[] = [davUserPreference, themingBeforePreference];

/** Dispatches the event: invalid unless the last listener that spoke set it valid (Event::$valid starts false). */
export function isValidPreferenceChange(event: PreferenceEvent): boolean {
  let valid = false;
  for (const listener of LISTENERS) {
    const verdict = listener(event);
    if (verdict !== undefined) valid = verdict;
  }
  return valid;
}
