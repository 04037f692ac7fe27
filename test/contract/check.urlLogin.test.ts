import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckError, runCheck } from '../../src/contract/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { BIN, ROOT } from '../support/builtCli.js';
import { TEST_RELEASE } from '../support/mock.js';
import { rewritingProxy } from './support/rewritingProxy.js';

// Issue 11 item 7: `check --url http://admin:PW@host` printed the password and reported the
// server unreachable (fetch refuses URLs with credentials).
const SECRET = 'url-pw-7Qx2';

let server: RunningServer;
let withLogin: string;

beforeAll(async () => {
  server = await startServer({ port: 0, nextcloud: TEST_RELEASE });
  await request(server.url)
    .put('/ocs/v2.php/cloud/users/admin')
    .auth('admin', 'admin')
    .set('OCS-APIRequest', 'true')
    .type('form')
    .send(`key=password&value=${SECRET}`)
    .expect(200);
  withLogin = server.url.replace('http://', `http://admin:${SECRET}@`);
});
afterAll(async () => {
  await server.close();
});

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'check', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function refusal(url: string, options: { user?: string; password?: string } = {}): Promise<CheckError> {
  try {
    await runCheck({ url, ...options, only: ['protocol'] });
  } catch (error) {
    if (error instanceof CheckError) return error;
    throw error;
  }
  throw new Error('expected a CheckError');
}

describe('check with the login in the URL', () => {
  it('runCheck with http://admin:<pw>@host logs in as admin; the report holds the URL without the login', async () => {
    const result = await runCheck({ url: withLogin, only: ['groups-get-groups', 'protocol'] });
    expect(result.exitCode).toBe(0);
    expect(result.summary.failed).toBe(0);
    expect(result.summary.passed).toBeGreaterThan(0);
    expect(result.url).toBe(`${server.url}/`);
    expect(result.user).toBe('admin');
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('the CLI passes (exit 0) with no --user/--password, and neither its output nor its reports show the password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocs-check-url-'));
    const ran = await cli(['--url', withLogin, '--only', 'groups-get-groups,protocol', '--json', join(dir, 'r.json'), '--junit', join(dir, 'r.xml')], { OCS_PASSWORD: 'not-this-one' });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(new RegExp(`checks against ${server.url}/ \\(Nextcloud 29\\.0\\.6, 29\\.0\\.6 contract\\): \\d+ passed, 0 failed`));
    for (const text of [ran.stdout, readFileSync(join(dir, 'r.json'), 'utf8'), readFileSync(join(dir, 'r.xml'), 'utf8')]) expect(text).not.toContain(SECRET);
  });

  it('a login in the URL and --user or --password at once -> refused (exit 2), the URL shown as ***', async () => {
    const shown = withLogin.replace(`admin:${SECRET}@`, '***@');
    const reason = `--url ${shown} carries a login: give it there or with --user/--password, not both`;
    expect((await refusal(withLogin, { user: 'admin' })).message).toBe(reason);
    expect((await refusal(withLogin, { password: SECRET })).message).toBe(reason);
    const ran = await cli(['--url', withLogin, '--user', 'admin']);
    expect(ran).toEqual({ code: 2, stdout: '', stderr: `ocs-mock check: ${reason}\n` });
  });

  it('a URL with a user but no password -> refused (exit 2), nothing secret printed', async () => {
    const error = await refusal(server.url.replace('http://', 'http://admin@'));
    expect([error.exitCode, error.message]).toEqual([2, `--url ${server.url.replace('http://', 'http://***@')} must carry both user and password (http://user:password@host), or use --user/--password`]);
  });

  it('a URL that is not http(s) is refused without echoing its password', async () => {
    const error = await refusal(`ftp://admin:${SECRET}@example.com/`);
    expect(error.message).toBe('--url must be an http(s) URL, got "ftp://***@example.com/"');
  });

  it('failures name the URL without the login (curl lines read $OCS_PASSWORD)', async () => {
    const proxy = await rewritingProxy(server.url, (asked, answer) => (asked.json ? { ...answer, headers: { ...answer.headers, 'content-type': 'text/plain' } } : answer));
    try {
      const ran = await cli(['--url', proxy.url.replace('http://', `http://admin:${SECRET}@`), '--only', 'users-get-users']);
      expect(ran.code).toBe(1);
      expect(ran.stdout).toContain(`    reproduce: curl -sS -i -u "admin:$OCS_PASSWORD" -H 'OCS-APIRequest: true' '${proxy.url}/ocs/v2.php/cloud/users?format=json'`);
      expect(ran.stdout).not.toContain(SECRET);
    } finally {
      await proxy.close();
    }
  });
});
