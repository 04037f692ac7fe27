import type { Release } from './catalog.js';

/** A schema violation as ajv reports it. */
export interface SpecViolation {
  instancePath: string;
  keyword: string;
  message?: string;
  params: { type?: string; missingProperty?: string };
}

const USER_DETAILS_AT = /^\/ocs\/data(\/users\/[^/]+)?$/;

/**
 * Where a release's own spec disagrees with every real server of that release, so a violation says
 * nothing about the server (the mock follows the server):
 * - every release types each app-info value as an object (PHP's array<string, mixed> mistranslated);
 *   the server returns the parsed info.xml, whose `id`, `name`, `version`... are strings;
 * - 27 and 28 require 39 app-info keys (`active`, `collaboration`, `sabre`, ...), where InfoParser
 *   returns the keys of the app's info.xml and a few defaults;
 * - 27 requires every UserDetails key, scopes, `enabled` and `storageLocation` included, which the
 *   server only sends to some callers, and every quota figure, which an account without a home
 *   folder does not have (`{quota, used}`; DIFFERENCES.md §5);
 * - 28 types the quota figures `oneOf` integer and number, which an integer matches twice.
 */
export function isSpecDefect(release: Release, operationId: string, violation: SpecViolation): boolean {
  const major = Number.parseInt(release.version, 10);
  const { instancePath, keyword, params } = violation;
  if (operationId === 'apps-get-app-info') {
    if (keyword === 'type' && params.type === 'object' && /^\/ocs\/data\/[^/]+$/.test(instancePath)) return true;
    if (major <= 28 && keyword === 'required' && instancePath === '/ocs/data') return true;
  }
  if (major === 27 && keyword === 'required' && USER_DETAILS_AT.test(instancePath)) {
    return /^(\w+Scope|enabled|storageLocation)$/.test(params.missingProperty ?? '');
  }
  if (major === 27 && keyword === 'required' && /\/quota$/.test(instancePath)) return /^(free|total|relative)$/.test(params.missingProperty ?? '');
  return major === 28 && keyword === 'oneOf' && /\/quota\/(free|used|total|relative|quota)$/.test(instancePath);
}
