import type { State, User } from './model.js';

/** Accounts found by what a login or a deletion names, without a scan of every account. */
export interface LookupIndex {
  /**
   * oc_users.uid_lower for the ids that are not lower case already (the others are their own key
   * in State.users); ids are unique ignoring case (fixture validation refuses others).
   */
  readonly byLowerId: Map<string, User>;
  /** Lower-cased e-mail -> the accounts that have it (an array: nearly always one). */
  readonly byEmail: Map<string, User[]>;
  /** App password -> its accounts (fixture validation lets one account have each). */
  readonly byToken: Map<string, Set<User>>;
  /** Manager id -> the ids of the accounts that name it. */
  readonly managed: Map<string, Set<string>>;
}

export function emptyLookupIndex(): LookupIndex {
  return { byLowerId: new Map(), byEmail: new Map(), byToken: new Map(), managed: new Map() };
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let values = map.get(key);
  if (!values) map.set(key, (values = new Set()));
  values.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const values = map.get(key);
  if (!values?.delete(value)) return;
  if (values.size === 0) map.delete(key);
}

function listIn(map: Map<string, User[]>, key: string, user: User): void {
  const users = map.get(key);
  if (!users) map.set(key, [user]);
  else if (!users.includes(user)) users.push(user);
}

function unlistIn(map: Map<string, User[]>, key: string, user: User): void {
  const users = map.get(key);
  const at = users ? users.indexOf(user) : -1;
  if (at === -1) return;
  if (users!.length === 1) map.delete(key);
  else users!.splice(at, 1);
}

export function lookUpEmail(lookups: LookupIndex, user: User, old: string | null): void {
  if (old !== null) unlistIn(lookups.byEmail, old.toLowerCase(), user);
  if (user.email !== null) listIn(lookups.byEmail, user.email.toLowerCase(), user);
}

export function lookUpTokens(lookups: LookupIndex, user: User, old: readonly string[]): void {
  for (const token of old) removeFrom(lookups.byToken, token, user);
  for (const token of user.appPasswords) addTo(lookups.byToken, token, user);
}

export function lookUpManagers(lookups: LookupIndex, user: User, old: readonly string[]): void {
  for (const manager of old) removeFrom(lookups.managed, manager, user.id);
  for (const manager of user.managers) addTo(lookups.managed, manager, user.id);
}

/** A stored account becomes findable. */
export function addLookups(lookups: LookupIndex, user: User): void {
  const lower = user.id.toLowerCase();
  if (lower !== user.id && !lookups.byLowerId.has(lower)) lookups.byLowerId.set(lower, user);
  lookUpEmail(lookups, user, null);
  if (user.appPasswords.length > 0) lookUpTokens(lookups, user, []);
  if (user.managers.length > 0) lookUpManagers(lookups, user, []);
}

/** A deleted account is found no more (those naming it as manager keep the name). */
export function removeLookups(lookups: LookupIndex, user: User): void {
  const lower = user.id.toLowerCase();
  if (lookups.byLowerId.get(lower) === user) lookups.byLowerId.delete(lower);
  if (user.email !== null) unlistIn(lookups.byEmail, user.email.toLowerCase(), user);
  for (const token of user.appPasswords) removeFrom(lookups.byToken, token, user);
  for (const manager of user.managers) removeFrom(lookups.managed, manager, user.id);
}

/**
 * User\Manager::get with the Database backend: the account whose id matches case-insensitively
 * (Database::loadUser compares `uid_lower` with mb_strtolower($uid)), under its stored id
 * (Database::getRealUID; recording users-get-user/case-mismatch).
 */
export function findUser(state: State, id: string): User | undefined {
  const exact = state.users.get(id);
  if (exact || id === '') return exact;
  const lower = id.toLowerCase();
  return state.users.get(lower) ?? state.lookups.byLowerId.get(lower);
}

/** The one account with this e-mail address (compared ignoring case); none when several have it. */
export function findByEmail(state: State, email: string): User | undefined {
  const owners = state.lookups.byEmail.get(email.toLowerCase());
  return owners?.length === 1 ? owners[0] : undefined;
}

/** The account holding this app password (the first stored, should several). */
export function findTokenOwner(state: State, token: string): User | undefined {
  return state.lookups.byToken.get(token)?.values().next().value;
}

/** The ids of the accounts that name `uid` as their manager. */
export function managedBy(state: State, uid: string): readonly string[] {
  return [...(state.lookups.managed.get(uid) ?? [])];
}
