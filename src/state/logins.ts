import type { State, User } from './model.js';

/** Milliseconds since the epoch, as `Date.now` gives them; a mock takes another to control time. */
export type Clock = () => number;

/** What a login proved: the account password, or a token (app password as Basic password, Bearer). */
export type LoginCredential = 'password' | 'token';

/** User::updateLastLoginTimestamp writes the last login at most once a minute. */
const LAST_LOGIN_INTERVAL = 60;

/**
 * What a successful login leaves on the account (Session::completeLogin):
 * User::updateLastLoginTimestamp sets the last login and, on the very first one, the first login
 * (Nextcloud 31+; an account that logged in before that gets -1, "unknown"). Token logins update
 * the timestamps too (Nextcloud 30+, nextcloud/server#45020) but never count as the first login,
 * so only a first password login runs Session::prepareUserLogin, which creates the home folder
 * and copies the skeleton files into it (recordings first-login/*: `used` becomes 164).
 */
export function recordLogin(state: State, user: User, nowSeconds: number, credential: LoginCredential): void {
  const firstTime = user.lastLogin === 0;
  if (nowSeconds - user.lastLogin > LAST_LOGIN_INTERVAL) user.lastLogin = nowSeconds;
  if (user.firstLogin === 0) user.firstLogin = firstTime ? nowSeconds : -1;
  if (firstTime && credential === 'password') {
    user.hasHome = true;
    user.usedBytes += state.settings.skeletonBytes;
  }
}
