import { InternalServerError } from '../ocs/OcsError.js';
import { isPhpEmpty } from '../ocs/php.js';
import { matchesNeedle } from '../state/listIndex.js';
import type { Group, State, User } from '../state/model.js';
import { asciiLower, compareText } from '../state/textOrder.js';
import { displayNameOf } from './displayName.js';
import { arraySlice, sqlPage } from './paging.js';

/**
 * The queries of Nextcloud's database user and group backends that list accounts, with their
 * orders and paging (OC\User\Database, OC\User\Manager, OC\Group\Database, OC\Group\Manager).
 */

/** ILIKE '%search%' on the id, the stored display name and the e-mail address. */
export function matchesSearch(state: State, user: User, search: string): boolean {
  return matchesNeedle(state, user, search.toLowerCase());
}

/** Sorts by a key computed once per user. */
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
 * The rows of Database::getDisplayNames before paging: the matching accounts in the list order
 * (lower(displayname), then uid_lower; state/listIndex.ts), found only as far as a page reads them.
 */
class DisplayNameRows {
  private readonly found: User[] = [];
  private readonly entries: Iterator<{ user: User }>;
  private done = false;
  private readonly needle: string;

  constructor(
    private readonly state: State,
    search: string,
  ) {
    this.entries = state.lists.byDisplayName[Symbol.iterator]();
    this.needle = search.toLowerCase();
  }

  /** The first `count` rows (all for null), or all there are. */
  upTo(count: number | null): readonly User[] {
    while (!this.done && (count === null || this.found.length < count)) {
      const next = this.entries.next();
      if (next.done) this.done = true;
      else if (matchesNeedle(this.state, next.value.user, this.needle)) this.found.push(next.value.user);
    }
    return this.found;
  }
}

/** Database::getDisplayNames paging: a negative limit means none (fixLimit). */
function displayNamesPage(rows: DisplayNameRows, limit: number | null, offset: number): User[] {
  const bounded = limit !== null && limit >= 0 ? limit : null;
  return sqlPage(rows.upTo(bounded === null ? null : Math.max(offset, 0) + bounded), bounded, offset);
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
  return byIdCaseInsensitive(displayNamesPage(new DisplayNameRows(state, search), limit, offset));
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
  const members = [...group.members].map((uid) => state.users.get(uid)!).filter((user) => matchesSearch(state, user, search));
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
  const rows = new DisplayNameRows(state, term);
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
