import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createMock } from '../../src/mock.js';
import { BIN, ROOT } from '../support/builtCli.js';
import { okJson, okXml, xmlList } from '../support/protocol.js';

const AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`;

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(args: string[]): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/** Resolves with the URL the CLI prints once it listens. */
function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found) resolve(found[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code} before printing its URL:\n${out}\n${err}`)));
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the built CLI (bin/ocs-mock.js)', () => {
  test('serve --port 0 prints the real port, answers v1 XML and v2 JSON, and stops on SIGTERM with exit code 0', async () => {
    const child = start(['serve', '--port', '0']);
    const done = exited(child);
    const url = await printedUrl(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);

    const v1 = await fetch(`${url}/ocs/v1.php/cloud/groups`, { headers: { Authorization: AUTH, 'OCS-APIRequest': 'true' } });
    expect(v1.status).toBe(200);
    expect(v1.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(v1.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await v1.text()).toBe(okXml(1, xmlList('groups', ['admin', 'empty', 'group1', 'group2'])));

    const v2 = await fetch(`${url}/ocs/v2.php/cloud/users?format=json`, { headers: { Authorization: AUTH, 'OCS-APIRequest': 'true' } });
    expect(v2.status).toBe(200);
    expect(v2.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await v2.text()).toBe(okJson(2, '{"users":["admin","alice","bob","carol","dave"]}'));

    const unknown = await fetch(`${url}/ocs/v2.php/cloud/nonexistent`, { headers: { Authorization: AUTH, 'OCS-APIRequest': 'true' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('text/xml; charset=UTF-8');

    child.kill('SIGTERM');
    const { code } = await done;
    expect(code).toBe(0);
  });

  test('serve --nextcloud 29 emulates that release: its status.php, its routes, its framing; the default is the newest release', async () => {
    const child = start(['serve', '--port', '0', '--nextcloud', '29']);
    const done = exited(child);
    const url = await printedUrl(child);
    const status = await (await fetch(`${url}/status.php`)).json();
    expect([status.version, status.versionstring]).toEqual(['29.0.6.1', '29.0.6']);
    // GET /cloud/user/apps came with 31.0.11: an unknown route on 29, whose v2 meta carries 404.
    const apps = await fetch(`${url}/ocs/v2.php/cloud/user/apps?format=json`, { headers: { Authorization: AUTH, 'OCS-APIRequest': 'true' } });
    expect(apps.status).toBe(404);
    expect(JSON.parse(await apps.text()).ocs.meta.statuscode).toBe(404);
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
    expect((await done).stdout).toContain('fake Nextcloud 29.0.6 listening on');

    const newest = start(['serve', '--port', '0']);
    const newestDone = exited(newest);
    const newestUrl = await printedUrl(newest);
    const newestStatus = await (await fetch(`${newestUrl}/status.php`)).json();
    expect(newestStatus.versionstring).toBe('34.0.1');
    newest.kill('SIGTERM');
    expect((await newestDone).code).toBe(0);
  });

  test('serve --nextcloud with a release ocs-mock does not know exits 2 and lists the known ones', async () => {
    const { code, stderr } = await exited(start(['serve', '--port', '0', '--nextcloud', '26']));
    expect(code).toBe(2);
    expect(stderr).toBe('ocs-mock: unknown Nextcloud release "26": use a major (27-34) or one of 27.1.4, 28.0.2, 29.0.1, 29.0.6, 30.0.5, 31.0.2, 31.0.6, 31.0.11, 32.0.2, 33.0.2, 34.0.1\n');
  });

  test('a bad fixture file stops start-up with exit code 2, naming the file, the JSON path and the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocs-mock-e2e-'));
    const file = join(dir, 'bad-fixture.json');
    writeFileSync(file, JSON.stringify({ groups: [{ id: 'g' }], users: [{ id: 'u', password: 'p', enabled: 'yes' }] }));
    const { code, stderr } = await exited(start(['serve', '--port', '0', '--fixtures', file]));
    expect(code).toBe(2);
    expect(stderr).toContain(file);
    expect(stderr).toContain('/users/0/enabled');
    expect(stderr).toContain('must be boolean');
  });

  test('a fixture that is not JSON stops start-up with one line: file:line:column: reason, exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocs-mock-e2e-'));
    const file = join(dir, 'syntax.json');
    writeFileSync(file, '{\n  "groups": [{ "id": "admin" }]\n  "users": []\n}\n');
    const { code, stdout, stderr } = await exited(start(['serve', '--port', '0', '--fixtures', file]));
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `ocs-mock: invalid fixture: ${file}:3:3: not valid JSON: Expected ',' or '}' after property value\n` });
  });

  test('an address the machine does not have (--host 192.0.2.1, TEST-NET-1) stops start-up with one line, exit code 2', async () => {
    const { code, stdout, stderr } = await exited(start(['serve', '--port', '0', '--host', '192.0.2.1']));
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'ocs-mock: cannot listen on 192.0.2.1:0: address not available on this machine (EADDRNOTAVAIL)\n' });
  });

  test('serve --fixtures default loads the shipped fixture by name from any directory; an unknown name exits 2 listing the shipped ones', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'ocs-mock-e2e-'));
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--fixtures', 'default'], { cwd: elsewhere, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const url = await printedUrl(child);
    const users = await fetch(`${url}/ocs/v2.php/cloud/users?format=json`, { headers: { Authorization: AUTH, 'OCS-APIRequest': 'true' } });
    expect(await users.text()).toBe(okJson(2, '{"users":["admin","alice","bob","carol","dave"]}'));

    const { code, stdout, stderr } = await exited(start(['serve', '--port', '0', '--fixtures', 'staging']));
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'ocs-mock: --fixtures: no shipped fixture named "staging"; known: default\n' });
  });

  test('serve --scenario maintenance-mode loads the shipped scenario by name (503 on v1 and v2); --control-token guards /__admin', async () => {
    const child = start(['serve', '--port', '0', '--scenario', 'maintenance-mode', '--control-token', 'e2e-token']);
    const url = await printedUrl(child);
    expect((await fetch(`${url}/__admin/scenarios`)).status).toBe(401);
    const listed = await fetch(`${url}/__admin/scenarios`, { headers: { Authorization: 'Bearer e2e-token' } });
    expect(((await listed.json()) as { scenarios: { name: string; file: string }[] }).scenarios.map((s) => [s.name, s.file])).toEqual([
      ['maintenance-mode', join(ROOT, 'scenarios', 'maintenance-mode.json')],
    ]);
    for (const version of [1, 2]) {
      const res = await fetch(`${url}/ocs/v${version}.php/cloud/users`, { headers: { Authorization: AUTH, 'OCS-APIRequest': 'true' } });
      expect(res.status).toBe(503);
      expect(res.headers.get('x-nextcloud-maintenance-mode')).toBe('1');
      expect(res.headers.get('content-type')).toBe('text/xml; charset=UTF-8');
      expect(await res.text()).toContain('<statuscode>503</statuscode>\n  <message>Service unavailable</message>');
    }
  });

  test('serve --scenario with an invalid file stops start-up with exit code 2, naming the file and the rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocs-mock-e2e-'));
    const file = join(dir, 'bad-scenario.json');
    writeFileSync(file, JSON.stringify({ rules: [{ name: 'bad', match: { method: 'FETCH' }, answer: { fault: 'reset' } }] }));
    const { code, stderr } = await exited(start(['serve', '--port', '0', '--scenario', file]));
    expect(code).toBe(2);
    expect(stderr).toContain(`ocs-mock: invalid scenario: ${file}: rule 0 ("bad"): match.method`);
  });

  test('serve --users 30 --groups 12 --seed 3 serves 35 users and 16 groups, the same the library generates for that seed', async () => {
    const child = start(['serve', '--port', '0', '--users', '30', '--groups', '12', '--seed', '3']);
    const done = exited(child);
    const url = await printedUrl(child);
    const library = await createMock({ users: 30, groups: 12, seed: 3 });
    const ids = [...library.state.groups.keys()].sort();
    expect(ids).toHaveLength(16);
    const groups = await fetch(`${url}/ocs/v2.php/cloud/groups?format=json`, { headers: { Authorization: AUTH, 'OCS-APIRequest': 'true' } });
    expect(await groups.text()).toBe(okJson(2, JSON.stringify({ groups: ids })));
    const someone = [...library.state.users.values()][5];
    const joined = await fetch(`${url}/ocs/v2.php/cloud/users/${someone.id}/groups?format=json`, { headers: { Authorization: AUTH, 'OCS-APIRequest': 'true' } });
    expect(await joined.text()).toBe(okJson(2, JSON.stringify({ groups: [...(library.state.userGroups.get(someone.id) ?? [])] })));
    child.kill('SIGTERM');
    expect((await done).stdout).toContain('  35 users, 16 groups, ');
  });

  test('serve --groups x stops with exit code 2 (a usage error) and says what a count must be', async () => {
    const { code, stdout, stderr } = await exited(start(['serve', '--port', '0', '--groups', 'x']));
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: "error: option '-g, --groups <n>' argument 'x' is invalid. --groups must be a whole number from 0 to 1000000.\n" });
  });

  test('serve --help lists the serve options', async () => {
    const { code, stdout } = await exited(start(['serve', '--help']));
    expect(code).toBe(0);
    for (const option of ['--port <port>', '--host <host>', '--fixtures <file|name>', '--users <n>', '--groups <n>', '--seed <s>', '--scenario <name|file>', '--control-token <token>', '--no-control']) {
      expect(stdout).toContain(option);
    }
  });
});
