import { OcsError } from '../ocs/OcsError.js';
import { isPhpEmpty } from '../ocs/php.js';
import type { User } from '../state/model.js';

/** User::getDisplayName: the stored name, trimmed, or the id when none (or an empty() one) is stored. */
export function displayNameOf(user: User): string {
  const name = user.displayname?.trim() ?? '';
  return isPhpEmpty(name) ? user.id : name;
}

/**
 * User::setDisplayName: trims, ignores an empty() name and one equal to the name shown now (so an
 * account without a stored name keeps none when given its own id); the Database backend refuses
 * more than 64 characters (mb_strlen) with 'Invalid displayname'.
 */
export function setDisplayName(user: User, value: string): void {
  const name = value.trim();
  if (isPhpEmpty(name) || name === displayNameOf(user)) return;
  if ([...name].length > 64) throw new OcsError(101, 'Invalid displayname');
  user.displayname = name;
}
