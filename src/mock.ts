import type { IncomingMessage, ServerResponse } from 'node:http';
import { createOcsHandler, type PipelineContext } from './http/ocsHandler.js';
import { RouteTable } from './http/routeTable.js';
import { loadSpec, routesFromSpec, specBackend } from './http/specRoutes.js';
import { checkHandled, EXTRA_ROUTES, operationsFor, type OperationBinding } from './operations.js';
import { createState } from './state/createState.js';
import { checkFixture, DEFAULT_FIXTURE, loadFixtureFile, type Fixture } from './state/fixtureFile.js';
import type { Clock } from './state/logins.js';
import type { State } from './state/model.js';
import { NEWEST_RELEASE, resolveRelease } from './releases/catalog.js';
import type { ReleaseProfile } from './releases/profile.js';
import { profileOf, shippedAppVersions } from './releases/profiles.js';
import { releaseSpec } from './releases/spec.js';
import { DEFAULT_JOURNAL_SIZE, Journal, type RequestFilter } from './observe/journal.js';
import type { RequestRecord } from './observe/record.js';
import { RequestLog, type LogOptions } from './observe/requestLog.js';
import { inlineScenario, type FailAnswer } from './scenarios/inlineRule.js';
import { ScenarioSet, summarise, type ScenarioSummary } from './scenarios/scenarioSet.js';
import type { Lifetime, ScenarioFile } from './scenarios/types.js';

export interface MockOptions {
  /** A fixture file path or object; default fixtures/default.json. */
  fixture?: string | Fixture;
  /** Add this many generated users (deterministic for a seed). */
  users?: number;
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
}

/** The parts of a mock that `reset` puts back; `keep` leaves the named ones as they are. */
export const RESETTABLE_PARTS = ['state', 'scenarios', 'journal'] as const;
export type ResettablePart = (typeof RESETTABLE_PARTS)[number];

export interface ResetOptions {
  keep?: readonly ResettablePart[];
}

/** What `mock.fail` returns: the loaded one-rule scenario, to inspect or remove. */
export interface FailHandle {
  readonly name: string;
  /** The rule's counters now. */
  summary(): ScenarioSummary | undefined;
  /** Takes the rule out; false when it was already gone (removed, or a reset took it). */
  remove(): boolean;
}

/**
 * One fake Nextcloud: its state, routes, scenarios and pipeline. Nothing is shared between
 * instances, so several mocks can live in one process.
 */
export class OcsMock implements PipelineContext {
  state: State;
  readonly operations: Record<string, OperationBinding>;
  /** The failure scenarios, tried before every route. */
  readonly scenarios: ScenarioSet;
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** The last requests this mock received, oldest first (GET /__admin/requests). */
  readonly journal: Journal;
  readonly log: RequestLog;
  /** How each part goes back to its start. */
  private readonly resetters: Record<ResettablePart, () => void> = {
    state: () => {
      this.state = createState(this.fixture, this.cloudHost, shippedAppVersions(this.profile));
    },
    scenarios: () => this.scenarios.restore(),
    journal: () => this.journal.clear(),
  };

  constructor(
    private readonly fixture: Fixture,
    readonly routes: RouteTable,
    private cloudHost: string,
    readonly profile: ReleaseProfile,
    readonly clock: Clock = Date.now,
    observe: { journalSize?: number; log?: LogOptions } = {},
  ) {
    this.journal = new Journal(observe.journalSize ?? DEFAULT_JOURNAL_SIZE);
    this.log = new RequestLog(observe.log);
    this.state = createState(fixture, cloudHost, shippedAppVersions(profile));
    this.operations = operationsFor(profile);
    this.scenarios = new ScenarioSet(new Set(routes.definitions.map((route) => route.operationId)));
    this.handle = createOcsHandler(() => this);
  }

  /** The journaled requests meeting the filter, oldest first. */
  requests(filter: RequestFilter = {}): RequestRecord[] {
    return this.journal.list(filter);
  }

  /**
   * Back to the start: the fixture's state, and the scenarios the mock was created with (those
   * added since go, counters rewound). `keep` names parts to leave as they are.
   */
  reset(options: ResetOptions = {}): void {
    const keep = new Set(options.keep ?? []);
    const unknown = [...keep].find((part) => !RESETTABLE_PARTS.includes(part));
    if (unknown !== undefined) throw new TypeError(`reset: cannot keep "${unknown}" (parts: ${RESETTABLE_PARTS.join(', ')})`);
    for (const part of RESETTABLE_PARTS) if (!keep.has(part)) this.resetters[part]();
  }

  /**
   * Makes one operation fail: a one-rule scenario in the scenario file format (validated like a
   * file), e.g. `mock.fail('groups-add-group', { ocs: 102 }, { times: 1 })`. A reset removes it.
   */
  fail(operationId: string, answer: FailAnswer, lifetime?: Lifetime): FailHandle {
    const name = this.scenarios.freshName('fail');
    const loaded = this.scenarios.loadDocument(inlineScenario(name, operationId, answer, lifetime), `mock.fail("${operationId}")`, name);
    const scenarios = this.scenarios;
    return {
      name,
      summary: () => (scenarios.has(loaded) ? summarise(loaded) : undefined),
      remove: () => scenarios.has(loaded) && scenarios.remove(name),
    };
  }

  /** Where cloud ids point, once the listening address is known. */
  setCloudHost(host: string): void {
    this.cloudHost = host;
    this.state.settings.cloudHost = host;
  }
}

export async function createMock(options: MockOptions = {}): Promise<OcsMock> {
  let fixture =
    typeof options.fixture === 'object' ? checkFixture(options.fixture) : loadFixtureFile(options.fixture ?? DEFAULT_FIXTURE);
  if (options.users && options.users > 0) {
    // faker is the heaviest import; only runs that generate users pay for it.
    const { addGeneratedUsers } = await import('./state/generateUsers.js');
    fixture = addGeneratedUsers(fixture, options.users, options.seed ?? 1);
  }
  const release = resolveRelease(options.nextcloud ?? fixture.nextcloud ?? NEWEST_RELEASE.version);
  const api = options.spec ? await loadSpec(options.spec) : await specBackend(releaseSpec(release));
  const definitions = routesFromSpec(api);
  checkHandled(definitions, options.spec ?? `Nextcloud ${release.version}`);
  const routes = new RouteTable([...definitions, ...EXTRA_ROUTES]);
  const mock = new OcsMock(fixture, routes, options.cloudHost ?? 'localhost', profileOf(release), options.clock, {
    journalSize: options.journalSize,
    log: options.log,
  });
  options.scenarios?.forEach((source, i) => mock.scenarios.load(source, `options.scenarios[${i}]`));
  mock.scenarios.markStartUp();
  return mock;
}
