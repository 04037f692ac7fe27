import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckError, runCheck, type CheckOptions, type CheckResult, type CheckTarget } from '../../src/contract/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { reportingVersion } from './support/releaseServer.js';
import { rewritingProxy, type Intercept, type Rewrite } from './support/rewritingProxy.js';

/** The operations of 34.0.1 that 29.0.6 lacks (DIFFERENCES.md §3; nc29 README item 35). */
const NOT_IN_29 = [
  'users-edit-user-multi-field',
  'users-get-enabled-apps',
  'users-get-last-logged-in-users',
  'users-get-user-sub-admin-groups-details',
  'users-get-users-groups-details',
];
const UNKNOWN_ROUTE_IN_29 = 'not a route of Nextcloud 29.0.6: answers as an unknown route (998)';

/** A mock of Nextcloud 29.0.6 (the release the recordings come from) and one of 31.0.11. */
let nc29: RunningServer;
let nc31: RunningServer;

beforeAll(async () => {
  [nc29, nc31] = await Promise.all([startServer({ port: 0, nextcloud: '29' }), startServer({ port: 0, nextcloud: '31' })]);
});
afterAll(async () => {
  await Promise.all([nc29.close(), nc31.close()]);
});

const same: Rewrite = (_asked, answer) => answer;

/** A check of a mock behind a proxy (status.php rewritten), with the start line it reported. */
async function checkThrough(
  rewrite: Rewrite,
  intercept: Intercept | undefined,
  extra: Partial<CheckOptions>,
  mock: RunningServer = nc29,
): Promise<{ result: CheckResult; started: CheckTarget[] }> {
  const proxy = await rewritingProxy(mock.url, rewrite, intercept);
  const started: CheckTarget[] = [];
  try {
    const result = await runCheck({ url: proxy.url, user: 'admin', password: 'admin', onStart: (target) => started.push(target), ...extra });
    return { result, started };
  } finally {
    await proxy.close();
  }
}

const ids = (result: CheckResult, keep: (c: CheckResult['cases'][number]) => boolean) => result.cases.filter(keep).map((c) => c.id).sort();

