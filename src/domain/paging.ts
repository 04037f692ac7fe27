import { InternalServerError } from '../ocs/OcsError.js';

/**
 * LIMIT/OFFSET as Nextcloud's query builder has SQLite (the recorded server's database) apply
 * them: no bound for a null or negative limit (SQLite reads `LIMIT -1` so), no row for LIMIT 0;
 * a negative offset makes Doctrine DBAL throw before the query runs
 * (users-get-users/offset-negative: 996 / HTTP 500).
 */
export function sqlPage<T>(rows: readonly T[], limit: number | null, offset: number): T[] {
  if (offset < 0) throw new InternalServerError(`Offset must be a positive integer or zero, ${offset} given`);
  return limit === null || limit < 0 ? rows.slice(offset) : rows.slice(offset, offset + limit);
}

/**
 * PHP array_slice($list, $offset, $length): a negative offset counts from the end, a negative
 * length stops that many items before the end, a null length runs to the end.
 */
export function arraySlice<T>(items: readonly T[], offset: number, length: number | null): T[] {
  const start = offset < 0 ? Math.max(items.length + offset, 0) : offset;
  const end = length === null ? items.length : length < 0 ? items.length + length : start + length;
  return items.slice(start, Math.max(end, start));
}

/**
 * Group\Database::getGroups: only a limit > 0 and an offset > 0 reach the query, so `limit=0`
 * and negative limits list every group (groups-get-groups/limit-0, groups-get-groups/limit-negative).
 * The positions [start, end) of the matching groups that a page holds.
 */
export function groupsWindow(limit: number | null, offset: number | null): { start: number; end: number } {
  const start = Math.max(offset ?? 0, 0);
  return { start, end: limit !== null && limit > 0 ? start + limit : Infinity };
}
