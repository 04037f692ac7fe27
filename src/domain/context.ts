import { InternalServerError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import type { ReleaseProfile } from '../releases/profiles.js';
import type { State, User } from '../state/model.js';

/** Request parameters after Nextcloud's merge: route > JSON body > form body > query string. */
export type Params = Record<string, unknown>;

/** What a domain handler gets: the state it may change, who is calling, and the parameters. */
export interface HandlerContext {
  state: State;
  /** The logged-in user; null only on public operations. */
  actor: User | null;
  params: Params;
  /** The release being emulated: what differs between releases is read from here. */
  profile: ReleaseProfile;
}

export interface AuthenticatedContext extends HandlerContext {
  actor: User;
}

export type DomainHandler = (ctx: AuthenticatedContext) => PhpValue;

/** A parameter bound to a PHP `string` argument. Arrays cannot be bound: PHP throws (HTTP 500). */
export function stringParam(params: Params, name: string, fallback = ''): string {
  const value = params[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '';
  throw new InternalServerError(`parameter "${name}" must be a string`);
}

/** PHP settype($v, 'int'): leading digits, else 0. Absent -> fallback. */
export function intParam(params: Params, name: string, fallback: number | null): number | null {
  const value = params[name];
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const match = /^\s*[+-]?\d+/.exec(value);
    return match ? Number.parseInt(match[0], 10) : 0;
  }
  throw new InternalServerError(`parameter "${name}" must be an integer`);
}

export function listParam(params: Params, name: string): string[] {
  const value = params[name];
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map((item) => String(item));
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map((item) => String(item));
  return [String(value)];
}

/** limit/offset as Nextcloud's backends apply them: null or non-positive limit means all. */
export function page<T>(items: T[], limit: number | null, offset: number | null): T[] {
  const start = Math.max(offset ?? 0, 0);
  return limit !== null && limit > 0 ? items.slice(start, start + limit) : items.slice(start);
}
