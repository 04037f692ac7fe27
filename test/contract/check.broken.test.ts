import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_RELEASE } from '../support/mock.js';
import { runCheck, type CaseResult } from '../../src/contract/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { expectedAnswer } from '../support/oracle.js';
import { ocsPath } from './support/releaseServer.js';
import { rewritingProxy, type Asked, type Intercept, type Rewrite } from './support/rewritingProxy.js';

let good: RunningServer;

beforeAll(async () => {
  good = await startServer({ port: 0, nextcloud: TEST_RELEASE });
});
afterAll(async () => {
  await good.close();
});

/** Runs the check on `only` through a proxy that breaks answers; returns the one case and its messages. */
async function checkBroken(only: string, rewrite: Rewrite, intercept?: Intercept): Promise<{ result: CaseResult; messages: string[]; exitCode: number }> {
  const proxy = await rewritingProxy(good.url, rewrite, intercept);
  try {
    const run = await runCheck({ url: proxy.url, user: 'admin', password: 'admin', only: [only], write: intercept !== undefined });
    const result = run.cases.find((c) => c.id === only)!;
    return { result, messages: result.problems.map((p) => `${p.where}: ${p.message}`), exitCode: run.exitCode };
  } finally {
    await proxy.close();
  }
}

const isPath = (url: string, path: string) => ocsPath(url) === path;
const same: Rewrite = (_asked, answer) => answer;
/** The check's resource names carry a random prefix. */
const unprefixed = (messages: string[]) => messages.map((m) => m.replace(/ocsmock-check-[0-9a-f]{6}/g, 'P'));

/** Answers success (100 on v1, 200 on v2, no data) in the server's place: the write never happens. */
function pretendSuccess(matches: (asked: Asked) => boolean): Intercept {
  return (asked) => {
    if (!matches(asked)) return undefined;
    const answer = expectedAnswer(asked.version, asked.json ? 'json' : 'xml', { code: 200 });
    return { status: answer.status, headers: { 'content-type': answer.contentType }, body: answer.body };
  };
}

