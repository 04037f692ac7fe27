import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, test } from 'vitest';
import { BIN, ROOT } from '../support/builtCli.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `serve` and resolves with what it printed once it listens. */
function serve(args: string[]): Promise<{ url: string; banner: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url && out.includes('Ctrl-C stops.')) resolve({ url, banner: out });
    });
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}:\n${out}`)));
  });
}

const preflight = (url: string, origin: string) =>
  fetch(`${url}/ocs/v2.php/cloud/users`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });

describe('serve --cors', () => {
  test('bare --cors: any origin; the banner says so; a preflight is answered', async () => {
    const { url, banner } = await serve(['--cors']);
    expect(banner).toContain('  CORS (--cors): any origin; requests need Basic auth\n');
    const res = await preflight(url, 'http://anywhere.example');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://anywhere.example');
  });

  test('--cors <origins>: only the listed ones', async () => {
    const { url, banner } = await serve(['--cors', 'http://localhost:5173,https://app.example']);
    expect(banner).toContain('  CORS (--cors): http://localhost:5173, https://app.example; requests need Basic auth\n');
    expect((await preflight(url, 'https://app.example')).headers.get('access-control-allow-origin')).toBe('https://app.example');
    const refused = await preflight(url, 'http://other.example');
    expect(refused.status).toBe(405);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('without --cors: no banner line, the preflight gets 405', async () => {
    const { url, banner } = await serve([]);
    expect(banner).not.toContain('CORS');
    expect((await preflight(url, 'http://localhost:5173')).status).toBe(405);
  });

  test('--cors with something that is not an origin -> exit 2 and why', () => {
    const run = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--cors', 'localhost:5173/app'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('ocs-mock: --cors: "localhost:5173/app" is not an origin; write it as scheme://host[:port], e.g. http://localhost:5173\n');
  });
});
