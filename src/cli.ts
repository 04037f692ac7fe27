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

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return parsed;
  };
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

interface ServeFlags {
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
}

async function serve(flags: ServeFlags): Promise<void> {
  let running;
  try {
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
    if (error instanceof FixtureError) {
      console.error(`ocs-mock: invalid fixture: ${error.message}`);
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
  if (admin) console.log(`  admin login: ${admin.id} / ${admin.password}`);
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
    .version('0.1.0');
  program
    .command('serve', { isDefault: true })
    .description('serve a fake Nextcloud (OCS v1 and v2) seeded from a fixture')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', integer('--port', 0, 65535), 8080)
    .option('-H, --host <host>', 'address to listen on', '127.0.0.1')
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
    .option('--control-token <token>', 'every control API request (/__admin) needs Authorization: Bearer <token>')
    .option('--no-control', 'no control API: /__admin answers 404')
    .action(serve);
  addCheckCommand(program);
  return program;
}

await buildCli().parseAsync(process.argv);
