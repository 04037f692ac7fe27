/**
 * What a generated user's password adds to its id: `ada.lovelace` logs in with
 * `ada.lovelace-Password1`. Lower and upper case letters, a digit and a special character, and at
 * least 10 bytes with any id: it passes every rule of the password_policy app at its defaults and
 * with its enforce* options on (apps/password_policy/lib/Validator), so a client can set it again.
 */
export const GENERATED_PASSWORD_SUFFIX = '-Password1';

/** The password of the generated user `id` (--users N, createMock({ users })). */
export function generatedPassword(id: string): string {
  return `${id}${GENERATED_PASSWORD_SUFFIX}`;
}
