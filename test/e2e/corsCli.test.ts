import { describe, expect, test } from 'vitest';
import { runCli, serveCli } from '../support/runCli.js';

/** Starts `serve` on a free port (test/support/runCli.ts: killed when its test ends). */
const serve = (args: string[]) => serveCli(['serve', '--port', '0', ...args]);

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

  test('--cors with something that is not an origin -> exit 2 and why', async () => {
    const run = await runCli(['serve', '--port', '0', '--cors', 'localhost:5173/app']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ocs-mock: --cors: "localhost:5173/app" is not an origin; write it as scheme://host[:port], e.g. http://localhost:5173\n');
  });
});
