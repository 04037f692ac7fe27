import { compileDelay, type DelayPicker } from './delay.js';
import { lifetimeLimits, type LifetimeLimits } from './lifetime.js';
import { compileMatch, RuleProblem, type RequestTest } from './requestMatcher.js';
import { compileAnswer, type AnswerAction } from './ruleAnswer.js';
import { ScenarioError } from './scenarioFile.js';
import type { CountCondition, ScenarioRule } from './types.js';

/** A rule ready for the request path: everything parsed, every pattern compiled. */
export interface CompiledRule {
  name: string;
  test: RequestTest;
  /** Whether the n-th request meeting `test` (from 1) is taken. */
  count: ((n: number) => boolean) | null;
  limits: LifetimeLimits;
  delay: DelayPicker | null;
  /** null: delay only, then the request goes on. */
  answer: AnswerAction | null;
}

function compileCount(count: CountCondition): (n: number) => boolean {
  const { from = 1, to = Number.POSITIVE_INFINITY, every = 1 } = count;
  if (from > to) throw new RuleProblem('match.count', `from (${from}) is greater than to (${to})`);
  return (n) => n >= from && n <= to && n % every === 0;
}

/** Compiles one rule of a validated file; semantic mistakes name the file and the rule. */
export function compileRule(rule: ScenarioRule, index: number, file: string, knownOperationIds?: ReadonlySet<string>): CompiledRule {
  try {
    if (rule.answer === undefined && rule.delay === undefined) {
      throw new RuleProblem('answer', 'a rule needs an answer, a delay or both (it would do nothing)');
    }
    const { count, ...criteria } = rule.match ?? {};
    return {
      name: rule.name,
      test: compileMatch(criteria, knownOperationIds),
      count: count ? compileCount(count) : null,
      limits: lifetimeLimits(rule.lifetime),
      delay: rule.delay !== undefined ? compileDelay(rule.delay) : null,
      answer: rule.answer ? compileAnswer(rule.answer) : null,
    };
  } catch (error) {
    if (error instanceof RuleProblem) throw new ScenarioError(file, index, error.message, rule.name);
    throw error;
  }
}
