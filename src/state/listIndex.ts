import type { Group, State, User } from './model.js';
import { SortedList } from './sortedList.js';
import { asciiLower, compareText } from './textOrder.js';

/**
 * What the list endpoints read, kept as the state changes so that a page costs what it lists, not
 * what the store holds: users and groups in the orders Nextcloud's database backends list them, and
 * each account's search texts lower-cased once.
 */
export interface ListIndex {
  /** Database::getDisplayNames: ORDER BY lower(displayname), uid_lower. */
  readonly byDisplayName: SortedList<NamedEntry>;
  readonly named: Map<string, NamedEntry>;
  /** Manager::getLastLoggedInUsers: the accounts that logged in, latest first. */
  readonly byLastLogin: SortedList<LoginEntry>;
  readonly logins: Map<string, LoginEntry>;
  /** Manager::getDisabledUsers: the disabled accounts, ORDER BY userid. */
  readonly disabledById: SortedList<User>;
  /** Group\Database::getGroups: ORDER BY gid. */
  readonly groupsById: SortedList<Group>;
  /** Lower-cased id, display name and e-mail, refreshed when the account's own values differ. */
  readonly searchTexts: WeakMap<User, SearchText>;
}

export interface NamedEntry {
  readonly user: User;
  /**
   * One string that orders as (lower(displayname), uid_lower) does: "\u0000" for a NULL name, which
   * SQLite sorts first (users-get-users/limit-offset: unnamed admin and dave come before
   * "Alice Archer"), and "\u0000" between name and id so a shorter name sorts first.
   */
  readonly key: string;
}

export interface LoginEntry {
  readonly user: User;
  /** login/lastLogin is a preference, a text column: compared as a string. */
  readonly login: string;
  readonly id: string;
}

interface SearchText {
  readonly name: string | null;
  readonly email: string | null;
  readonly texts: readonly [string, string, string];
}

function namedEntry(user: User): NamedEntry {
  const name = user.displayname === null ? '\u0000' : `\u0001${asciiLower(user.displayname)}`;
  return { user, key: `${name}\u0000${asciiLower(user.id)}` };
}

function loginEntry(user: User): LoginEntry {
  return { user, login: String(user.lastLogin), id: asciiLower(user.id) };
}

const byKey = (a: NamedEntry, b: NamedEntry): number => compareText(a.key, b.key);
// ORDER BY configvalue DESC, lower(userid) ASC
const byLogin = (a: LoginEntry, b: LoginEntry): number => compareText(b.login, a.login) || compareText(a.id, b.id);
const byGid = (a: Group, b: Group): number => compareText(a.id, b.id);
const byUid = (a: User, b: User): number => compareText(a.id, b.id);

/** The index of a freshly loaded store: each order sorted once. */
export function buildListIndex(users: Iterable<User>, groups: Iterable<Group>): ListIndex {
  const named = new Map<string, NamedEntry>();
  const logins = new Map<string, LoginEntry>();
  const disabled: User[] = [];
  for (const user of users) {
    named.set(user.id, namedEntry(user));
    if (user.lastLogin > 0) logins.set(user.id, loginEntry(user));
    if (!user.enabled) disabled.push(user);
  }
  return {
    byDisplayName: new SortedList(byKey, [...named.values()]),
    named,
    byLastLogin: new SortedList(byLogin, [...logins.values()]),
    logins,
    disabledById: new SortedList(byUid, disabled),
    groupsById: new SortedList(byGid, [...groups]),
    searchTexts: new WeakMap(),
  };
}

/** The account's display name changed: it moves to its place in the list order. */
export function placeNamed(lists: ListIndex, user: User): void {
  const old = lists.named.get(user.id);
  if (old) lists.byDisplayName.remove(old);
  const entry = namedEntry(user);
  lists.named.set(user.id, entry);
  lists.byDisplayName.insert(entry);
}

/** The account's last login changed: it moves to its place in the recent-logins order. */
export function placeLogin(lists: ListIndex, user: User): void {
  const old = lists.logins.get(user.id);
  if (old) lists.byLastLogin.remove(old);
  lists.logins.delete(user.id);
  if (user.lastLogin <= 0) return;
  const entry = loginEntry(user);
  lists.logins.set(user.id, entry);
  lists.byLastLogin.insert(entry);
}

/** The account was enabled or disabled: it joins or leaves the disabled order. */
export function placeDisabled(lists: ListIndex, user: User): void {
  if (user.enabled) lists.disabledById.remove(user);
  else lists.disabledById.insert(user);
}

export function indexUser(lists: ListIndex, user: User): void {
  placeNamed(lists, user);
  placeLogin(lists, user);
  if (!user.enabled) lists.disabledById.insert(user);
}

export function unindexUser(lists: ListIndex, user: User): void {
  const named = lists.named.get(user.id);
  if (named) lists.byDisplayName.remove(named);
  lists.named.delete(user.id);
  const login = lists.logins.get(user.id);
  if (login) lists.byLastLogin.remove(login);
  lists.logins.delete(user.id);
  lists.disabledById.remove(user);
}

/** The texts a user search compares: id, stored display name and e-mail, lower-cased. */
function searchTexts(state: State, user: User): readonly [string, string, string] {
  const cached = state.lists.searchTexts.get(user);
  if (cached && cached.name === user.displayname && cached.email === user.email) return cached.texts;
  const texts: [string, string, string] = [user.id.toLowerCase(), (user.displayname ?? '').toLowerCase(), (user.email ?? '').toLowerCase()];
  state.lists.searchTexts.set(user, { name: user.displayname, email: user.email, texts });
  return texts;
}

/** ILIKE '%search%' on the id, the stored display name and the e-mail address; `needle` lower-cased. */
export function matchesNeedle(state: State, user: User, needle: string): boolean {
  if (needle === '') return true;
  const texts = searchTexts(state, user);
  return texts[0].includes(needle) || texts[1].includes(needle) || texts[2].includes(needle);
}
