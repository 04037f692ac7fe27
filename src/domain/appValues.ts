import type { State, User } from '../state/model.js';

/** IConfig::getAppValue(): the stored string, or the caller's default. */
export function appValue(state: State, app: string, key: string, fallback: string): string {
  return state.appConfig.get(app)?.get(key) ?? fallback;
}

/** IConfig::getUserValue(): a user's preference, or the default (also for anonymous callers). */
export function userValue(user: User | null, app: string, key: string, fallback: string): string {
  return user?.preferences.get(app)?.get(key) ?? fallback;
}

/** PHP's numeric prefix of a string, as (int) reads it: '12abc' -> 12, ' 7' -> 7, '1e3' -> 1000, 'x' -> 0. */
const NUMERIC_PREFIX = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;

/** PHP's (int) cast of a string. */
export function phpInt(text: string): number {
  const match = NUMERIC_PREFIX.exec(text);
  if (!match) return 0;
  const value = Math.trunc(Number(match[0]));
  return Number.isFinite(value) ? value : 0;
}
