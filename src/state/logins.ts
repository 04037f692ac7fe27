import type { ReleaseProfile } from '../releases/profile.js';
import type { State, User } from './model.js';

/** Milliseconds since the epoch, as `Date.now` gives them; a mock takes another to control time. */
export type Clock = () => number;

/** What a login proved: the account password, or a token (app password as Basic password, Bearer). */
export type LoginCredential = 'password' | 'token';

/** User::updateLastLoginTimestamp writes the last login at most once a minute. */
const LAST_LOGIN_INTERVAL = 60;

/** User::updateLastLoginTimestamp: the last login and, where the release records it, the first; true on the very first login. */
function updateLastLoginTimestamp(state: State, user: User, nowSeconds: number, rules: ReleaseProfile['logins']): boolean {
  const firstTime = user.lastLogin === 0;
  if (nowSeconds - user.lastLogin > LAST_LOGIN_INTERVAL) user.lastLogin = nowSeconds;
  // 31+: an account that logged in before first logins were recorded gets -1, "unknown".
  if (rules.recordsFirstLogin && user.firstLogin === 0) user.firstLogin = firstTime ? nowSeconds : -1;
  return firstTime;
}

/**
 * What a successful login leaves on the account (Session::completeLogin). A password login runs
 * User::updateLastLoginTimestamp; a token login does too from 31 on (nextcloud/server#45020) but
 * never counts as the first login. Only a first password login runs Session::prepareUserLogin,
 * which creates the home folder and copies the skeleton files into it (recordings first-login/*:
 * `used` becomes 164).
 */
export function recordLogin(state: State, user: User, nowSeconds: number, credential: LoginCredential, rules: ReleaseProfile['logins']): void {
  if (credential === 'token') {
    if (rules.tokenUpdatesLastLogin) updateLastLoginTimestamp(state, user, nowSeconds, rules);
    return;
  }
  if (updateLastLoginTimestamp(state, user, nowSeconds, rules)) {
    user.hasHome = true;
    user.usedBytes += state.settings.skeletonBytes;
  }
}
