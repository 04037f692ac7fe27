import { Journal, type RequestFilter } from '../observe/journal.js';
import type { RequestRecord } from '../observe/record.js';
import type { ReleaseProfile } from '../releases/profile.js';
import { shippedAppVersions } from '../releases/profiles.js';
import { inlineScenario, type FailAnswer } from '../scenarios/inlineRule.js';
import { summarise, type ScenarioSet, type ScenarioSummary } from '../scenarios/scenarioSet.js';
import type { Lifetime } from '../scenarios/types.js';
import { createState } from '../state/createState.js';
import type { Fixture } from '../state/fixtureFile.js';
import type { State } from '../state/model.js';

/** The parts of a mock (or a session) that `reset` puts back; `keep` leaves the named ones as they are. */
export const RESETTABLE_PARTS = ['state', 'scenarios', 'journal'] as const;
export type ResettablePart = (typeof RESETTABLE_PARTS)[number];

export interface ResetOptions {
  keep?: readonly ResettablePart[];
}

/** What `fail` returns: the loaded one-rule scenario, to inspect or remove. */
export interface FailHandle {
  readonly name: string;
  /** The rule's counters now. */
  summary(): ScenarioSummary | undefined;
  /** Takes the rule out; false when it was already gone (removed, or a reset took it). */
  remove(): boolean;
}

/** What every state of one mock is made from; `cloudHost` changes once the listening address is known. */
export interface StateOrigin {
  readonly fixture: Fixture;
  cloudHost: string;
  readonly profile: ReleaseProfile;
}

export function stateFrom(origin: StateOrigin): State {
  return createState(origin.fixture, origin.cloudHost, shippedAppVersions(origin.profile));
}

/**
 * What a test arranges and reads: a state, a scenario set and a request journal. The mock has one
 * of its own (requests naming no session); every session has another.
 */
export class MockScope {
  state: State;
  /** The failure scenarios, tried before every route. */
  readonly scenarios: ScenarioSet;
  /** The last requests this scope received, oldest first (GET /__admin/requests). */
  readonly journal: Journal;
  /** How each part goes back to its start. */
  private readonly resetters: Record<ResettablePart, () => void> = {
    state: () => {
      this.state = stateFrom(this.origin);
    },
    scenarios: () => this.scenarios.restore(),
    journal: () => this.journal.clear(),
  };

  constructor(
    protected readonly origin: StateOrigin,
    scenarios: ScenarioSet,
    journal: Journal,
    /** How errors name it: `mock`, `mock.session("a")`. */
    private readonly label: string,
  ) {
    this.state = stateFrom(origin);
    this.scenarios = scenarios;
    this.journal = journal;
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
    const loaded = this.scenarios.loadDocument(inlineScenario(name, operationId, answer, lifetime), `${this.label}.fail("${operationId}")`, name);
    const scenarios = this.scenarios;
    return {
      name,
      summary: () => (scenarios.has(loaded) ? summarise(loaded) : undefined),
      remove: () => scenarios.has(loaded) && scenarios.remove(name),
    };
  }
}
