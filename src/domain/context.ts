import { InternalServerError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import type { ReleaseProfile } from '../releases/profiles.js';
import type { State, User } from '../state/model.js';
import { isPhpArray, phpArrayEntries, phpIntCast } from './phpRules.js';

/** Request parameters after Nextcloud's merge: route > JSON body > form body > query string. */
export type Params = Record<string, unknown>;

/**
 * How the client reached the server: what IURLGenerator::getBaseUrl() builds absolute URLs from
 * (the request's protocol and Host header, and the web root in front of /ocs/v{1,2}.php).
 */
export interface ServerAddress {
  protocol: 'http' | 'https';
  host: string;
  /** '' or a path such as '/nextcloud'. */
  webRoot: string;
}

/** What a domain handler gets: the state it may change, who is calling, and the parameters. */
export interface HandlerContext {
  state: State;
  /** The logged-in user; null only on public operations. */
  actor: User | null;
  params: Params;
  server: ServerAddress;
  /** The release being emulated: what differs between releases is read from here. */
  profile: ReleaseProfile;
}

export interface AuthenticatedContext extends HandlerContext {
  actor: User;
}

export type DomainHandler = (ctx: AuthenticatedContext) => PhpValue;

// The readers below bind as PHP hands request values to a controller (Dispatcher::executeController):
// `int`/`bool` parameters go through settype and accept anything; every other typed parameter must
// already have its type, else PHP throws a TypeError that ocs/v1.php answers with 996 (recordings
// transport/json-number-groupid, transport/json-bool-groupid, array-param/*). Absent and null values
// take the parameter's default (Request::getParam uses isset).

function describe(value: unknown): string {
  if (value === null) return 'null';
  return isPhpArray(value) ? 'an array' : `a ${typeof value}`;
}

/** A value handed to a `string` parameter under strict typing: only a string binds. */
export function strictString(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  throw new InternalServerError(`${what} must be a string, got ${describe(value)}`);
}

/** A parameter bound to a PHP `string` argument. */
export function stringParam(params: Params, name: string, fallback = ''): string {
  const value = params[name];
  if (value === undefined || value === null) return fallback;
  return strictString(value, `parameter "${name}"`);
}

/** A parameter bound to a PHP `int` argument: settype($value, 'int'). Absent -> fallback. */
export function intParam(params: Params, name: string, fallback: number | null): number | null {
  const value = params[name];
  if (value === undefined || value === null) return fallback;
  return phpIntCast(value);
}

/** A parameter bound to a PHP `array` argument: its entries (keys as text). Absent -> none. */
export function arrayParam(params: Params, name: string): [string, unknown][] {
  const value = params[name];
  if (value === undefined || value === null) return [];
  if (!isPhpArray(value)) throw new InternalServerError(`parameter "${name}" must be an array, got ${describe(value)}`);
  return phpArrayEntries(value);
}

/**
 * An `array` parameter whose items go on as strings to code without strict types (group ids):
 * numbers and booleans are converted as PHP converts them, a nested array is a TypeError.
 */
export function listParam(params: Params, name: string): string[] {
  return arrayParam(params, name).map(([, item]) => {
    if (typeof item === 'number') return String(item);
    if (typeof item === 'boolean') return item ? '1' : '';
    return strictString(item, `an item of "${name}"`);
  });
}
