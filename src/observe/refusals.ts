import type { IgnoredCredentials, LoginFailure } from '../http/auth.js';

/** Why a request was refused, in the words of the request log and the journal's `refusal`. */
export const LOGIN_FAILURES: Record<LoginFailure, string> = {
  'unknown-user': 'unknown user',
  'wrong-password': 'wrong password',
  disabled: 'account disabled',
};

export const IGNORED_CREDENTIALS: Record<IgnoredCredentials, string> = {
  malformed: 'malformed credentials ignored',
  'unknown-token': 'unknown bearer token ignored',
};

export const refusals = {
  notOcs: 'not an OCS entry point (/ocs/v1.php or /ocs/v2.php)',
  malformedJson: 'malformed JSON body',
  loginFailed: (reason: LoginFailure, loginName: string) => `login failed: ${LOGIN_FAILURES[reason]} (${loginName})`,
  methodNotAllowed: (allowed: string[]) => `method not allowed; allowed: ${allowed.join(', ')}`,
  noRoute: (nearest: string[]) => `no route; nearest: ${nearest.join(', ')}`,
  noHandler: (operationId: string) => `no handler for operation ${operationId}`,
  notLoggedIn: 'the operation needs a logged-in user',
  loginRedirect: 'anonymous browser request: redirected to the login page',
  notAdmin: (user: string) => `${user} is not an admin`,
  notSubAdmin: (user: string) => `${user} is neither an admin nor a sub-admin`,
  csrf: (header: string | undefined) =>
    header === undefined ? 'CSRF check failed: no OCS-APIRequest header' : `CSRF check failed: OCS-APIRequest header is "${header}"`,
  maintenance: 'maintenance mode',
  corsOrigin: (origin: string, allowed: readonly string[]) =>
    `CORS: origin ${origin} is not in --cors (${allowed.join(', ')}): answered as without --cors, no CORS headers`,
  corsBasicAuth: (login: 'none' | 'bearer') =>
    `CORS requires basic auth (CORSMiddleware): ${login === 'bearer' ? 'a Bearer token is not accepted' : 'no login'} on a --cors route`,
  bodyTooLarge: (limit: number) => `request body over the mock's limit of ${limit} bytes (--max-body): 413, connection closed`,
  unexpected: (error: unknown) => `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
};
