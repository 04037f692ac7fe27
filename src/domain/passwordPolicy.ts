import type { State } from '../state/model.js';
import { appValue, phpInt } from './appValues.js';
import { COMMON_PASSWORDS } from './commonPasswords.js';

/** The password_policy app's settings (PasswordPolicyConfig), read from its app config with its defaults. */
export interface PasswordPolicy {
  minLength: number;
  enforceNonCommonPassword: boolean;
  enforceNumericCharacters: boolean;
  enforceSpecialCharacters: boolean;
  enforceUpperLowerCase: boolean;
}

export const PASSWORD_POLICY_APP = 'password_policy';

/** The policy in force, or null while the password_policy app is not enabled. */
export function passwordPolicyOf(state: State): PasswordPolicy | null {
  if (!state.apps.get(PASSWORD_POLICY_APP)?.enabled) return null;
  const flag = (key: string, fallback: string) => appValue(state, PASSWORD_POLICY_APP, key, fallback) === '1';
  return {
    minLength: phpInt(appValue(state, PASSWORD_POLICY_APP, 'minLength', '10')),
    enforceNonCommonPassword: flag('enforceNonCommonPassword', '1'),
    enforceNumericCharacters: flag('enforceNumericCharacters', '0'),
    enforceSpecialCharacters: flag('enforceSpecialCharacters', '0'),
    enforceUpperLowerCase: flag('enforceUpperLowerCase', '0'),
  };
}

/**
 * preg_match('/^(?=.*X).+$/') on the password: PHP's '.' stops at "\n" and '$' also matches before a
 * final "\n", so the password must be one line (plus at most a trailing "\n") containing X.
 */
function oneLineContaining(password: string, pattern: RegExp): boolean {
  const line = password.endsWith('\n') ? password.slice(0, -1) : password;
  return line !== '' && !line.includes('\n') && pattern.test(line);
}

/** strtolower() as PHP 8.2 has it: ASCII letters only. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * PasswordValidator::validate(): every rule runs, the messages of those that fail are joined by a
 * space (the validators in apps/password_policy/lib/Validator, in its order). null when it passes.
 * Not emulated: HIBPValidator, which asks api.pwnedpasswords.com and lets the password pass when it
 * cannot reach it (as on a server without an internet connection).
 */
export function passwordPolicyViolation(state: State, password: string): string | null {
  const policy = passwordPolicyOf(state);
  if (!policy) return null;
  const errors: string[] = [];
  if (policy.enforceNonCommonPassword && COMMON_PASSWORDS.has(asciiLower(password))) {
    errors.push('Password is among the 1,000,000 most common ones. Please make it unique.');
  }
  // strlen(): bytes, not characters.
  if (Buffer.byteLength(password, 'utf8') < policy.minLength) {
    errors.push(`Password needs to be at least ${policy.minLength} characters long.`);
  }
  if (policy.enforceNumericCharacters && !oneLineContaining(password, /[0-9]/)) {
    errors.push('Password needs to contain at least one numeric character.');
  }
  if (policy.enforceUpperLowerCase && !(oneLineContaining(password, /[a-z]/) && oneLineContaining(password, /[A-Z]/))) {
    errors.push('Password needs to contain at least one lower and one upper case character.');
  }
  // ctype_alnum(): non-empty and ASCII letters and digits only.
  if (policy.enforceSpecialCharacters && /^[A-Za-z0-9]+$/.test(password)) {
    errors.push('Password needs to contain at least one special character.');
  }
  return errors.length > 0 ? errors.join(' ') : null;
}
