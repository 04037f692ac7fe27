import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../support/builtCli.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the built CLI; resolves with its URL and everything it has printed so far (kept growing). */
function serve(args: string[]): Promise<{ url: string; out: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found) resolve({ url: found[1], out: () => out });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}:\n${out}\n${err}`)));
  });
}

describe('CLI limits: --max-body, --idle-timeout, --max-connections', () => {
  it('--max-body 100: a 101-byte body -> 413; --idle-timeout 1: a silent connection is closed and logged', async () => {
    const { url, out } = await serve(['--max-body', '100', '--idle-timeout', '1', '--max-connections', '10']);
    const res = await fetch(`${url}/ocs/v2.php/cloud/groups?format=json`, {
      method: 'POST',
      headers: { 'OCS-APIRequest': 'true', Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `groupid=g&pad=${'x'.repeat(101 - 'groupid=g&pad='.length)}`,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toContain("limit of 100 bytes (maxBodyBytes, --max-body)");

    const silent = connect(Number(new URL(url).port), '127.0.0.1');
    const port = await new Promise<number>((resolve) => silent.once('connect', () => resolve(silent.localPort!)));
    await new Promise((resolve) => silent.once('close', resolve));
    while (!out().includes(`connection 127.0.0.1:${port} closed`)) await new Promise((resolve) => setImmediate(resolve));
    expect(out()).toContain(`connection 127.0.0.1:${port} closed: no request in 1000 ms (idle timeout, --idle-timeout)`);
  });

  it.each([
    ['--max-body', '0', '--max-body must be a whole number from 1 to 2147483647.'],
    ['--idle-timeout', '0', '--idle-timeout must be a whole number from 1 to 86400.'],
    ['--max-connections', 'x', '--max-connections must be a whole number from 1 to 1000000.'],
  ])('%s %s is refused with a clear message, exit code 2 (a usage error)', async (flag, value, message) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', flag, value], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
