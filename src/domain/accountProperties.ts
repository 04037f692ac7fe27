import { createRequire } from 'node:module';
import type { CountryCode } from 'libphonenumber-js';
import { OcsError } from '../ocs/OcsError.js';
import { SCOPES, type Scope } from '../state/model.js';

/**
 * Legacy scope names are stored as their v2 equivalents (AccountProperty::mapScopeToV2, which also
 * maps the empty string to v2-local, so `''` is an accepted scope).
 */
const LEGACY_SCOPES: Record<string, Scope> = { private: 'v2-local', contacts: 'v2-federated', public: 'v2-published', '': 'v2-local' };

/** A scope as AccountProperty::setScope accepts it; refusals surface as "Invalid " + its message. */
export function parseScope(value: string): Scope {
  if (!(SCOPES as readonly string[]).includes(value) && value !== '') throw new OcsError(101, 'Invalid Invalid scope');
  return LEGACY_SCOPES[value] ?? (value as Scope);
}

type PhoneLibrary = typeof import('libphonenumber-js');
let phoneLibrary: PhoneLibrary | undefined;

/** libphonenumber-js is loaded on first use: most runs never edit a phone number. */
export function phoneNumbers(): PhoneLibrary {
  phoneLibrary ??= createRequire(import.meta.url)('libphonenumber-js') as PhoneLibrary;
  return phoneLibrary;
}

/** E.164 form of a phone number (AccountManager), or null when it is not a valid number. */
export function normalisePhone(value: string, region?: string): string | null {
  const parsed = phoneNumbers().parsePhoneNumberFromString(value, region as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : null;
}

function isWebsite(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * AccountManager::updateAccount's checks of property values. `lenient` (up to 30): an invalid
 * phone number or website is stored as '' and the edit succeeds, twitter and fediverse are not
 * checked (recording users-edit-user/phone-invalid). `strict` (31.0.2+): phone, website, twitter
 * and fediverse are refused with "Invalid <name>" (editUser's OCS code), a twitter handle loses its
 * `@` (sanitizePropertyTwitter). The fediverse account lookup (webfinger) is not made: the mock is
 * offline.
 */
export function validatedPropertyValue(name: string, value: string, rule: 'lenient' | 'strict'): string {
  if (value === '') return value;
  const refuse = (): string => {
    if (rule === 'lenient') return '';
    throw new OcsError(101, `Invalid ${name}`);
  };
  if (name === 'phone') return normalisePhone(value) ?? refuse();
  if (name === 'website') return isWebsite(value) ? value : refuse();
  if (rule === 'lenient') return value;
  if (name === 'twitter') return /^@?([a-zA-Z0-9_]{2,15})$/.exec(value)?.[1] ?? refuse();
  if (name === 'fediverse' && !/^@?[^@\s/\\]+@[^@\s/\\]+\.[^@\s/\\]+$/.test(value.trim())) return refuse();
  return value;
}

/** PHP's FILTER_VALIDATE_EMAIL, close enough for addresses clients send. */
export function isValidEmail(value: string): boolean {
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(value);
}
