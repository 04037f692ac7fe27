import type { State, User } from './model.js';

/**
 * User\Manager::get with the Database backend: the account whose id matches case-insensitively
 * (Database::loadUser compares `uid_lower` with mb_strtolower($uid)), under its stored id
 * (Database::getRealUID; recording users-get-user/case-mismatch). An exact match needs no scan.
 */
export function findUser(state: State, id: string): User | undefined {
  const exact = state.users.get(id);
  if (exact || id === '') return exact;
  const lower = id.toLowerCase();
  for (const user of state.users.values()) if (user.id.toLowerCase() === lower) return user;
  return undefined;
}
