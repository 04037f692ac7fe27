import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_RELEASE } from '../support/mock.js';
import { CheckError, runCheck, type CheckOptions } from '../../src/contract/index.js';
import { junitXml } from '../../src/contract/reporters/junit.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { stateSnapshot } from './support/stateSnapshot.js';
import { ALWAYS_SKIPPED } from './support/skipped.js';


let server: RunningServer;
const options = (extra: Partial<CheckOptions> = {}): CheckOptions => ({ url: server.url, user: 'admin', password: 'admin', ...extra });

beforeAll(async () => {
  server = await startServer({ port: 0, nextcloud: TEST_RELEASE });
});
afterAll(async () => {
  await server.close();
});

describe('ocs-mock check against our own mock', () => {
  it.each(['29', '34'])('--write against %s: exercises every write operation, passes, and leaves no trace', async (version) => {
    const own = await startServer({ port: 0, nextcloud: version });
    try {
      const before = stateSnapshot(own.mock.state);
      const result = await runCheck({ url: own.url, user: 'admin', password: 'admin', write: true });
      expect(result.cases.filter((c) => c.status === 'FAIL')).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(result.leftovers).toEqual([]);
      expect(result.cases.filter((c) => c.status === 'SKIP').map((c) => c.id).sort()).toEqual(ALWAYS_SKIPPED);
      expect(stateSnapshot(own.mock.state)).toBe(before);
      expect([...own.mock.state.users.keys()].filter((id) => id.startsWith('ocsmock-check-'))).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('a read-only report: the curl line of a case, and requests per case', async () => {
    const result = await runCheck(options({ only: ['users-get-user'] }));
    const getUser = result.cases.find((c) => c.id === 'users-get-user')!;
    expect(getUser.requests).toBe(8);
    expect(getUser.curl).toBe(`curl -sS -i -u "admin:$OCS_PASSWORD" -H 'OCS-APIRequest: true' '${server.url}/ocs/v2.php/cloud/users/admin?format=json'`);
  });

  it('--only takes operationIds and tags, and reports only those', async () => {
    const result = await runCheck(options({ only: ['groups', 'users-get-user'] }));
    expect(result.cases.map((c) => c.id)).toEqual([
      'groups-get-sub-admins-of-group',
      'groups-get-groups',
      'groups-add-group',
      'groups-get-group',
      'groups-update-group',
      'groups-delete-group',
      'groups-get-groups-details',
      'groups-get-group-users',
      'groups-get-group-users-details',
      'users-get-user',
    ]);
  });

  it('a bad --only is a usage error (exit 2), before any OCS request', async () => {
    const error = await runCheck(options({ only: ['groups', 'no-such-op'] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).exitCode).toBe(2);
    expect((error as CheckError).message).toBe('unknown --only "no-such-op": not an operationId or tag of the spec');
  });

  it('an unreadable or invalid spec is a spec error (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocs-check-'));
    const missing = await runCheck(options({ spec: join(dir, 'nope.json') })).catch((e: unknown) => e);
    expect((missing as CheckError).exitCode).toBe(2);
    expect((missing as CheckError).message).toMatch(/^cannot read spec .*nope\.json: ENOENT/);
    writeFileSync(join(dir, 'bad.json'), '{"openapi":"3.0.3"}');
    const invalid = await runCheck(options({ spec: join(dir, 'bad.json') })).catch((e: unknown) => e);
    expect((invalid as CheckError).exitCode).toBe(2);
    expect((invalid as CheckError).message).toBe(`invalid spec ${join(dir, 'bad.json')}: not an OpenAPI document with paths`);
  });

  it('an unreachable server is exit 3', async () => {
    const gone = await startServer({ port: 0, nextcloud: TEST_RELEASE });
    await gone.close();
    const error = await runCheck(options({ url: gone.url })).catch((e: unknown) => e);
    expect((error as CheckError).exitCode).toBe(3);
    expect((error as CheckError).message).toBe(`server unreachable: cannot reach ${gone.url}/status.php: ECONNREFUSED`);
  });

  it('a wrong password is exit 3 (login failed)', async () => {
    const error = await runCheck(options({ password: 'not-the-password' })).catch((e: unknown) => e);
    expect((error as CheckError).exitCode).toBe(3);
    expect((error as CheckError).message).toMatch(/^login failed: HTTP 401 for curl /);
    expect((error as CheckError).message).not.toContain('not-the-password');
  });

  it('the JUnit report is well-formed, carries the versions, and lists each operation as a testcase, with failures, skips and absent routes', async () => {
    const result = await runCheck(options({ only: ['apps'] }));
    result.cases[0] = { ...result.cases[0]!, status: 'FAIL', reason: 'all apps, v2 json: meta.status: expected "ok", got "failure"', problems: [{ where: 'all apps, v2 json', message: 'meta.status: expected "ok", got "failure"', curl: 'curl x' }] };
    const absent = 'not a route of Nextcloud 29.0.6: answers as an unknown route (998)';
    result.cases[1] = { ...result.cases[1]!, status: 'ABSENT', absentFrom: '29.0.6', note: absent, reason: absent };
    result.summary = { ...result.summary, passed: result.summary.passed - 2, failed: 1, absent: 1 };
    const xml = junitXml(result);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'property' }).parse(xml) as {
      testsuites: {
        testsuite: {
          name: string;
          tests: string;
          failures: string;
          skipped: string;
          properties: { property: { name: string; value: string }[] };
          testcase: { name: string; failure?: { message: string }; skipped?: { message: string }; 'system-out'?: string }[];
        };
      };
    };
    const suite = parsed.testsuites.testsuite;
    expect(suite.name).toBe(`ocs-mock check ${server.url} (Nextcloud 29.0.6, 29.0.6 contract)`);
    expect(suite.properties.property).toEqual([
      { name: 'nextcloud.server', value: '29.0.6' },
      { name: 'nextcloud.contract', value: '29.0.6' },
      { name: 'nextcloud.chosenBy', value: 'status.php' },
      { name: 'spec', value: 'releases/29.0.6' },
    ]);
    expect(suite.testcase.map((t) => t.name)).toEqual(['apps-get-apps', 'apps-get-app-info', 'apps-enable', 'apps-disable']);
    expect([suite.tests, suite.failures, suite.skipped]).toEqual(['4', '1', '2']);
    expect(suite.testcase[0]!.failure!.message).toBe('all apps, v2 json: meta.status: expected "ok", got "failure"');
    expect(suite.testcase[1]!.failure).toBeUndefined();
    expect(suite.testcase[1]!.skipped).toBeUndefined();
    expect(suite.testcase[1]!['system-out']!.split('\n')[0]).toBe(`ABSENT: ${absent}`);
    expect(suite.testcase[2]!.skipped!.message).toBe('not exercised: it would have real side effects on the server (enables an app for everyone)');
  });
});
