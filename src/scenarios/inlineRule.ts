import type { Fault, HttpAnswer, Lifetime, OcsAnswer, ScenarioFile } from './types.js';

/** What `mock.fail` answers: a rule's answer, with a bare status code standing for `{statuscode}` / `{status}`. */
export type FailAnswer = { ocs: number | OcsAnswer } | { http: number | HttpAnswer } | { fault: Fault };

/** The one-rule scenario `mock.fail(operationId, answer, lifetime)` loads, in the scenario file format. */
export function inlineScenario(name: string, operationId: string, answer: FailAnswer, lifetime?: Lifetime): ScenarioFile {
  let ruleAnswer;
  if ('ocs' in answer) ruleAnswer = { ocs: typeof answer.ocs === 'number' ? { statuscode: answer.ocs } : answer.ocs };
  else if ('http' in answer) ruleAnswer = { http: typeof answer.http === 'number' ? { status: answer.http } : answer.http };
  else ruleAnswer = answer;
  return {
    name,
    rules: [{ name: `${operationId} fails`, match: { operationId }, answer: ruleAnswer, ...(lifetime === undefined ? {} : { lifetime }) }],
  };
}
