import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { normalisePhone, phoneNumbers } from './accountProperties.js';
import { stringParam, type AuthenticatedContext } from './context.js';

/**
 * POST /cloud/users/search/by-phone: `search` maps a client's contact keys to phone numbers;
 * the answer maps each key whose number belongs to an account to that account's cloud id.
 */
export function searchByPhoneNumbers(ctx: AuthenticatedContext): PhpValue {
  // libphonenumber's isValidRegionCode upper-cases the region: 'de' is as good as 'DE'.
  const location = stringParam(ctx.params, 'location').toUpperCase();
  const search = ctx.params.search;
  if (!phoneNumbers().isSupportedCountry(location)) throw new OcsError(400);
  if (search === null || typeof search !== 'object') throw new OcsError(400);
  const keyByNumber = new Map<string, string>();
  for (const [key, numbers] of Object.entries(search as Record<string, unknown>)) {
    const list = Array.isArray(numbers) ? numbers : typeof numbers === 'object' && numbers ? Object.values(numbers) : [numbers];
    for (const number of list) {
      const normalised = normalisePhone(String(number), location);
      if (normalised) keyByNumber.set(normalised, key);
    }
  }
  const matches: { [key: string]: PhpValue } = {};
  for (const user of ctx.state.users.values()) {
    const key = keyByNumber.get(user.properties.phone.value);
    if (key !== undefined) matches[key] = `${user.id}@${ctx.state.settings.cloudHost}`;
  }
  return matches;
}
