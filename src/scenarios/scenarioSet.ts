import type { ServerResponse } from 'node:http';
import { ControlError, writeControlError } from '../control/answers.js';
import type { Interceptor, OcsRequest, Responder } from '../http/ocsHandler.js';
import { compileRule, type CompiledRule } from './compileRule.js';
import { wait } from './delay.js';
import { checkScenarioDocument, readScenarioFile, scenarioName } from './scenarioFile.js';
import { isShippedName } from '../shippedFiles.js';
import { shippedScenarioFile, UnknownScenarioError } from './shipped.js';
import type { ScenarioFile } from './types.js';

/** The per-request switch to one shipped scenario, as Prism's `Prefer` header is to one example. */
export const SCENARIO_HEADER = 'x-mock-scenario';

/** One rule with its counters, which POST /__admin/reset rewinds. */
export class LiveRule {
  /** Requests that met the criteria (count included: those are what `after` skips). */
  private eligible = 0;
  matched = 0;
  applied = 0;
  retired = false;

  constructor(readonly rule: CompiledRule) {}

  /** Counts the request and says whether the rule applies to it now. */
  admit(request: OcsRequest): boolean {
    if (this.retired || !this.rule.test(request)) return false;
    this.matched++;
    if (this.rule.count && !this.rule.count(this.matched)) return false;
    this.eligible++;
    const { after, times } = this.rule.limits;
    if (this.eligible <= after || (times !== null && this.applied >= times)) return false;
    this.applied++;
    return true;
  }

  rewind(): void {
    this.eligible = this.matched = this.applied = 0;
    if (this.rule.limits.untilReset) this.retired = true;
  }
}

export interface LoadedScenario {
  name: string;
  /** The file it came from; absent for scenarios given as objects. */
  file?: string;
  description?: string;
  maintenance: boolean;
  rules: LiveRule[];
}

export interface RuleSummary {
  name: string;
  /** Requests that met the rule's criteria since load or reset. */
  matched: number;
  /** Times the rule delayed or answered since load or reset. */
  applied: number;
  /** False once an until-reset rule has been reset. */
  active: boolean;
}

export interface ScenarioSummary {
  name: string;
  file?: string;
  description?: string;
  /** Present (true) when the scenario puts the server in maintenance mode. */
  maintenance?: true;
  rules: RuleSummary[];
}

/**
 * The scenarios of one mock, tried in load order before every route. The first rule that answers
 * wins; a delay-only rule waits and lets later rules and the real handler go on. When a loaded
 * scenario declares maintenance, the server's own maintenance answer comes after the rules, in
 * place of login, routing and the handler (as ocs/v1.php checks it first).
 */
export class ScenarioSet {
  private scenarios: LoadedScenario[] = [];
  /** What a reset returns to: the scenarios loaded when the mock was created. */
  private startUp: LoadedScenario[] = [];
  /** All rules of all scenarios in order, flattened once per load so the request path is one loop. */
  private rules: LiveRule[] = [];
  private inMaintenance = false;
  /** Shipped scenarios compiled for the per-request header, once each. */
  private readonly forcible = new Map<string, LoadedScenario>();
  /** The last number given to a generated name, per prefix (`runtime`, `fail`). */
  private readonly numbered = new Map<string, number>();

  constructor(private readonly knownOperationIds?: ReadonlySet<string>) {}

  /** Loads (or replaces, by name) a scenario file; throws ScenarioError naming the file, rule and reason. */
  loadFile(file: string): LoadedScenario {
    return this.install(readScenarioFile(file), file, file);
  }

  /** Loads a shipped scenario by name (`maintenance-mode`); throws UnknownScenarioError listing the known names. */
  loadShipped(name: string): LoadedScenario {
    return this.loadFile(shippedScenarioFile(name));
  }

  /** A shipped name, a file path (with `/` or ending in `.json`) or a document (`label` names it in errors). */
  load(source: string | ScenarioFile, label: string): LoadedScenario {
    if (typeof source !== 'string') return this.loadDocument(source, label, this.freshName('scenario'));
    return isShippedName(source) ? this.loadShipped(source) : this.loadFile(source);
  }

  /** `<prefix>-<n>` for the next n no loaded scenario is named. */
  freshName(prefix: string): string {
    let n = this.numbered.get(prefix) ?? 0;
    do n++;
    while (this.scenarios.some((scenario) => scenario.name === `${prefix}-${n}`));
    this.numbered.set(prefix, n);
    return `${prefix}-${n}`;
  }

  /**
   * Loads (or replaces, by name) a scenario given as a value; `label` stands for the file in error
   * messages, `fallbackName` names it when the document has no `name`.
   */
  loadDocument(candidate: unknown, label: string, fallbackName: string): LoadedScenario {
    const document = checkScenarioDocument(candidate, label);
    return this.install({ ...document, name: document.name ?? fallbackName }, label);
  }

  private compile(document: ScenarioFile, origin: string, file?: string): LoadedScenario {
    const rules = (document.rules ?? []).map((rule, index) => new LiveRule(compileRule(rule, index, origin, this.knownOperationIds)));
    return {
      name: scenarioName(document, origin),
      file,
      description: document.description,
      maintenance: document.maintenance === true,
      rules,
    };
  }

