import type { State, User } from '../state/model.js';
import { groupsOf } from './access.js';

/**
 * AppManager::isEnabledForUser (lib/private/App/AppManager.php): always-enabled apps, else the
 * app's `enabled` app config value: 'yes', or a JSON list of groups one of which the user is in.
 * It reads app config only, so an id that is no installed app counts when config says 'yes'.
 */
export function isAppEnabledForUser(state: State, appId: string, user: User): boolean {
  if (state.apps.get(appId)?.alwaysEnabled) return true;
  const enabled = state.appConfig.get(appId)?.get('enabled');
  // PHP's empty() also holds for '0'.
  if (enabled === undefined || enabled === 'no' || enabled === '' || enabled === '0') return false;
  if (enabled === 'yes') return true;
  let groups: unknown;
  try {
    groups = JSON.parse(enabled);
  } catch {
    return false;
  }
  if (!Array.isArray(groups)) return false;
  return groupsOf(state, user.id).some((gid) => groups.includes(gid));
}
