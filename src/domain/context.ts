import { InternalServerError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import type { ReleaseProfile } from '../releases/profile.js';
import type { State, User } from '../state/model.js';
import { isPhpArray, phpArrayEntries, type PhpArray } from './phpRules.js';

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

/**
 * A handler's arguments, bound once per request from its operation's parameters as the release's
 * spec declares them (src/http/bindParameters.ts): each handler names the ones it reads, typed.
 */
export type Args = Readonly<Record<string, unknown>>;

/** The arguments of the list operations: a search text and a page of the matches. */
export type ListArgs = { search: string; limit: number | null; offset: number };

/** What a domain handler gets: the state it may change, who is calling, and its bound arguments. */
export interface HandlerContext<A extends Args = Args> {
  state: State;
  /** The logged-in user; null only on public operations. */
  actor: User | null;
  args: A;
  server: ServerAddress;
  /** The release being emulated: what differs between releases is read from here. */
  profile: ReleaseProfile;
}

export interface AuthenticatedContext<A extends Args = Args> extends HandlerContext<A> {
  actor: User;
}

/**
 * A handler of any argument shape. Method syntax on purpose (its parameter is bivariant): each
 * handler declares the arguments its operation binds, which the operation table cannot know;
 * test/http/binding.test.ts checks that every release binds each argument with one type.
 */
export type DomainHandler = { handle(ctx: AuthenticatedContext): PhpValue }['handle'];

function describe(value: unknown): string {
  if (value === null) return 'null';
  return isPhpArray(value) ? 'an array' : `a ${typeof value}`;
}

/** A value handed to a `string` parameter under strict typing: only a string binds. */
export function strictString(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  throw new InternalServerError(`${what} must be a string, got ${describe(value)}`);
}

/**
 * The items of an `array` argument that go on as strings to code without strict types (group ids):
 * numbers and booleans are converted as PHP converts them, a nested array is a TypeError.
 */
export function stringItems(value: PhpArray, name: string): string[] {
  return phpArrayEntries(value).map(([, item]) => {
    if (typeof item === 'number') return String(item);
    if (typeof item === 'boolean') return item ? '1' : '';
    return strictString(item, `an item of "${name}"`);
  });
}
