import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_RELEASE } from '../support/mock.js';
import { runCheck, type CaseResult } from '../../src/contract/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { rewritingProxy, type Rewrite } from './support/rewritingProxy.js';

let good: RunningServer;

beforeAll(async () => {
  good = await startServer({ port: 0, nextcloud: TEST_RELEASE });
});
afterAll(async () => {
  await good.close();
});

/** Runs the check on `only` through a proxy that breaks answers; returns the one case and its messages. */
async function checkBroken(only: string, rewrite: Rewrite): Promise<{ result: CaseResult; messages: string[]; exitCode: number }> {
  const proxy = await rewritingProxy(good.url, rewrite);
  try {
    const run = await runCheck({ url: proxy.url, user: 'admin', password: 'admin', only: [only] });
    const result = run.cases.find((c) => c.id === only)!;
    return { result, messages: result.problems.map((p) => `${p.where}: ${p.message}`), exitCode: run.exitCode };
  } finally {
    await proxy.close();
  }
}

const isPath = (url: string, path: string) => url.split('?')[0]!.replace(/^\/ocs\/v[12]\.php/, '') === path;

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
});