describe('ocs-mock check holds a server to its own release', () => {
  it('a server reporting 29.0.6 (with 29 routes) -> the 29.0.6 contract; the routes 29 lacks are ABSENT, nothing fails', async () => {
    const { result, started } = await checkThrough(same, undefined, {});
    expect(started).toEqual([{ serverVersion: '29.0.6', release: '29.0.6', chosenBy: 'status.php', spec: 'releases/29.0.6' }]);
    expect(result.target).toEqual(started[0]);
    expect(result.cases.filter((c) => c.status === 'FAIL')).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(ids(result, (c) => c.status === 'ABSENT')).toEqual(NOT_IN_29);
    expect(ids(result, (c) => c.absentFrom === '29.0.6')).toEqual(NOT_IN_29);
    const reasons = Object.fromEntries(result.cases.filter((c) => c.absentFrom).map((c) => [c.id, c.reason]));
    expect(reasons).toEqual({
      'users-get-last-logged-in-users': 'not a route of Nextcloud 29.0.6: GET /cloud/users/recent is users-get-user there, answering 404 "User does not exist"',
      'users-get-enabled-apps': UNKNOWN_ROUTE_IN_29,
      'users-get-users-groups-details': UNKNOWN_ROUTE_IN_29,
      'users-get-user-sub-admin-groups-details': UNKNOWN_ROUTE_IN_29,
      // PATCH /cloud/users/{id} has GET, PUT and DELETE routes in 29 (nc29 wrong-method/patch-users: 405, no body).
      'users-edit-user-multi-field': 'not a route of Nextcloud 29.0.6: answers 405, the path being a route for other methods',
    });
    expect(result.cases.filter((c) => c.absentFrom).map((c) => c.requests)).toEqual([4, 4, 4, 4, 4]);
    // 44 operations of 29.0.6, 5 absent ones, 2 protocol cases.
    expect(result.summary).toEqual({ total: 51, passed: 23, failed: 0, skipped: 23, absent: 5 });
  });

  it('a server with newer routes reporting 29.0.6 (a 31.0.11 mock) fails exactly the four GET routes 29 lacks', async () => {
    const { result } = await checkThrough(reportingVersion('29.0.6'), undefined, { only: NOT_IN_29 }, nc31);
    expect(result.target.release).toBe('29.0.6');
    expect(ids(result, (c) => c.status === 'FAIL')).toEqual(NOT_IN_29.filter((id) => id !== 'users-edit-user-multi-field'));
    const apps = result.cases.find((c) => c.id === 'users-get-enabled-apps')!;
    expect(apps.note).toBe(UNKNOWN_ROUTE_IN_29);
    // Up to 30, ocs/v1.php writes the HTTP status into the v2 meta of its own answers (nc29 users-get-enabled-apps/admin.v2-json).
    expect(apps.reason).toBe('enabled apps without the route, v2 json: HTTP status: expected 404 (OCS 998 -> v2 HTTP 404), got 200');
    expect(apps.problems.map((p) => p.message)).toContain('meta.statuscode: expected 404, got 200');
    expect(result.exitCode).toBe(1);
  });

  it('patch releases matter: 31.0.5 -> the 31.0.2 contract, where groups/details is absent; 31.0.6 -> its own contract, which has it', async () => {
    const only = ['users-get-users-groups-details'];
    const older = await checkThrough(reportingVersion('31.0.5'), undefined, { only }, nc31);
    expect(older.started).toEqual([{ serverVersion: '31.0.5', release: '31.0.2', chosenBy: 'status.php', spec: 'releases/31.0.2' }]);
    const absent = older.result.cases[0]!;
    expect([absent.id, absent.absentFrom, absent.status, absent.note]).toEqual([
      'users-get-users-groups-details',
      '31.0.2',
      'FAIL',
      'not a route of Nextcloud 31.0.2: answers as an unknown route (998)',
    ]);
    // From 31, ApiHelper keeps the raw 998 in the v2 meta and gives v1 the counts (DIFFERENCES.md §9.3).
    expect(absent.problems.map((p) => `${p.where}: ${p.message}`)).toContain('group details of admin without the route, v2 json: meta.statuscode: expected 998, got 200');
    const own = await checkThrough(reportingVersion('31.0.6'), undefined, { only }, nc31);
    expect(own.started).toEqual([{ serverVersion: '31.0.6', release: '31.0.6', chosenBy: 'status.php', spec: 'releases/31.0.6' }]);
    expect(own.result.cases.map((c) => [c.id, c.status, c.absentFrom])).toEqual([['users-get-users-groups-details', 'PASS', undefined]]);
  });

  it('--nextcloud 34 against a server reporting 29.0.6: exactly the routes 29 lacks fail, flagged as not on the server', async () => {
    const { result, started } = await checkThrough(same, undefined, { nextcloud: '34' });
    expect(started).toEqual([{ serverVersion: '29.0.6', release: '34.0.1', chosenBy: '--nextcloud', spec: 'releases/34.0.1' }]);
    expect(ids(result, (c) => c.notOnServer === '29.0.6')).toEqual(NOT_IN_29);
    for (const id of NOT_IN_29) {
      const c = result.cases.find((x) => x.id === id)!;
      expect([c.status, c.note]).toEqual(['FAIL', "not a route of the server's own Nextcloud 29.0.6"]);
    }
    expect(result.cases.find((c) => c.id === 'users-get-enabled-apps')!.reason).toBe('enabled apps, v2 json: HTTP status: expected 200 (OCS 200 -> v2 HTTP 200), got 404');
    expect(result.cases.find((c) => c.id === 'users-edit-user-multi-field')!.reason).toBe('unknown user, v2 json: HTTP status: expected 404 (OCS 998 -> v2 HTTP 404), got 405');
    expect(result.summary.absent).toBe(0);
    expect(result.exitCode).toBe(1);
  });

  it('--nextcloud 27 against a 29 server: /users/disabled, which 27 routes to users-get-user, is served -> FAIL as absent', async () => {
    const { result } = await checkThrough(same, undefined, { nextcloud: '27', only: ['users-get-disabled-users-details'] });
    const disabled = result.cases[0]!;
    expect([disabled.id, disabled.status, disabled.absentFrom]).toEqual(['users-get-disabled-users-details', 'FAIL', '27.1.4']);
    expect(disabled.note).toBe('not a route of Nextcloud 27.1.4: GET /cloud/users/disabled is users-get-user there, answering 404 "User does not exist"');
    expect(disabled.reason).toBe('disabled users without the route, v2 json: HTTP status: expected 404 (OCS 404 -> v2 HTTP 404), got 200');
  });

  it('a version between two releases -> the newest release at or below it', async () => {
    const { result, started } = await checkThrough(reportingVersion('29.0.9'), undefined, { only: ['groups-get-groups'] });
    expect(started).toEqual([{ serverVersion: '29.0.9', release: '29.0.6', chosenBy: 'status.php', spec: 'releases/29.0.6' }]);
    expect(result.exitCode).toBe(0);
  });

  it('--spec FILE checks against that document, under the framing rules of the server release', async () => {
    const spec = new URL('../../openapi.json', import.meta.url).pathname;
    const { result, started } = await checkThrough(same, undefined, { spec, only: ['users-get-enabled-apps'] }, nc31);
    expect(started).toEqual([{ serverVersion: '31.0.11', release: '31.0.11', chosenBy: 'status.php', spec }]);
    expect(result.cases.map((c) => [c.id, c.status, c.absentFrom])).toEqual([['users-get-enabled-apps', 'PASS', undefined]]);
  });

  it('an unknown --nextcloud is exit 2 before any request', async () => {
    const gone = await startServer({ port: 0 });
    await gone.close();
    const error = await runCheck({ url: gone.url, user: 'admin', password: 'admin', nextcloud: '26' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    expect([(error as CheckError).exitCode, (error as CheckError).message]).toEqual([
      2,
      '--nextcloud: unknown Nextcloud release "26": use a major (27-34) or one of 27.1.4, 28.0.2, 29.0.1, 29.0.6, 30.0.5, 31.0.2, 31.0.6, 31.0.11, 32.0.2, 33.0.2, 34.0.1',
    ]);
  });

  it('a server older than every release is exit 2; a status.php without a version is exit 3 unless --nextcloud says', async () => {
    const old = await checkThrough(reportingVersion('26.0.13'), undefined, {}).catch((e: unknown) => e);
    expect([(old as CheckError).exitCode, (old as CheckError).message]).toEqual([
      2,
      'Nextcloud 26.0.13 is older than every release ocs-mock knows (the oldest is 27.1.4): give --nextcloud <version> to check it against one',
    ]);
    const html: Rewrite = (asked, answer) => (asked.url === '/status.php' ? { status: 404, headers: { 'content-type': 'text/html' }, body: '<html>Not Found</html>' } : answer);
    const unknown = await checkThrough(html, undefined, {}).catch((e: unknown) => e);
    expect([(unknown as CheckError).exitCode, (unknown as CheckError).message]).toEqual([
      3,
      'cannot tell which Nextcloud the server runs (GET /status.php answered HTTP 404: "<html>Not Found</html>"): give --nextcloud <version>',
    ]);
    const told = await checkThrough(html, undefined, { nextcloud: '29', only: ['groups-get-groups'] });
    expect(told.started).toEqual([{ serverVersion: null, release: '29.0.6', chosenBy: '--nextcloud', spec: 'releases/29.0.6' }]);
    expect(told.result.exitCode).toBe(0);
  });
});
