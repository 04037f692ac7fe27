import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli, serveCli } from '../support/runCli.js';

/** serve reads PORT and HOST when --port and --host are not given (commander's Option.env); flags win. */

const AUTH = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'OCS-APIRequest': 'true' };

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('serve: PORT and HOST', () => {
  it('PORT=<n> without --port listens on port n; with --port 0 the flag wins', async () => {
    const port = await freePort();
    const { url } = await serveCli(['--log-level', 'silent'], { env: { PORT: String(port) } });
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${url}/ocs/v2.php/cloud/user?format=json`, { headers: AUTH })).status).toBe(200);
    const flagged = await serveCli(['--port', '0', '--log-level', 'silent'], { env: { PORT: String(port) } });
    expect(flagged.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(flagged.url).not.toBe(url);
  });

  it('HOST=127.0.0.2 without --host listens on that address; with --host 127.0.0.1 the flag wins, and an invalid PORT or HOST a flag replaces is not read', async () => {
    const { url } = await serveCli(['--port', '0', '--log-level', 'silent'], { env: { HOST: '127.0.0.2' } });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    expect((await fetch(`${url}/ocs/v2.php/cloud/user?format=json`, { headers: AUTH })).status).toBe(200);
    const flagged = await serveCli(['--port', '0', '--host', '127.0.0.1', '--log-level', 'silent'], { env: { PORT: 'http', HOST: '' } });
    expect(flagged.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['PORT', 'abc', "error: option '-p, --port <port>' value 'abc' from env 'PORT' is invalid. --port must be a whole number from 0 to 65535.\n"],
    ['PORT', '', "error: option '-p, --port <port>' value '' from env 'PORT' is invalid. --port must be a whole number from 0 to 65535.\n"],
    ['PORT', '70000', "error: option '-p, --port <port>' value '70000' from env 'PORT' is invalid. --port must be a whole number from 0 to 65535.\n"],
    ['PORT', '0x1F', "error: option '-p, --port <port>' value '0x1F' from env 'PORT' is invalid. --port must be a whole number from 0 to 65535.\n"],
    ['HOST', '', "error: option '-H, --host <host>' value '' from env 'HOST' is invalid. --host must be a host name or an IP address, e.g. 127.0.0.1, 0.0.0.0, ::1 or localhost.\n"],
    ['HOST', 'http://localhost', "error: option '-H, --host <host>' value 'http://localhost' from env 'HOST' is invalid. --host must be a host name or an IP address, e.g. 127.0.0.1, 0.0.0.0, ::1 or localhost.\n"],
  ])('%s=%j is a usage error: exit code 2, one line naming the variable', async (name, value, message) => {
    expect(await runCli([], { env: { [name]: value } })).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('a bad flag is a usage error too: --port 65536 and --host "" exit 2 with one line', async () => {
    expect(await runCli(['--port', '65536'])).toEqual({ code: 2, stdout: '', stderr: "error: option '-p, --port <port>' argument '65536' is invalid. --port must be a whole number from 0 to 65535.\n" });
    expect(await runCli(['serve', '--host', ''])).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: option '-H, --host <host>' argument '' is invalid. --host must be a host name or an IP address, e.g. 127.0.0.1, 0.0.0.0, ::1 or localhost.\n",
    });
    expect(await runCli(['--no-such-flag'])).toEqual({ code: 2, stdout: '', stderr: "error: unknown option '--no-such-flag'\n" });
  });
});
