/**
 * Opt-in CORS (`--cors`, option `cors`): every OCS route behaves as a Nextcloud controller method
 * marked `#[CORS]` whose app also registers an OPTIONS route to `ApiController::preflightedCors`.
 * Nextcloud's own provisioning routes have neither, so without the option the mock sends no CORS
 * headers, like the real server (recordings options/cors-preflight, cors/origin-on-get.v2-json).
 * The origin list is the mock's addition: Nextcloud echoes any Origin.
 */

/** `true` (or `'*'`): any origin; a list (or a comma-separated string): only these origins. */
export type CorsOption = boolean | string | readonly string[];

/**
 * OCSController's constructor defaults, which preflightedCors answers with
 * (lib/public/AppFramework/OCSController.php::__construct, ApiController::preflightedCors).
 */
const PREFLIGHT_METHODS = 'PUT, POST, GET, DELETE, PATCH';
const PREFLIGHT_HEADERS = 'Authorization, Content-Type, Accept, OCS-APIRequest';
const PREFLIGHT_MAX_AGE = '1728000';

/** What the mock does about one request's Origin. */
export type CorsDecision =
  | { kind: 'cors'; origin: string | undefined }
  | { kind: 'refused'; origin: string; allowed: readonly string[] };

export class CorsError extends Error {}

/** An origin as browsers send it: scheme://host[:port], nothing after. */
function checkOrigin(entry: string): string {
  const notOrigin = `cors: "${entry}" is not an origin; write it as scheme://host[:port], e.g. http://localhost:5173`;
  let origin: string;
  try {
    origin = new URL(entry).origin;
  } catch {
    throw new CorsError(notOrigin);
  }
  // 'null': a scheme without hosts (`localhost:5173/app` reads as scheme `localhost:`).
  if (origin === 'null') throw new CorsError(notOrigin);
  if (entry.replace(/\/$/, '') !== origin) throw new CorsError(`${notOrigin.replace(/, e\.g\. .*$/, '')} without path or query (here: ${origin})`);
  return origin;
}

export class CorsPolicy {
  /** null: any origin. */
  private readonly allowed: ReadonlySet<string> | null;

  private constructor(allowed: ReadonlySet<string> | null) {
    this.allowed = allowed;
  }

  /** The policy an option asks for; null when CORS is off (false, undefined). Throws CorsError on a malformed origin. */
  static of(option: CorsOption | undefined): CorsPolicy | null {
    if (option === undefined || option === false) return null;
    if (option === true) return new CorsPolicy(null);
    const entries = (typeof option === 'string' ? option.split(',') : [...option]).map((entry) => entry.trim()).filter((entry) => entry !== '');
    if (entries.length === 0) throw new CorsError('cors: the origin list is empty; give origins (comma-separated) or none for any origin');
    if (entries.includes('*')) return new CorsPolicy(null);
    return new CorsPolicy(new Set(entries.map(checkOrigin)));
  }

  /** The origins allowed, or `'*'`; for the start-up banner. */
  describe(): string {
    return this.allowed ? [...this.allowed].join(', ') : 'any origin';
  }

  /** A request without Origin is treated as on a `#[CORS]` route; one from an origin not on the list as without the option. */
  decide(origin: string | undefined): CorsDecision {
    if (origin === undefined || this.allowed === null || this.allowed.has(origin)) return { kind: 'cors', origin };
    return { kind: 'refused', origin, allowed: [...this.allowed] };
  }
}

/** What the journal and the request log name a preflight's route (it is in no spec). */
export const PREFLIGHT_OPERATION = 'preflighted-cors';

/** ApiController::preflightedCors: the Origin echoed (`*` without one), credentials explicitly not allowed. */
export function preflightHeaders(origin: string | undefined): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Allow-Methods': PREFLIGHT_METHODS,
    'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
    'Access-Control-Allow-Headers': PREFLIGHT_HEADERS,
    'Access-Control-Allow-Credentials': 'false',
  };
}

/**
 * CORSMiddleware::afterController: every answer the app framework gives for a `#[CORS]` method
 * (controller results, OCS errors, security refusals) echoes a sent Origin; nothing else.
 */
export function answerHeaders(decision: CorsDecision | null): Record<string, string> | undefined {
  return decision?.kind === 'cors' && decision.origin !== undefined ? { 'Access-Control-Allow-Origin': decision.origin } : undefined;
}

/**
 * CORSMiddleware::beforeController: on a `#[CORS]` method (a public one only when someone is logged in)
 * the session is logged out and the request must log in again with Basic credentials (a password or
 * an app password); a Bearer token or no login is refused with 'CORS requires basic auth' (401,
 * which OCSMiddleware::afterController turns into OCS 997).
 */
export const CORS_REQUIRES_BASIC_AUTH = 'CORS requires basic auth';