describe('ocs-mock check catches a broken server', () => {
  it('a field of the wrong type (usercount as a string) -> schema violation naming the path', async () => {
    const { result, messages, exitCode } = await checkBroken('groups-get-groups-details', (asked, answer) =>
      isPath(asked.url, '/cloud/groups/details') && asked.json ? { ...answer, body: answer.body.replace(/"usercount":(\d+)/g, '"usercount":"$1"') } : answer,
    );
    expect(exitCode).toBe(1);
    expect(result.status).toBe('FAIL');
    expect(messages).toContain('group details, v2 json: schema (response 200): /ocs/data/groups/0/usercount must be boolean or integer (got "1")');
    expect(messages).toContain('group details, v1 json: schema (response 200): /ocs/data/groups/0/usercount must be boolean or integer (got "1")');
    expect(result.reason).toBe('group details, v2 json: schema (response 200): /ocs/data/groups/0/usercount must be boolean or integer (got "1")');
    expect(result.curl).toBe(`curl -sS -i -u "admin:$OCS_PASSWORD" -H 'OCS-APIRequest: true' '${result.curl!.split("'").at(-2)}'`);
    expect(result.curl).toMatch(/\/ocs\/v2\.php\/cloud\/groups\/details\?format=json'$/);
  });

  it('a required field missing -> schema violation naming the property', async () => {
    const { messages } = await checkBroken('users-get-current-user', (asked, answer) => {
      if (!isPath(asked.url, '/cloud/user') || !asked.json) return answer;
      const body = JSON.parse(answer.body) as { ocs: { data: Record<string, unknown> } };
      delete body.ocs.data.displayname;
      return { ...answer, body: JSON.stringify(body) };
    });
    expect(messages).toContain("current user, v2 json: schema (response 200): /ocs/data must have required property 'displayname'");
    expect(messages).toContain('current user, v2 xml: XML differs from JSON: data: XML children differ from JSON keys (missing none, unexpected <displayname>)');
  });

  it('the wrong v2 HTTP status for an OCS code (101 answered with HTTP 200)', async () => {
    const { messages } = await checkBroken('groups-get-sub-admins-of-group', (asked, answer) =>
      asked.version === 2 && answer.status === 400 ? { ...answer, status: 200 } : answer,
    );
    expect(messages).toEqual([
      'unknown group, v2 json: HTTP status: expected 400 (OCS 101 -> v2 HTTP 400), got 200',
      'unknown group, v2 xml: HTTP status: expected 400 (OCS 101 -> v2 HTTP 400), got 200',
    ]);
  });

  it('an XML list rendered without <element> children', async () => {
    const users = good.mock.state.users.size;
    const { messages } = await checkBroken('users-get-users', (asked, answer) =>
      isPath(asked.url, '/cloud/users') && !asked.json ? { ...answer, body: answer.body.replace(/(<\/?)element>/g, '$1user>') } : answer,
    );
    expect(messages).toEqual([
      `all users, v2 xml: XML differs from JSON: data.users: a list of ${users} must be rendered as <element> children, got <user>`,
      `all users, v1 xml: XML differs from JSON: data.users: a list of ${users} must be rendered as <element> children, got <user>`,
    ]);
  });

  it('the wrong Content-Type', async () => {
    const { messages } = await checkBroken('groups-get-groups', (asked, answer) =>
      asked.json ? { ...answer, headers: { ...answer.headers, 'content-type': 'text/html; charset=UTF-8' } } : answer,
    );
    expect(messages).toEqual([
      'all groups, v2 json: Content-Type: expected "application/json; charset=utf-8", got "text/html; charset=UTF-8"',
      'all groups, v1 json: Content-Type: expected "application/json; charset=utf-8", got "text/html; charset=UTF-8"',
    ]);
  });

  it('v1 and v2 disagreeing on data (v1 drops a group, in JSON and XML alike)', async () => {
    const { messages } = await checkBroken('groups-get-groups', (asked, answer) => {
      if (asked.version !== 1 || !isPath(asked.url, '/cloud/groups')) return answer;
      if (!asked.json) return { ...answer, body: answer.body.replace(/ *<element>empty<\/element>\n/, '') };
      const body = JSON.parse(answer.body) as { ocs: { data: { groups: string[] } } };
      body.ocs.data.groups = body.ocs.data.groups.filter((g) => g !== 'empty');
      return { ...answer, body: JSON.stringify(body) };
    });
    expect(messages).toEqual(['all groups, v1 json: v1 and v2 disagree (v1 vs v2): data.groups: 3 items vs 4 items']);
  });

  it('a v2 meta with the v1 counts, and a v1 success code on v2', async () => {
    const { messages } = await checkBroken('users-get-current-user', (asked, answer) =>
      asked.version === 2 && asked.json ? { ...answer, body: answer.body.replace('"statuscode":200,"message":"OK"', '"statuscode":100,"message":"OK","totalitems":"","itemsperpage":""') } : answer,
    );
    expect(messages).toEqual([
      'current user, v2 json: meta: expected keys [status, statuscode, message], got [status, statuscode, message, totalitems, itemsperpage]',
      'current user, v2 json: meta.statuscode: expected 200, got 100',
    ]);
  });

  it('null rendered as an empty string in XML, and true not as 1', async () => {
    const { messages } = await checkBroken('users-get-current-user', (asked, answer) =>
      !asked.json ? { ...answer, body: answer.body.replace('<email/>', '<email></email>').replace('<enabled>1</enabled>', '<enabled>true</enabled>') } : answer,
    );
    expect(messages).toContain('current user, v2 xml: XML differs from JSON: data.enabled: JSON has true (<k>1</k>), XML has "true"');
    expect(messages).toContain('current user, v2 xml: XML differs from JSON: data.email: JSON has null, XML must be <email/>, got <email></email>');
  });

  it('a missing CSRF refusal and a wrong-password answer without WWW-Authenticate', async () => {
    const csrf = await checkBroken('protocol-csrf', (_asked, answer) => (answer.status === 412 ? { ...answer, status: 403 } : answer));
    expect(csrf.messages[0]).toBe('missing OCS-APIRequest header, v2 json: HTTP status: expected 412 without the OCS-APIRequest header, got 403');
    expect(csrf.messages).toHaveLength(4);
    const login = await checkBroken('protocol-wrong-password', (_asked, answer) => {
      const headers = { ...answer.headers };
      delete headers['www-authenticate'];
      return answer.status === 401 ? { ...answer, headers } : answer;
    });
    expect(login.messages).toEqual([
      'wrong password, v2 json: WWW-Authenticate: expected Basic realm="…", got none',
      'wrong password, v2 xml: WWW-Authenticate: expected Basic realm="…", got none',
      'wrong password, v1 json: WWW-Authenticate: expected Basic realm="…", got none',
      'wrong password, v1 xml: WWW-Authenticate: expected Basic realm="…", got none',
    ]);
  });

  it('every schema error of an answer is listed, not only the first (two fields missing -> two violations)', async () => {
    const { messages } = await checkBroken('users-get-current-user', (asked, answer) => {
      if (!isPath(asked.url, '/cloud/user') || !asked.json) return answer;
      const body = JSON.parse(answer.body) as { ocs: { data: Record<string, unknown> } };
      delete body.ocs.data.displayname;
      delete body.ocs.data.language;
      return { ...answer, body: JSON.stringify(body) };
    });
    expect(messages.filter((m) => m.startsWith('current user, v2 json: schema'))).toEqual([
      "current user, v2 json: schema (response 200): /ocs/data must have required property 'displayname'",
      "current user, v2 json: schema (response 200): /ocs/data must have required property 'language'",
    ]);
  });

  it('a details list entry with more than an id must be a full UserDetails record; exactly {id} still passes', async () => {
    const { result, messages } = await checkBroken('users-get-users-details', (asked, answer) => {
      if (!isPath(asked.url, '/cloud/users/details') || !asked.json) return answer;
      const body = JSON.parse(answer.body) as { ocs: { data: { users: Record<string, Record<string, unknown>> } } };
      delete body.ocs.data.users.alice!.email;
      delete body.ocs.data.users.alice!.quota;
      body.ocs.data.users.bob = { id: 'bob' };
      return { ...answer, body: JSON.stringify(body) };
    });
    expect(result.status).toBe('FAIL');
    expect(messages.filter((m) => m.includes(': schema '))).toEqual([
      "user details, v2 json: schema (response 200): /ocs/data/users/alice must have required property 'email'",
      "user details, v2 json: schema (response 200): /ocs/data/users/alice must have required property 'quota'",
      "user details, v1 json: schema (response 200): /ocs/data/users/alice must have required property 'email'",
      "user details, v1 json: schema (response 200): /ocs/data/users/alice must have required property 'quota'",
    ]);
  });

  describe('a server that answers 100 and does nothing fails the read-back', () => {
    afterAll(() => good.mock.reset());

    const write = (method: string, path: RegExp) => pretendSuccess((asked) => asked.method === method && path.test(ocsPath(asked.url)));

    it('an edit: the new value is not visible', async () => {
      const { result, messages, exitCode } = await checkBroken('users-edit-user', same, write('PUT', /^\/cloud\/users\/[^/]+-uedit-v[12][jx]$/));
      expect([result.status, exitCode]).toEqual(['FAIL', 1]);
      expect(unprefixed(messages)).toEqual(
        ['v2 json', 'v2 xml', 'v1 json', 'v1 xml'].map((variant, i) => {
          const id = `P-uedit-${['v2j', 'v2x', 'v1j', 'v1x'][i]}`;
          return `set display name, ${variant}: read back: GET /cloud/users/${id}: displayname is "${id}", expected "Edited ${id.slice(-3)}" as just written`;
        }),
      );
    });

    it('a delete: the user is still there', async () => {
      const { messages } = await checkBroken('users-delete-user', same, write('DELETE', /^\/cloud\/users\/[^/]+-udel-v[12][jx]$/));
      expect(unprefixed(messages)).toEqual(
        ['v2 json', 'v2 xml', 'v1 json', 'v1 xml'].map(
          (variant, i) => `own user, ${variant}: read back: GET /cloud/users/P-udel-${['v2j', 'v2x', 'v1j', 'v1x'][i]}: still there (HTTP 200, statuscode 200), expected 404 after the delete`,
        ),
      );
    });

    it('a membership and a sub-admin right: not present', async () => {
      const member = await checkBroken('users-add-to-group', same, write('POST', /^\/cloud\/users\/[^/]+-memb-v[12][jx]\/groups$/));
      expect(unprefixed(member.messages)[0]).toBe('own user into own group, v2 json: read back: GET /cloud/users/P-memb-v2j/groups: groups [] lacks "P-memb-v2j", just added');
      expect(member.messages).toHaveLength(4);
      const subadmin = await checkBroken('users-add-sub-admin', same, write('POST', /^\/cloud\/users\/[^/]+-sub-v[12][jx]\/subadmins$/));
      expect(unprefixed(subadmin.messages)[3]).toBe('own user over own group, v1 xml: read back: GET /cloud/users/P-sub-v1x/subadmins: data [] lacks "P-sub-v1x", just added');
      expect(subadmin.messages).toHaveLength(4);
    });
  });
});
