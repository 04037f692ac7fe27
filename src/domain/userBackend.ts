import { InternalServerError } from '../ocs/OcsError.js';
import { isPhpEmpty } from '../ocs/php.js';
import { matchesNeedle } from '../state/listIndex.js';
import { membersById } from '../state/groupSets.js';
import type { Group, State, User } from '../state/model.js';
import { asciiLower, compareText } from '../state/textOrder.js';
import { displayNameOf } from './displayName.js';
import { arraySlice, sqlPage } from './paging.js';

/**
 * The queries of Nextcloud's database user and group backends that list accounts, with their
 * orders and paging (OC\User\Database, OC\User\Manager, OC\Group\Database, OC\Group\Manager).
 */

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

/**
 * The rows of Database::getDisplayNames before paging: the matching accounts in the list order
 * (lower(displayname), then uid_lower; state/listIndex.ts), found only as far as a page reads them.
 */
class DisplayNameRows {
  private readonly found: User[] = [];
  private readonly entries: Iterator<{ user: User }>;
  private done = false;
  private readonly needle: string;

  /** No search term: every account is a row. */
  readonly all: boolean;

  constructor(
    readonly state: State,
    search: string,
  ) {
    this.entries = state.lists.byDisplayName[Symbol.iterator]();
    this.needle = search.toLowerCase();
    this.all = search === '';
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
  // Without a search every account is a row: the page is read straight from the kept order.
  if (rows.all && bounded !== null && offset >= 0) return rows.state.lists.byDisplayName.slice(offset, offset + bounded).map((entry) => entry.user);
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
  const members = membersById(group);
  const ids = limit >= 0 && offset >= 0 ? members.slice(offset, offset + limit) : sqlPage(members.slice(), limit, offset);
  return ids.map((uid) => state.users.get(uid)!);
}

/** The members matching `needle` (lower-cased) in id order, as far as a page from `offset` of `limit` reaches. */
function matchingMembersById(state: State, group: Group, needle: string, limit: number, offset: number): User[] {
  const wanted = limit >= 0 && offset >= 0 ? offset + limit : Infinity;
  const found: User[] = [];
  for (const uid of membersById(group)) {
    if (found.length >= wanted) break;
    const user = state.users.get(uid)!;
    if (matchesNeedle(state, user, needle)) found.push(user);
  }
  return found;
}

/**
 * Group\Database::searchInGroup: the members matching in id, display name or e-mail, ordered by
 * uid_lower (up to 31.0.6) or by g.uid (31.0.11+); without a term, groupMembers.
 */
export function searchInGroup(state: State, group: Group, search: string, limit: number, offset: number, order: GroupSearchOrder): User[] {
  if (search === '') return groupMembers(state, group, limit, offset);
  const needle = search.toLowerCase();
  if (order === 'uid') return sqlPage(matchingMembersById(state, group, needle, limit, offset), limit, offset);
  return sqlPage(byIdCaseInsensitive(matchingMembersById(state, group, needle, -1, 0)), limit, offset);
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
  const length = limit === -1 ? null : limit;
  if (chunkSize <= 0) {
    const found = chunkedMembers(state, group, term, chunkSize, Infinity);
    // A negative size reads every row at once; a second chunk's negative offset makes DBAL throw.
    if (chunkSize < 0 && found.length < chunkSize + offset) sqlPage([], chunkSize, chunkSize);
    return arraySlice(found, offset, length);
  }
  if (limit !== null && limit >= 1 && offset >= 0) {
    // Only the first offset + limit found count: the loop stops no earlier (chunkSize >= limit).
    const wanted = offset + limit;
    const members = group.members.size;
    if (chunkSize + (wanted * state.users.size) / Math.max(members, 1) < members) {
      return chunkedMembers(state, group, term, chunkSize, wanted).slice(offset, wanted);
    }
    return membersByDisplayName(state, group, term, chunkSize, wanted).slice(offset, wanted);
  }
  return arraySlice(chunkedMembers(state, group, term, chunkSize, chunkSize + offset), offset, length);
}

/**
 * The loop of Group\Manager::displayNamesInGroup: chunks of `chunkSize` search rows, each re-sorted
 * by the names shown, their group members kept, until `enough` are found or the rows end. Only the
 * members are re-sorted: a stable sort, then keeping members, keeps them in the same order as
 * keeping them, then sorting. A chunk size of 0 or less reads one chunk, as sqlPage does.
 */
function chunkedMembers(state: State, group: Group, term: string, chunkSize: number, enough: number, members = Infinity): User[] {
  const needle = term.toLowerCase();
  const found: User[] = [];
  let chunk: User[] = [];
  let rows = 0;
  let left = members;
  if (chunkSize === 0) return found;
  for (const { user } of state.lists.byDisplayName) {
    if (!matchesNeedle(state, user, needle)) continue;
    if (group.members.has(user.id)) {
      chunk.push(user);
      left--;
    }
    if (++rows === chunkSize || left === 0) {
      // No member is left in the rows to come: the loop finds nothing more.
      found.push(...byShownDisplayName(chunk));
      if (found.length >= enough || left === 0) return found;
      chunk = [];
      rows = 0;
    }
  }
  found.push(...byShownDisplayName(chunk));
  return found;
}

/** The name is shown as stored: re-sorting by the name shown cannot move the account. */
function shownAsStored(user: User): boolean {
  return user.displayname !== null && displayNameOf(user) === user.displayname;
}

/**
 * The same answer found from the group's members alone (a small group in a large store): when each
 * matching member's name is shown as stored, re-sorting a chunk by the names shown keeps the search
 * order (lower(displayname), uid_lower), so the members found are the matching members in that order.
 */
function membersByDisplayName(state: State, group: Group, term: string, chunkSize: number, enough: number): User[] {
  const needle = term.toLowerCase();
  const matching: User[] = [];
  for (const uid of group.members) {
    const user = state.users.get(uid);
    if (user && matchesNeedle(state, user, needle)) matching.push(user);
  }
  if (!matching.every(shownAsStored)) return chunkedMembers(state, group, term, chunkSize, enough, matching.length);
  return sortByKey(matching, (user) => state.lists.named.get(user.id)!.key, compareText);
}
