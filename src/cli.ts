import { isIP } from 'node:net';
import { Command, InvalidArgumentError, Option } from 'commander';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './observe/requestLog.js';
import { FixtureError } from './state/fixtureFile.js';
import { UnknownFixtureError } from './state/shippedFixtures.js';
import { ScenarioError } from './scenarios/scenarioFile.js';
import { UnknownScenarioError } from './scenarios/shipped.js';
import { ADMIN_GROUP } from './state/model.js';
import { startServer } from './server.js';
import { DEFAULT_MAX_BODY_BYTES } from './http/requestParams.js';
import { DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_MAX_CONNECTIONS } from './http/connectionLimits.js';
import { DEFAULT_MAX_SESSIONS, DEFAULT_SESSION_IDLE_MS } from './sessions/store.js';
import { UnhandledOperationError } from './operations.js';
import { NEWEST_RELEASE, RELEASES, UnknownReleaseError } from './releases/catalog.js';
import { addCheckCommand } from './contract/command.js';
import { tlsOptionsOf, tlsBanner, tlsFailure, type TlsFlags } from './tls/cliOptions.js';
import { PROGRAM_HELP, SERVE_HELP, showDefaultCommandOptions } from './cliHelp.js';
import { packageVersion } from './meta/version.js';
import { generatedPassword } from './state/generatedPassword.js';
import type { State } from './state/model.js';
import { CorsError } from './http/cors.js';

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    // Digits only: Number() would also take '', ' 8', '0x1F' and '1e3' (an empty PORT would be 0).
    const parsed = /^[0-9]+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return parsed;
  };
}

/** Dot-separated labels of letters, digits, '-' and '_' (resolvers take '_', as Docker service names have it). */
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9_-]{1,63}(\.[A-Za-z0-9_-]{1,63})*\.?$/;

/** A host name or an IP address. Refused: '' (listen() would take every address), URLs, host:port. */
function hostName(value: string): string {
  if (isIP(value) === 0 && !HOST_NAME.test(value)) {
    throw new InvalidArgumentError('--host must be a host name or an IP address, e.g. 127.0.0.1, 0.0.0.0, ::1 or localhost.');
  }
  return value;
}

/** For repeatable options: commander calls it once per occurrence. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const LISTEN_REASONS: Record<string, string> = {
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available on this machine',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed for now',
};

/** Why the server could not bind its address, for one line; undefined for any other error. */
function listenFailure(error: NodeJS.ErrnoException): string | undefined {
  if (error.syscall !== 'listen' && error.syscall !== 'getaddrinfo') return undefined;
  const known = error.code === undefined ? undefined : LISTEN_REASONS[error.code];
  return known ? `${known} (${error.code})` : error.message;
}

interface ServeFlags extends TlsFlags {
  port: number;
  host: string;
  fixtures?: string;
  users: number;
  groups: number;
  seed: number;
  /** Absent when no --scenario is given (commander would print a `[]` default in --help). */
  scenario?: string[];
  nextcloud?: string;
  logLevel: LogLevel;
  logFormat: LogFormat;
  journalSize: number;
  maxSessions: number;
  sessionIdle: number;
  maxBody: number;
  idleTimeout: number;
  maxConnections: number;
  /** false with --no-control. */
  control: boolean;
  controlToken?: string;
  /** true with a bare --cors, the origin list with --cors <origins>. */
  cors?: boolean | string;
}

/** The first enabled account whose password is a generated user's: an example login for the banner. */
function generatedLogin(state: State): string | undefined {
  for (const user of state.users.values()) if (user.enabled && user.password === generatedPassword(user.id)) return user.id;
  return undefined;
}

