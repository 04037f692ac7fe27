import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_RELEASE } from '../support/mock.js';
import type { CheckResult } from '../../src/contract/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { BIN, ROOT } from '../support/builtCli.js';
import { rewritingProxy } from './support/rewritingProxy.js';
import { stateSnapshot } from './support/stateSnapshot.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, nextcloud: TEST_RELEASE });
});
afterAll(async () => {
  await server.close();
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], onLine?: (line: string, kill: () => void) => void): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'check', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stdout += text;
      for (const line of text.split('\n')) onLine?.(line, () => child.kill('SIGINT'));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ocs-mock check (the CLI, spawned)', () => {
  it('says which contract it checks first, prints one line per check and a summary, writes JUnit and JSON with the version, exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocs-check-cli-'));
    const ran = await cli(['--url', server.url, '--user', 'admin', '--password', 'admin', '--only', 'groups,protocol', '--junit', join(dir, 'r.xml'), '--json', join(dir, 'r.json')]);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const lines = ran.stdout.trim().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe('Nextcloud 29.0.6 -> checking against the 29.0.6 contract');
    expect(lines.slice(1, 12).filter((line) => line.startsWith('SKIP'))).toEqual([
      'SKIP groups-add-group: write operation: run with --write to exercise it',
      'SKIP groups-update-group: write operation: run with --write to exercise it',
      'SKIP groups-delete-group: write operation: run with --write to exercise it',
    ]);
    expect(lines.slice(1, 12).filter((line) => line.startsWith('PASS'))).toHaveLength(8);
    expect(lines[1]).toMatch(/^PASS groups-get-sub-admins-of-group \(8 requests, \d+ ms\)$/);
    expect(lines[12]).toMatch(new RegExp(`^11 checks against ${server.url} \\(Nextcloud 29\\.0\\.6, 29\\.0\\.6 contract\\): 8 passed, 0 failed, 3 skipped \\(\\d+\\.\\d s\\)$`));
    const junit = readFileSync(join(dir, 'r.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit.match(/<testcase /g)).toHaveLength(11);
    expect(junit).toContain('<property name="nextcloud.server" value="29.0.6"/>');
    expect(junit).toContain('<property name="nextcloud.contract" value="29.0.6"/>');
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as CheckResult;
    expect(report.summary).toEqual({ total: 11, passed: 8, failed: 0, skipped: 3, absent: 0 });
    expect(report.target).toEqual({ serverVersion: '29.0.6', release: '29.0.6', chosenBy: 'status.php', spec: 'releases/29.0.6' });
  });

  it('exit codes: 1 violations (with a curl line), 2 missing flag or bad --only, 3 wrong password or unreachable', async () => {
    const proxy = await rewritingProxy(server.url, (asked, answer) => (asked.json ? { ...answer, headers: { ...answer.headers, 'content-type': 'text/plain' } } : answer));
    try {
      const violated = await cli(['--url', proxy.url, '--user', 'admin', '--password', 'admin', '--only', 'users-get-users']);
      expect(violated.code).toBe(1);
      expect(violated.stdout).toContain('FAIL users-get-users\n    all users, v2 json: Content-Type: expected "application/json; charset=utf-8", got "text/plain"');
      expect(violated.stdout).toContain(`    reproduce: curl -sS -i -u "admin:$OCS_PASSWORD" -H 'OCS-APIRequest: true' '${proxy.url}/ocs/v2.php/cloud/users?format=json'`);
      expect(violated.stdout).not.toContain("admin:admin");
    } finally {
      await proxy.close();
    }
    const noUrl = await cli(['--user', 'admin', '--password', 'admin']);
    expect([noUrl.code, noUrl.stderr]).toEqual([2, "error: required option '--url <url>' not specified\n"]);
    const badOnly = await cli(['--url', server.url, '--user', 'admin', '--password', 'admin', '--only', 'nope']);
    expect([badOnly.code, badOnly.stderr]).toEqual([2, 'ocs-mock check: unknown --only "nope": not an operationId or tag of the spec\n']);
    const badRelease = await cli(['--url', server.url, '--user', 'admin', '--password', 'admin', '--nextcloud', '99']);
    expect(badRelease.code).toBe(2);
    expect(badRelease.stderr).toMatch(/^ocs-mock check: --nextcloud: unknown Nextcloud release "99": use a major \(27-34\) or one of 27\.1\.4, /);
    const wrong = await cli(['--url', server.url, '--user', 'admin', '--password', 'wrong']);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/^ocs-mock check: login failed: HTTP 401/);
    const gone = await startServer({ port: 0, nextcloud: TEST_RELEASE });
    await gone.close();
    const unreachable = await cli(['--url', gone.url, '--user', 'admin', '--password', 'admin']);
    expect([unreachable.code, unreachable.stderr]).toEqual([3, `ocs-mock check: server unreachable: cannot reach ${gone.url}/status.php: ECONNREFUSED\n`]);
  });

  it('Ctrl-C during a --write run removes what it created and exits 130', async () => {
    const before = stateSnapshot(server.mock.state);
    let slow = false;
    // Slow answers once interrupted, so the signal surely lands mid-run.
    const proxy = await rewritingProxy(server.url, (_asked, answer) => {
      if (slow) spawnSync('sleep', ['0.02']);
      return answer;
    });
    try {
      const ran = await cli(['--url', proxy.url, '--user', 'admin', '--password', 'admin', '--write'], (line, interrupt) => {
        if (line.startsWith('PASS groups-add-group')) {
          slow = true;
          interrupt();
        }
      });
      expect(ran.code).toBe(130);
      expect(ran.stderr).toMatch(/^\nocs-mock check: interrupted, removing \d+ created resource\(s\)\.\.\.\n$/);
      expect(stateSnapshot(server.mock.state)).toBe(before);
    } finally {
      await proxy.close();
    }
  });
});
