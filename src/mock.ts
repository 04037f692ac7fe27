import type { IncomingMessage, ServerResponse } from 'node:http';
import { ControlError, writeControlError } from './control/answers.js';
import { CorsPolicy, type CorsOption } from './http/cors.js';
import { createOcsHandler, type PipelineContext } from './http/ocsHandler.js';
import { RouteTable } from './http/routeTable.js';
import { loadSpec, routesFromSpec } from './http/specRoutes.js';
import { DEFAULT_MAX_BODY_BYTES } from './http/requestParams.js';
import { checkHandled, EXTRA_ROUTES, operationsFor, type OperationBinding } from './operations.js';
import { checkFixture, DEFAULT_FIXTURE, loadFixtureFile, type Fixture } from './state/fixtureFile.js';
import { fixtureFileOf } from './state/shippedFixtures.js';
import type { Clock } from './state/logins.js';
import { NEWEST_RELEASE, resolveRelease } from './releases/catalog.js';
import type { ReleaseProfile } from './releases/profile.js';
import { profileOf } from './releases/profiles.js';
import { releaseRoutes } from './releases/releaseRoutes.js';
import { DEFAULT_JOURNAL_SIZE, Journal } from './observe/journal.js';
import { RequestLog, type LogOptions } from './observe/requestLog.js';
import { ScenarioSet } from './scenarios/scenarioSet.js';
import type { ScenarioFile } from './scenarios/types.js';
import { MockScope } from './sessions/scope.js';
import { checkSessionId, selectSession } from './sessions/select.js';
import type { Session } from './sessions/session.js';
import { DEFAULT_MAX_SESSIONS, DEFAULT_SESSION_IDLE_MS, SessionStore, type SessionLimits } from './sessions/store.js';

export { RESETTABLE_PARTS, type ResettablePart, type ResetOptions, type FailHandle } from './sessions/scope.js';

export interface MockOptions {
  /** A fixture object, a fixture file's path, or a shipped fixture's name (`default`, the default). */
  fixture?: string | Fixture;
  /** Add this many generated users (deterministic for a seed); they join some of the fixture's and the generated groups. */
  users?: number;
  /** Add this many generated groups (deterministic for a seed). */
  groups?: number;
  /** The seed of generated users and groups (default 1): the same seed, the same users, groups and memberships. */
  seed?: number;
  /**
   * The Nextcloud release to emulate: a major (`29`, its newest release we have) or a full version
   * (`31.0.6`). Default: the fixture's `nextcloud`, else the newest release.
   */
  nextcloud?: string;
  /** An OpenAPI document to route from instead of the release's own specs. */
  spec?: string;
  /** Host (and port) used in cloud ids. */
  cloudHost?: string;
  /**
   * Scenarios tried in this order before every route: shipped names (`maintenance-mode`), file
   * paths (with a `/` or ending in `.json`) or documents. A reset keeps them.
   */
  scenarios?: (string | ScenarioFile)[];
  /** Where logins read the time (ms since the epoch); default `Date.now`. Tests pass their own. */
  clock?: Clock;
  /** How many requests the journal keeps (the oldest are dropped); default 1000, 0 keeps none. */
  journalSize?: number;
  /** The request log: level (default silent), format, writer (default stdout) and colour. */
  log?: LogOptions;
  /** How many sessions live at once (default 100); one more is answered 503 until some are dropped or expire. */
  maxSessions?: number;
  /** A session unused this long (ms on `clock`; default 10 minutes) expires: its next use starts afresh. */
  sessionIdleMs?: number;
  /**
   * The mock's own ceiling for an OCS request body (default 64 MiB): a longer one is answered 413 and
   * its connection closed. Bodies up to it are read whole; over PHP's post_max_size (8 MiB) they count as empty.
   */
  maxBodyBytes?: number;
  /**
   * Opt-in CORS for browser clients: `true` for any origin, or the origins allowed (a list or a
   * comma-separated string). OCS routes then answer preflights and echo the Origin as a Nextcloud
   * route marked `#[CORS]` does, and require Basic auth; Nextcloud's own provisioning routes send
   * no CORS headers, which stays the default.
   */
  cors?: CorsOption;
}

/**
 * One fake Nextcloud: its routes and pipeline, its own state, scenarios and journal (for requests
 * naming no session) and its sessions. Nothing is shared between instances, so several mocks can
 * live in one process.
 */
export class OcsMock extends MockScope implements PipelineContext {
  readonly operations: Record<string, OperationBinding>;
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  readonly log: RequestLog;
  /** The sessions of parallel tests (X-Mock-Session, /session/<id>/...). */
  readonly sessions: SessionStore;
  /** Requests naming no session use the mock's own parts. */
  readonly sessionId = null;
  /** Opt-in CORS (option `cors`); null: none, as on a real server. */
  readonly cors: CorsPolicy | null;