async function serve(flags: ServeFlags): Promise<void> {
  let running;
  try {
    const tls = tlsOptionsOf(flags);
    running = await startServer({
      port: flags.port,
      host: flags.host,
      fixture: flags.fixtures,
      users: flags.users,
      groups: flags.groups,
      seed: flags.seed,
      scenarios: flags.scenario,
      nextcloud: flags.nextcloud,
      journalSize: flags.journalSize,
      maxSessions: flags.maxSessions,
      sessionIdleMs: flags.sessionIdle * 1000,
      maxBodyBytes: flags.maxBody,
      idleTimeoutMs: flags.idleTimeout * 1000,
      maxConnections: flags.maxConnections,
      log: { level: flags.logLevel, format: flags.logFormat },
      control: flags.control,
      controlToken: flags.controlToken,
      tls,
      cors: flags.cors,
    });
  } catch (error) {
    if (error instanceof UnknownReleaseError || error instanceof UnhandledOperationError) {
      console.error(`ocs-mock: ${error.message}`);
      process.exit(2);
    }
    if (error instanceof UnknownScenarioError) {
      console.error(`ocs-mock: --scenario: ${error.reason}`);
      process.exit(2);
    }
    if (error instanceof ScenarioError) {
      console.error(`ocs-mock: invalid scenario: ${error.message}`);
      process.exit(2);
    }
    if (error instanceof UnknownFixtureError) {
      console.error(`ocs-mock: --fixtures: ${error.reason}`);
      process.exit(2);
    }
    if (error instanceof CorsError) {
      console.error(`ocs-mock: --${error.message}`);
      process.exit(2);
    }
    if (error instanceof FixtureError) {
      console.error(`ocs-mock: invalid fixture: ${error.message}`);
      process.exit(2);
    }
    const tlsReason = tlsFailure(error, flags);
    if (tlsReason) {
      console.error(`ocs-mock: ${tlsReason}`);
      process.exit(2);
    }
    const reason = listenFailure(error as NodeJS.ErrnoException);
    if (reason) {
      console.error(`ocs-mock: cannot listen on ${flags.host}:${flags.port}: ${reason}`);
      process.exit(2);
    }
    throw error;
  }
  const { state } = running.mock;
  const admin = [...(state.groups.get(ADMIN_GROUP)?.members ?? [])].map((uid) => state.users.get(uid)!).find((user) => user.enabled);
  console.log(`ocs-mock: fake Nextcloud ${running.mock.profile.release.version} listening on ${running.url}`);
  console.log(`  OCS v1: ${running.url}/ocs/v1.php/cloud/users   OCS v2: ${running.url}/ocs/v2.php/cloud/users`);
  if (running.tls) for (const line of tlsBanner(running.tls)) console.log(`  ${line}`);
  if (admin) console.log(`  admin login: ${admin.id} / ${admin.password}`);
  const generated = flags.users > 0 ? generatedLogin(state) : undefined;
  if (generated) console.log(`  generated users: <id> / ${generatedPassword('<id>')}, e.g. ${generated} / ${generatedPassword(generated)}`);
  if (running.mock.cors) console.log(`  CORS (--cors): ${running.mock.cors.describe()}; requests need Basic auth`);
  console.log(`  ${state.users.size} users, ${state.groups.size} groups, ${state.apps.size} apps. Ctrl-C stops.`);
  const stop = (signal: string) => {
    console.log(`ocs-mock: ${signal}, shutting down`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

export function buildCli(): Command {
  const program = new Command('ocs-mock')
    .description('A stateful, byte-faithful fake of the Nextcloud OCS provisioning API')
    .version(packageVersion())
    .usage('[serve] [options]')
    .addHelpText('after', PROGRAM_HELP);
  const serveCommand = program
    .command('serve', { isDefault: true })
    .description('serve a fake Nextcloud (OCS v1 and v2) seeded from a fixture')
    .addOption(new Option('-p, --port <port>', 'port to listen on (0 picks a free one)').argParser(integer('--port', 0, 65535)).default(8080).env('PORT'))
    .addOption(new Option('-H, --host <host>', 'address to listen on').argParser(hostName).default('127.0.0.1').env('HOST'))
    .option('-f, --fixtures <file|name>', 'fixture file with users, groups, apps and app config, or a shipped fixture\'s name (default: default)')
    .option('-u, --users <n>', 'add N generated users, members of some of the groups', integer('--users', 0, 1_000_000), 0)
    .option('-g, --groups <n>', 'add N generated groups', integer('--groups', 0, 1_000_000), 0)
    .option('-s, --seed <s>', 'seed for generated users and groups (same seed, same users, groups and memberships)', integer('--seed', 0, 2 ** 31 - 1), 1)
    .option('--scenario <name|file>', 'a shipped scenario by name (maintenance-mode) or a scenario file of failure rules (repeatable, tried in order)', collect)
    .option('--nextcloud <version>', `Nextcloud release to emulate: a major (27-34, its newest release) or one of ${RELEASES.map((release) => release.version).join(', ')} (default: the fixture's, else ${NEWEST_RELEASE.version})`)
    .addOption(new Option('--log-level <level>', 'request log: one line per request (info), plus parameters and answer body (debug)').choices(LOG_LEVELS).default('info'))
    .addOption(new Option('--log-format <format>', 'request log format: text, or json (one object a line)').choices(LOG_FORMATS).default('text'))
    .option('--journal-size <n>', 'requests kept for GET /__admin/requests (oldest dropped)', integer('--journal-size', 0, 1_000_000), 1000)
    .option('--max-sessions <n>', 'sessions (X-Mock-Session, /session/<id>/) alive at once; one more is a 503', integer('--max-sessions', 1, 100_000), DEFAULT_MAX_SESSIONS)
    .option('--session-idle <seconds>', 'a session unused this long starts afresh', integer('--session-idle', 1, 86_400 * 7), DEFAULT_SESSION_IDLE_MS / 1000)
    .option('--max-body <bytes>', "longest OCS request body read; a longer one is answered 413 by the mock and its connection closed", integer('--max-body', 1, 2 ** 31 - 1), DEFAULT_MAX_BODY_BYTES)
    .option('--idle-timeout <seconds>', 'a connection that sends no request, or does not read its answer, this long is closed', integer('--idle-timeout', 1, 86_400), DEFAULT_IDLE_TIMEOUT_MS / 1000)
    .option('--max-connections <n>', 'connections open at once; one more is dropped', integer('--max-connections', 1, 1_000_000), DEFAULT_MAX_CONNECTIONS)
    .option('--tls', 'serve HTTPS with a certificate generated at start, signed by a development CA to install on clients')
    .option('--tls-name <name>', 'one more host name or IP address for the generated certificate, e.g. the LAN address a phone uses (repeatable)', collect)
    .option('--tls-dir <dir>', 'keep the development CA here (ca.crt, ca.key; made on first use): install ca.crt on a device once')
    .option('--cert <file>', 'serve HTTPS with this PEM certificate (or chain) instead of a generated one; needs --key')
    .option('--key <file>', 'the PEM private key of --cert')
    .option('--control-token <token>', 'every control API request (/__admin) needs Authorization: Bearer <token>')
    .option('--no-control', 'no control API: /__admin answers 404')
    .option('--cors [origins]', 'answer browser preflights and echo Origin as a Nextcloud #[CORS] route does: any origin, or only these (comma-separated); off by default, like Nextcloud')
    .addHelpText('after', SERVE_HELP)
    // Bad flags are a usage error: exit 2, as for `check` and a bad fixture (commander's own is 1).
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(serve);
  showDefaultCommandOptions(program, serveCommand);
  addCheckCommand(program);
  return program;
}

await buildCli().parseAsync(process.argv);
