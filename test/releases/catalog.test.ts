import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contractFor, NEWEST_RELEASE, RELEASES, resolveRelease, UnknownReleaseError } from '../../src/releases/catalog.js';
import { EXTRA_ROUTES, OPERATIONS } from '../../src/operations.js';
import { profileOf } from '../../src/releases/profiles.js';
import { operationIdsOf, releaseSpec } from '../../src/releases/spec.js';

const operationIds = (version: string): string[] => operationIdsOf(releaseSpec(resolveRelease(version)));

/** Operations per release: routes.php of each release (DIFFERENCES.md §3, matrix.json ocsRoutes). */
const OPERATION_COUNTS: Record<string, number> = {
  '27.1.4': 43,
  '28.0.2': 44,
  '29.0.1': 44,
  '29.0.6': 44,
  '30.0.5': 45,
  '31.0.2': 45,
  '31.0.6': 47,
  '31.0.11': 48,
  '32.0.2': 48,
  '33.0.2': 48,
  '34.0.1': 49,
};


describe('release catalog', () => {
  it('a major resolves to its newest release we have, a full version to itself', () => {
    expect(resolveRelease('29').version).toBe('29.0.6');
    expect(resolveRelease('31').version).toBe('31.0.11');
    expect(resolveRelease('31.0.6').version).toBe('31.0.6');
    expect(resolveRelease(' 34 ').version).toBe('34.0.1');
  });

  it('an unknown release is refused with the list of known ones', () => {
    expect(() => resolveRelease('35')).toThrow(UnknownReleaseError);
    expect(() => resolveRelease('31.0.7')).toThrow('unknown Nextcloud release "31.0.7": use a major (27-34) or one of 27.1.4, 28.0.2');
  });

  it('a live server is held to the newest release at or below its version', () => {
    expect(contractFor('29.0.6.1')?.version).toBe('29.0.6');
    expect(contractFor('29.0.5')?.version).toBe('29.0.1');
    expect(contractFor('31.0.5')?.version).toBe('31.0.2');
    expect(contractFor('31.0.10')?.version).toBe('31.0.6');
    expect(contractFor('35.0.0')?.version).toBe('34.0.1');
    expect(contractFor('26.0.13')).toBeNull();
  });

  it.each(RELEASES.map((release) => release.version))('%s: its spec files hold exactly its routes', (version) => {
    const ids = operationIds(version);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(OPERATION_COUNTS[version]);
  });

  it('the top-level openapi.json is the newest release\'s full spec, byte for byte', () => {
    const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    expect(read('openapi.json')).toBe(read(`releases/${NEWEST_RELEASE.version}/openapi-full.json`));
  });

  it('every handler serves an operation of some release (none is dead code)', () => {
    const served = new Set(RELEASES.flatMap((release) => operationIds(release.version)));
    const extra = new Set(EXTRA_ROUTES.map((route) => route.operationId));
    expect(Object.keys(OPERATIONS).filter((id) => !served.has(id) && !extra.has(id))).toEqual([]);
  });

  it('routes appear in the release that added them', () => {
    expect(operationIds('29.0.6')).not.toContain('users-get-last-logged-in-users');
    expect(operationIds('30.0.5')).toContain('users-get-last-logged-in-users');
    expect(operationIds('31.0.2')).not.toContain('users-get-users-groups-details');
    expect(operationIds('31.0.6')).toContain('users-get-users-groups-details');
    expect(operationIds('31.0.6')).not.toContain('users-get-enabled-apps');
    expect(operationIds('31.0.11')).toContain('users-get-enabled-apps');
    expect(operationIds('33.0.2')).not.toContain('users-edit-user-multi-field');
    expect(operationIds('34.0.1')).toContain('users-edit-user-multi-field');
  });
});

describe('release profiles', () => {
  it('framework framing changes at 31 and 32 (DIFFERENCES.md §9.3)', () => {
    expect(profileOf(resolveRelease('30')).framework).toEqual({ v2MetaCode: 'http', v1Counts: false, format: 'parameter', loginFailureXml: true, maintenanceFromQuery: true });
    expect(profileOf(resolveRelease('31')).framework).toEqual({ v2MetaCode: 'ocs', v1Counts: true, format: 'parameter', loginFailureXml: false, maintenanceFromQuery: false });
    expect(profileOf(resolveRelease('32')).framework).toEqual({ v2MetaCode: 'ocs', v1Counts: true, format: 'negotiated', loginFailureXml: false, maintenanceFromQuery: false });
  });

  it('provisioning_api versions 1.17.0 (27) to 1.24.0 (34) (DIFFERENCES.md §10)', () => {
    expect(RELEASES.map((release) => `${release.version}=${profileOf(release).provisioningApiVersion}`)).toEqual([
      '27.1.4=1.17.0',
      '28.0.2=1.18.0',
      '29.0.1=1.19.0',
      '29.0.6=1.19.0',
      '30.0.5=1.20.0',
      '31.0.2=1.21.0',
      '31.0.6=1.21.0',
      '31.0.11=1.21.0',
      '32.0.2=1.22.0',
      '33.0.2=1.23.0',
      '34.0.1=1.24.0',
    ]);
  });

  it('UserDetails fields come with 31 (login timestamps, pronouns) and 32 (bluesky, timezone)', () => {
    expect(profileOf(resolveRelease('29')).properties).not.toContain('pronouns');
    expect(profileOf(resolveRelease('31')).userDetails).toMatchObject({ loginTimestamps: true, timezone: false });
    expect(profileOf(resolveRelease('32')).properties.slice(3, 5)).toEqual(['twitter', 'bluesky']);
    expect(profileOf(resolveRelease('34')).userDetails.timezone).toBe(true);
  });
});
