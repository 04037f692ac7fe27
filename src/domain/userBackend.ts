import { InternalServerError } from '../ocs/OcsError.js';
import { isPhpEmpty } from '../ocs/php.js';
import type { Group, State, User } from '../state/model.js';
import { displayNameOf } from './displayName.js';
import { arraySlice, sqlPage } from './paging.js';

/**
 * The queries of Nextcloud's database user and group backends that list accounts, with their
 * orders and paging (OC\User\Database, OC\User\Manager, OC\Group\Database, OC\Group\Manager).
 */

/** SQLite's lower() and PHP's strcasecmp fold ASCII letters only. */
export function asciiLower(text: string): string {
  // For ASCII text toLowerCase() is the same and much faster (this runs per account per list request).
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ILIKE '%search%' on the id, the stored display name and the e-mail address. */
export function matchesSearch(user: User, search: string): boolean {
  if (search === '') return true;
  const needle = search.toLowerCase();
  return (
    user.id.toLowerCase().includes(needle) ||
    (user.displayname ?? '').toLowerCase().includes(needle) ||
    (user.email ?? '').toLowerCase().includes(needle)
  );
}

/** Sorts by a key computed once per user (these sorts run on every list request). */
function sortByKey<K>(users: User[], key: (user: User) => K, compare: (a: K, b: K) => number): User[] {
  return users
    .map((user) => ({ key: key(user), user }))
    .sort((a, b) => compare(a.key, b.key))
    .map((entry) => entry.user);
}

/** PHP sort(SORT_STRING | SORT_FLAG_CASE) and strcasecmp on ids. */
export function byIdCaseInsensitive(users: User[]): User[] {
  return sortByKey(users, (user) => asciiLower(user.id), compareText);
}

/** SQL `ORDER BY uid`: byte order, case-sensitive. */
export function byIdBinary(users: User[]): User[] {
  return sortByKey(users, (user) => user.id, compareText);
}

/**
 * The rows of Database::getDisplayNames before paging: the matching accounts ordered by
 * lower(displayname), then uid_lower. Accounts without a stored display name have NULL there,
 * which SQLite sorts first (users-get-users/limit-offset: unnamed admin and dave come before
 * "Alice Archer").
 */
function displayNameRows(state: State, search: string): User[] {
  const matching = [...state.users.values()].filter((user) => matchesSearch(user, search));
  // One string per account orders as (name, id) would: "\u0000" before any name for NULL, and
  // "\u0000" between name and id so a shorter name sorts first (this runs on every list request).
  return sortByKey(
    matching,
    (user) => `${user.displayname === null ? '\u0000' : `\u0001${asciiLower(user.displayname)}`}\u0000${asciiLower(user.id)}`,
    compareText,
  );
}

/** Database::getDisplayNames paging: a negative limit means none (fixLimit). */
function displayNamesPage(rows: User[], limit: number | null, offset: number): User[] {
  return sqlPage(rows, limit !== null && limit >= 0 ? limit : null, offset);
}

/** Manager::searchDisplayName re-sorts each page by the names shown (strcasecmp; PHP sorts stably). */
function byShownDisplayName(users: User[]): User[] {
  return sortByKey(users, (user) => asciiLower(displayNameOf(user)), compareText);
}

/**
 * Manager::search over Database::getUsers: the page is chosen in display-name order, then sorted
 * by id (`?search=pg_&limit=1` with pg_a "Zed" and pg_b "Amy" lists pg_b).
 */
export function searchUsers(state: State, search: string, limit: number | null, offset: number): User[] {
  return byIdCaseInsensitive(displayNamesPage(displayNameRows(state, search), limit, offset));
}

/** How Group\Database::searchInGroup orders a search (the release profile's `lists.groupSearchOrder`). */
export type GroupSearchOrder = 'uid_lower' | 'uid';

/** Group\Database::searchInGroup without a search term: the members by id (`ORDER BY g.uid`, byte order); a limit of -1 means none. */
export function groupMembers(state: State, group: Group, limit: number, offset: number): User[] {
  return sqlPage(byIdBinary([...group.members].map((uid) => state.users.get(uid)!)), limit, offset);
}

/**
 * Group\Database::searchInGroup: the members matching in id, display name or e-mail, ordered by
 * uid_lower (up to 31.0.6) or by g.uid (31.0.11+); without a term, groupMembers.
 */
export function searchInGroup(state: State, group: Group, search: string, limit: number, offset: number, order: GroupSearchOrder): User[] {
  if (search === '') return groupMembers(state, group, limit, offset);
  const members = [...group.members].map((uid) => state.users.get(uid)!).filter((user) => matchesSearch(user, search));
  return sqlPage(order === 'uid' ? byIdBinary(members) : byIdCaseInsensitive(members), limit, offset);
}

/**
 * Group\Manager::displayNamesInGroup, as the sub-admin branches of UsersController call it.
 * Without a search term: the group's members (searchInGroup). With one: the whole user search is
 * walked in chunks of `limit * 100` (500 for -1), each chunk re-sorted by display name, its group
 * members kept until enough are found, then array_slice($found, $offset, $limit). PHP reads a
 * null limit as 0 here: the chunks are empty, so searching without a limit finds nobody.
 */
export function displayNamesInGroup(state: State, group: Group, search: string, limit: number | null, offset: number): User[] {
  const term = search.trim();
  if (isPhpEmpty(term)) return groupMembers(state, group, limit ?? -1, offset);
  const chunkSize = limit === -1 ? 500 : (limit ?? 0) * 100;
  if (chunkSize === 0 && offset > 0) {
    // The same empty chunk is fetched forever: the real request never answers (PHP's
    // max_execution_time ends it, if set). The mock answers as an uncaught error instead.
    throw new InternalServerError('displayNamesInGroup never ends with a limit of 0 and an offset');
  }
  const rows = displayNameRows(state, term);
  const found: User[] = [];
  let chunkOffset = 0;
  let chunk: User[];
  do {
    // Manager::searchDisplayName(term, chunkSize, chunkOffset)
    chunk = byShownDisplayName(displayNamesPage(rows, chunkSize, chunkOffset));
    for (const user of chunk) if (group.members.has(user.id)) found.push(user);
    chunkOffset += chunkSize;
  } while (found.length < chunkSize + offset && chunk.length >= chunkSize);
  return arraySlice(found, offset, limit === -1 ? null : limit);
}
