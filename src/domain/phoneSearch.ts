import { OcsError } from '../ocs/OcsError.js';
import { phpMap, type PhpValue } from '../ocs/php.js';
import { normalisePhone, phoneNumbers } from './accountProperties.js';
import { strictString, type AuthenticatedContext } from './context.js';
import { isPhpArray, phpArrayEntries, type PhpArray } from './phpRules.js';

/**
 * POST /cloud/users/search/by-phone: `search` maps a client's contact keys to phone numbers;
 * the answer maps each key whose number belongs to an account to that account's cloud id.
 */
export function searchByPhoneNumbers(ctx: AuthenticatedContext<{ location: string; search: PhpArray }>): PhpValue {
  // libphonenumber's isValidRegionCode upper-cases the region: 'de' is as good as 'DE'.
  const location = ctx.args.location.toUpperCase();
  const search = phpArrayEntries(ctx.args.search);
  if (!phoneNumbers().isSupportedCountry(location)) throw new OcsError(400);
  const keyByNumber = new Map<string, string>();
  for (const [key, numbers] of search) {
    // foreach over a scalar only warns (logged, not thrown): that key is skipped.
    if (!isPhpArray(numbers)) continue;
    for (const [, number] of phpArrayEntries(numbers)) {
      // UsersController is strict_types: PhoneNumberUtil::convertToStandardFormat(string) takes nothing else.
      const normalised = normalisePhone(strictString(number, 'a phone number'), location);
      if (normalised) keyByNumber.set(normalised, key);
    }
  }
  const matches = phpMap();
  for (const user of ctx.state.users.values()) {
    const key = keyByNumber.get(user.properties.phone.value);
    if (key !== undefined) matches[key] = `${user.id}@${ctx.state.settings.cloudHost}`;
  }
  return matches;
}
