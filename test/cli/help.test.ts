import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/builtCli.js';
import { runCli, serveCli } from '../support/runCli.js';

/** The lines of one titled part of a help text ("Options:", "Examples:", ...), up to the empty line after it. */
function part(text: string, title: string): string {
  const start = text.indexOf(`\n${title}\n`);
  expect(start, `${title} in:\n${text}`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n\n', start + 1);
  return text.slice(start + 1, end === -1 ? undefined : end + 1);
}

const SERVE_EXAMPLES = `Examples:
  $ ocs-mock
      Nextcloud 34.0.1 on http://127.0.0.1:8080; log in as admin / admin
  $ ocs-mock --nextcloud 29
      emulate Nextcloud 29.0.6, the newest 29 release ocs-mock knows
  $ ocs-mock --fixtures my-fixture.json
      serve your own users, groups, apps and app config
  $ ocs-mock --users 500 --groups 50 --seed 42
      500 generated users in 50 groups; a user's password is <id>-Password1
  $ ocs-mock --cors http://localhost:5173
      let a web app on http://localhost:5173 call the API from the browser
      (preflights answered, Basic auth)
  $ ocs-mock --scenario maintenance-mode
      answer every request as a server in maintenance mode (HTTP 503)
  $ PORT=9000 HOST=0.0.0.0 ocs-mock
      listen on port 9000 on every address (--port and --host win over them)
`;

const CHECK_EXAMPLES = `  $ OCS_PASSWORD=admin ocs-mock check --url http://localhost:8080 --user admin --junit out.xml
      check a server against its release's contract, with a JUnit report
  $ ocs-mock check --url https://admin:PASSWORD@cloud.example.com --write
      also create, edit and delete its own users, groups and config keys (always
      removed again)
`;

const SERVE_EXIT_CODES = `  0  stopped by Ctrl-C (SIGINT) or SIGTERM
  1  the server did not close cleanly, or an unexpected error
  2  did not start: a bad option or PORT/HOST value, an invalid fixture or
     scenario file, an unknown scenario name or --nextcloud release, an address
     it cannot listen on
`;

/** src/contract: CheckResult.exitCode 0/1, CheckError.exitCode 2/3, 130 after Ctrl-C (run.ts). */
const CHECK_EXIT_CODES = `  0    every check passed (ABSENT counts as passed)
  1    contract violations, or resources left behind after cleanup
  2    usage or spec error: a bad option, an unknown --nextcloud release or
       --only entry, an unreadable or invalid --spec, a server older than every
       release ocs-mock knows
  3    server unreachable, login failed, or no version in its /status.php (give
       --nextcloud)
  130  interrupted by Ctrl-C, after removing what it created
`;

describe('ocs-mock --help', () => {
  it('lists the options of serve, the default command, with PORT and HOST as their environment variables, then -V and -h', async () => {
    const top = await runCli(['--help']);
    const serve = await runCli(['serve', '--help']);
    expect([top.code, top.stderr, serve.code, serve.stderr]).toEqual([0, '', 0, '']);
    expect(top.stdout.startsWith('Usage: ocs-mock [serve] [options]\n\nA stateful, byte-faithful fake of the Nextcloud OCS provisioning API\n\nOptions:\n')).toBe(true);
    const serveOptions = part(serve.stdout, 'Options:').split('\n');
    const help = serveOptions.indexOf('  -h, --help                  display help for command');
    expect(help).toBeGreaterThan(20);
    expect(part(top.stdout, 'Options:')).toBe([...serveOptions.slice(0, help), '  -V, --version               output the version number', ...serveOptions.slice(help)].join('\n'));
    expect(serveOptions.slice(0, 4)).toEqual([
      'Options:',
      '  -p, --port <port>           port to listen on (0 picks a free one) (default:',
      '                              8080, env: PORT)',
      '  -H, --host <host>           address to listen on (default: "127.0.0.1", env:',
    ]);
    expect(serveOptions[4]).toBe('                              HOST)');
  });

  it('ends with examples of serve and check, the exit codes of both, and the environment variables; ocs-mock help prints the same', async () => {
    const { stdout } = await runCli(['--help']);
    expect(stdout.slice(stdout.indexOf('\nExamples:\n') + 1)).toBe(
      `${SERVE_EXAMPLES}${CHECK_EXAMPLES}
Exit codes (serve):
${SERVE_EXIT_CODES}
Exit codes (check):
${CHECK_EXIT_CODES}
Environment:
  PORT          port to listen on when --port is not given
  HOST          address to listen on when --host is not given
  OCS_PASSWORD  check: the password when neither --password nor --url gives one
`,
    );
    expect(part(stdout, 'Commands:')).toContain('  serve [options]             serve a fake Nextcloud');
    expect(await runCli(['help'])).toEqual({ code: 0, stdout, stderr: '' });
  });

  it('ocs-mock serve --help ends with the examples, exit codes and environment variables of serve', async () => {
    const { stdout } = await runCli(['serve', '--help']);
    expect(stdout.slice(stdout.indexOf('\nExamples:\n') + 1)).toBe(
      `${SERVE_EXAMPLES}
Exit codes:
${SERVE_EXIT_CODES}
Environment:
  PORT  port to listen on when --port is not given
  HOST  address to listen on when --host is not given
`,
    );
  });

  it('ocs-mock check --help ends with the examples, exit codes and environment variable of check', async () => {
    const { code, stdout } = await runCli(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout.slice(stdout.indexOf('\nExamples:\n') + 1)).toBe(
      `Examples:
${CHECK_EXAMPLES}
Exit codes:
${CHECK_EXIT_CODES}
Environment:
  OCS_PASSWORD  the password when neither --password nor --url gives one
`,
    );
  });

  it('every serve example starts the server it describes (with --port 0 added, which wins over PORT)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocs-mock-help-'));
    copyFileSync(join(ROOT, 'fixtures', 'default.json'), join(dir, 'my-fixture.json'));
    const lines = SERVE_EXAMPLES.split('\n').filter((line) => line.startsWith('  $ '));
    expect(lines).toHaveLength(7);
    const releases: string[] = [];
    for (const line of lines) {
      const words = line.slice(4).split(' ');
      const env = Object.fromEntries(words.filter((word) => /^[A-Z]+=/.test(word)).map((word) => word.split('=') as [string, string]));
      const args = words.slice(Object.keys(env).length + 1);
      expect(words[Object.keys(env).length]).toBe('ocs-mock');
      const { banner } = await serveCli([...args, '--port', '0', '--log-level', 'silent'], { env, cwd: dir });
      releases.push(/fake Nextcloud (\S+) listening on http:\/\/([^/]+?):\d+\n/.exec(banner)!.slice(1).join(' '));
    }
    expect(releases).toEqual(['34.0.1 127.0.0.1', '29.0.6 127.0.0.1', '34.0.1 127.0.0.1', '34.0.1 127.0.0.1', '34.0.1 127.0.0.1', '34.0.1 127.0.0.1', '34.0.1 0.0.0.0']);
  });
});
