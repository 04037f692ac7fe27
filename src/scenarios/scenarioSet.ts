import type { Interceptor, OcsRequest } from '../http/ocsHandler.js';
import { compileRule, type CompiledRule } from './compileRule.js';
import { wait } from './delay.js';
import { checkScenarioDocument, readScenarioFile, scenarioName } from './scenarioFile.js';
import type { ScenarioFile } from './types.js';

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
  /** All rules of all scenarios in order, flattened once per load so the request path is one loop. */
  private rules: LiveRule[] = [];
  private inMaintenance = false;

  constructor(private readonly knownOperationIds?: ReadonlySet<string>) {}

  /** Loads (or replaces, by name) a scenario file; throws ScenarioError naming the file, rule and reason. */
  loadFile(file: string): LoadedScenario {
    return this.install(readScenarioFile(file), file, file);
  }

  /**
   * Loads (or replaces, by name) a scenario given as a value; `label` stands for the file in error
   * messages, `fallbackName` names it when the document has no `name`.
   */
  loadDocument(candidate: unknown, label: string, fallbackName: string): LoadedScenario {
    const document = checkScenarioDocument(candidate, label);
    return this.install({ ...document, name: document.name ?? fallbackName }, label);
  }

  private install(document: ScenarioFile, origin: string, file?: string): LoadedScenario {
    const rules = (document.rules ?? []).map((rule, index) => new LiveRule(compileRule(rule, index, origin, this.knownOperationIds)));
    const loaded: LoadedScenario = {
      name: scenarioName(document, origin),
      file,
      description: document.description,
      maintenance: document.maintenance === true,
      rules,
    };
    const existing = this.scenarios.findIndex((scenario) => scenario.name === loaded.name);
    if (existing === -1) this.scenarios.push(loaded);
    else this.scenarios[existing] = loaded;
    this.flatten();
    return loaded;
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

  list(): ScenarioSummary[] {
    return this.scenarios.map((scenario) => summarise(scenario));
  }

  /** Whether a loaded scenario puts the server in maintenance mode (config.php 'maintenance' => true). */
  get maintenance(): boolean {
    return this.inMaintenance;
  }

  readonly intercept: Interceptor = async (request, res, respond) => {
    for (const live of this.rules) {
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
    if (!this.inMaintenance) return false;
    request.answeredBy = 'maintenance';
    if (!res.destroyed) respond.maintenance();
    return true;
  };

  private flatten(): void {
    this.rules = this.scenarios.flatMap((scenario) => scenario.rules);
    this.inMaintenance = this.scenarios.some((scenario) => scenario.maintenance);
  }
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