  constructor(
    fixture: Fixture,
    readonly routes: RouteTable,
    cloudHost: string,
    readonly profile: ReleaseProfile,
    readonly clock: Clock = Date.now,
    extra: { journalSize?: number; log?: LogOptions; sessions?: Partial<SessionLimits>; maxBodyBytes?: number; cors?: CorsPolicy | null } = {},
  ) {
    const journalSize = extra.journalSize ?? DEFAULT_JOURNAL_SIZE;
    super(
      { fixture, cloudHost, profile },
      new ScenarioSet(new Set(routes.definitions.map((route) => route.operationId))),
      new Journal(journalSize),
      'mock',
    );
    this.log = new RequestLog(extra.log);
    this.operations = operationsFor(profile);
    const limits: SessionLimits = {
      maxSessions: extra.sessions?.maxSessions ?? DEFAULT_MAX_SESSIONS,
      idleMs: extra.sessions?.idleMs ?? DEFAULT_SESSION_IDLE_MS,
    };
    this.sessions = new SessionStore({ origin: this.origin, scenarios: this.scenarios, journalSize, profile, routes, operations: this.operations, clock, log: this.log }, limits);
    this.cors = extra.cors ?? null;
    this.handle = createOcsHandler(
      (req, res) => this.contextOf(req, res),
      { maxBodyBytes: extra.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES },
      this.cors,
    );
  }

  /**
   * The session named `id`, made from the fixture and the start-up scenarios on first use: its
   * state, scenarios, requests, reset and fail, to arrange and read one parallel test's world.
   */
  session(id: string): Session {
    return this.sessions.acquire(checkSessionId(id, 'mock.session(id): id'));
  }

  /** False when there was no such session. */
  dropSession(id: string): boolean {
    return this.sessions.drop(id);
  }

  /** Drops every session; returns how many there were. */
  dropSessions(): number {
    return this.sessions.dropAll();
  }

  /** The session `id` names, or the mock itself when it names none. */
  scopeOf(id: string | undefined): OcsMock | Session {
    return id === undefined ? this : this.sessions.acquire(id);
  }

  /** What serves a request: the session it names, else the mock; undefined once a bad id or the limit has been answered. */
  contextOf(req: IncomingMessage, res: ServerResponse): OcsMock | Session | undefined {
    try {
      return this.scopeOf(selectSession(req.headers, req.url ?? '/'));
    } catch (error) {
      if (!(error instanceof ControlError)) throw error;
      writeControlError(res, error);
      return undefined;
    }
  }

  /** Where cloud ids point, once the listening address is known. */
  setCloudHost(host: string): void {
    this.origin.cloudHost = host;
    this.state.settings.cloudHost = host;
  }
}

export async function createMock(options: MockOptions = {}): Promise<OcsMock> {
  const cors = CorsPolicy.of(options.cors);
  let fixture =
    typeof options.fixture === 'object' ? checkFixture(options.fixture) : loadFixtureFile(fixtureFileOf(options.fixture ?? DEFAULT_FIXTURE));
  // Only runs that generate users or groups load the generators and faker's word lists.
  if (options.groups && options.groups > 0) {
    const { addGeneratedGroups } = await import('./state/generateGroups.js');
    fixture = addGeneratedGroups(fixture, options.groups, options.seed ?? 1);
  }
  if (options.users && options.users > 0) {
    const { addGeneratedUsers } = await import('./state/generateUsers.js');
    fixture = addGeneratedUsers(fixture, options.users, options.seed ?? 1);
  }
  const release = resolveRelease(options.nextcloud ?? fixture.nextcloud ?? NEWEST_RELEASE.version);
  const definitions = options.spec ? routesFromSpec(await loadSpec(options.spec)) : await releaseRoutes(release);
  checkHandled(definitions, options.spec ?? `Nextcloud ${release.version}`);
  const routes = new RouteTable([...definitions, ...EXTRA_ROUTES]);
  const mock = new OcsMock(fixture, routes, options.cloudHost ?? 'localhost', profileOf(release), options.clock, {
    journalSize: options.journalSize,
    log: options.log,
    sessions: { maxSessions: options.maxSessions, idleMs: options.sessionIdleMs },
    maxBodyBytes: options.maxBodyBytes,
    cors,
  });
  options.scenarios?.forEach((source, i) => mock.scenarios.load(source, `options.scenarios[${i}]`));
  mock.scenarios.markStartUp();
  return mock;
}
