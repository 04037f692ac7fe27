import type { IncomingHttpHeaders } from 'node:http';
import type { State, User } from '../state/model.js';
import { findByEmail, findTokenOwner, findUser } from '../state/userLookup.js';

export type AuthMethod = 'password' | 'app-password' | 'bearer';

/** Why a login failed: what the request log says; the answer (997) is the same for all. */
export type LoginFailure = 'unknown-user' | 'wrong-password' | 'disabled';

/** Why credentials that were sent were ignored: the request goes on anonymously. */
export type IgnoredCredentials = 'malformed' | 'unknown-token';

/** Who a request is: anonymous, a user, or a failed login (Nextcloud's LoginException). */
export type AuthOutcome =
  | { kind: 'anonymous'; ignored?: IgnoredCredentials }
  | { kind: 'user'; user: User; method: AuthMethod }
  | { kind: 'failed'; reason: LoginFailure; loginName: string };

/** A login name is an account's id, else the e-mail address of exactly one account. */
function findLoginUser(state: State, loginName: string): User | undefined {
  return findUser(state, loginName) ?? findByEmail(state, loginName);
}

interface BasicCredentials {
  loginName: string;
  password: string;
}

/** Decoded Basic headers: a client sends the same one with every request. */
const decodedHeaders = new Map<string, BasicCredentials>();
const DECODED_HEADERS_KEPT = 64;

function basicCredentials(header: string): BasicCredentials {
  const known = decodedHeaders.get(header);
  if (known) return known;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const credentials = { loginName: colon === -1 ? decoded : decoded.slice(0, colon), password: colon === -1 ? '' : decoded.slice(colon + 1) };
  if (header.length > 512) return credentials;
  if (decodedHeaders.size >= DECODED_HEADERS_KEPT) decodedHeaders.delete(decodedHeaders.keys().next().value!);
  decodedHeaders.set(header, credentials);
  return credentials;
}

/** lib/base.php::handleLogin for the ways an API client logs in: Bearer token, then Basic auth. */
export function authenticate(state: State, headers: IncomingHttpHeaders): AuthOutcome {
  const header = headers.authorization ?? '';
  if (header.startsWith('Bearer ')) {
    const owner = findTokenOwner(state, header.slice(7).trim());
    if (!owner) return { kind: 'anonymous', ignored: 'unknown-token' };
    return owner.enabled ? { kind: 'user', user: owner, method: 'bearer' } : { kind: 'failed', reason: 'disabled', loginName: owner.id };
  }
  if (!/^basic /i.test(header)) return { kind: 'anonymous' };
  const { loginName, password } = basicCredentials(header);
  if (loginName === '' || password === '') return { kind: 'anonymous', ignored: 'malformed' };
  const user = findLoginUser(state, loginName);
  if (!user) return { kind: 'failed', reason: 'unknown-user', loginName };
  const method: AuthMethod | undefined = user.appPasswords.includes(password)
    ? 'app-password'
    : user.password === password
      ? 'password'
      : undefined;
  if (!method) return { kind: 'failed', reason: 'wrong-password', loginName };
  if (!user.enabled) return { kind: 'failed', reason: 'disabled', loginName };
  return { kind: 'user', user, method };
}