  private install(document: ScenarioFile, origin: string, file?: string): LoadedScenario {
    const loaded = this.compile(document, origin, file);
    const existing = this.scenarios.findIndex((scenario) => scenario.name === loaded.name);
    if (existing === -1) this.scenarios.push(loaded);
    else this.scenarios[existing] = loaded;
    this.flatten();
    return loaded;
  }

  /** Whether this very scenario (not one that replaced it by name) is loaded. */
  has(scenario: LoadedScenario): boolean {
    return this.scenarios.includes(scenario);
  }

  remove(name: string): boolean {
    const before = this.scenarios.length;
    this.scenarios = this.scenarios.filter((scenario) => scenario.name !== name);
    this.flatten();
    return this.scenarios.length !== before;
  }

  clear(): void {
    this.scenarios = [];
    this.flatten();
  }

  /** Back to zero for every counter; until-reset rules stop applying. */
  rewind(): void {
    for (const rule of this.rules) rule.rewind();
  }

  /** The scenarios loaded so far are the ones a reset returns to. */
  markStartUp(): void {
    this.startUp = [...this.scenarios];
  }

  /**
   * A new set holding this one's start-up scenarios as the mock started with them: the same
   * compiled rules (they hold no state), counters of their own. A session's scenarios begin so.
   */
  fork(): ScenarioSet {
    const copy = new ScenarioSet(this.knownOperationIds);
    copy.startUp = this.startUp.map((scenario) => ({ ...scenario, rules: scenario.rules.map((live) => new LiveRule(live.rule)) }));
    copy.scenarios = [...copy.startUp];
    copy.flatten();
    return copy;
  }

  /** Back to the start-up scenarios (those loaded later go), every counter rewound. */
  restore(): void {
    this.scenarios = [...this.startUp];
    this.numbered.clear();
    this.flatten();
    this.rewind();
  }

  list(): ScenarioSummary[] {
    return this.scenarios.map((scenario) => summarise(scenario));
  }

  /** Whether a loaded scenario puts the server in maintenance mode (config.php 'maintenance' => true). */
  get maintenance(): boolean {
    return this.inMaintenance;
  }

  readonly intercept: Interceptor = (request, res, respond) => {
    const forced = request.headers[SCENARIO_HEADER];
    if (forced !== undefined) return this.interceptForced(forced, request, res, respond);
    if (this.rules.length === 0 && !this.inMaintenance) return false;
    return applyRules(this.rules, this.inMaintenance, request, res, respond);
  };

  /** The header's shipped scenario first, with fresh counters for this request alone; then the loaded ones. */
  private async interceptForced(header: string | string[], request: OcsRequest, res: ServerResponse, respond: Responder): Promise<boolean> {
    const scenario = this.forced(header, res);
    if (!scenario) return true;
    const rules = scenario.rules.map((live) => new LiveRule(live.rule));
    if (await applyRules(rules, scenario.maintenance, request, res, respond)) return true;
    return applyRules(this.rules, this.inMaintenance, request, res, respond);
  }

  /** The shipped scenario the header names; an unknown name is answered with a 400 (none then). */
  private forced(header: string | string[], res: ServerResponse): LoadedScenario | undefined {
    const name = Array.isArray(header) ? header.join(',') : header.trim();
    let scenario = this.forcible.get(name);
    if (scenario) return scenario;
    try {
      const file = shippedScenarioFile(name);
      scenario = this.compile(readScenarioFile(file), file, file);
    } catch (error) {
      if (!(error instanceof UnknownScenarioError)) throw error;
      const refusal = new ControlError(400, 'unknown scenario in X-Mock-Scenario', error.reason, { known: error.known });
      writeControlError(res, refusal);
      return undefined;
    }
    this.forcible.set(name, scenario);
    return scenario;
  }

  private flatten(): void {
    this.rules = this.scenarios.flatMap((scenario) => scenario.rules);
    this.inMaintenance = this.scenarios.some((scenario) => scenario.maintenance);
  }
}

/**
 * Tries the rules in order: the first that answers wins; a delay-only rule waits and lets later
 * rules and the real handler go on. Maintenance answers after the rules. True when answered.
 */
async function applyRules(rules: LiveRule[], maintenance: boolean, request: OcsRequest, res: ServerResponse, respond: Responder): Promise<boolean> {
  for (const live of rules) {
    if (!live.admit(request)) continue;
    const { delay, answer } = live.rule;
    if (delay) await wait(delay(), res);
    if (answer) {
      request.answeredBy = live.rule.name;
      // The client may have given up during the delay: there is nobody left to answer.
      if (!res.destroyed) await answer(request, res, respond);
      return true;
    }
  }
  if (!maintenance) return false;
  request.answeredBy = 'maintenance';
  if (!res.destroyed) respond.maintenance();
  return true;
}

export function summarise(scenario: LoadedScenario): ScenarioSummary {
  return {
    name: scenario.name,
    file: scenario.file,
    description: scenario.description,
    ...(scenario.maintenance ? { maintenance: true as const } : {}),
    rules: scenario.rules.map((live) => ({ name: live.rule.name, matched: live.matched, applied: live.applied, active: !live.retired })),
  };
}
