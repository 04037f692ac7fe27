import type { PipelineContext } from '../http/ocsHandler.js';
import { Journal } from '../observe/journal.js';
import type { ScenarioSet } from '../scenarios/scenarioSet.js';
import { MockScope, type StateOrigin } from './scope.js';

/** What sessions share with their mock: the release, routes, operations, clock and log, and what they start from. */
export interface SessionBasis extends Omit<PipelineContext, 'state' | 'scenarios' | 'journal' | 'sessionId'> {
  readonly origin: StateOrigin;
  /** Whose start-up scenarios a session begins with. */
  readonly scenarios: ScenarioSet;
  readonly journalSize: number;
}

/** One test's own state, scenarios and journal, made from the mock's fixture and start-up scenarios. */
export class Session extends MockScope implements PipelineContext {
  readonly profile: PipelineContext['profile'];
  readonly routes: PipelineContext['routes'];
  readonly operations: PipelineContext['operations'];
  readonly clock: PipelineContext['clock'];
  readonly log: PipelineContext['log'];
  /** When a request or a call last used it (the mock's clock, ms). */
  lastUsed: number;
  readonly sessionId: string;

  constructor(
    readonly id: string,
    basis: SessionBasis,
  ) {
    super(basis.origin, basis.scenarios.fork(), new Journal(basis.journalSize), `mock.session("${id}")`);
    ({ profile: this.profile, routes: this.routes, operations: this.operations, clock: this.clock, log: this.log } = basis);
    this.lastUsed = basis.clock();
    this.sessionId = id;
  }
}
