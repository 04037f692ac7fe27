import type { OcsMock } from '../mock.js';
import { ScenarioSet } from './scenarioSet.js';

const installed = new WeakMap<OcsMock, ScenarioSet>();

/**
 * The scenario set of a mock, installed on first use: an interceptor in its pipeline and a reset
 * listener that rewinds the counters. Kept outside OcsMock so a mock without scenarios pays nothing.
 */
export function scenariosOf(mock: OcsMock): ScenarioSet {
  let set = installed.get(mock);
  if (!set) {
    const scenarios = new ScenarioSet(new Set(mock.routes.definitions.map((route) => route.operationId)));
    mock.interceptors.push(scenarios.intercept);
    mock.resetListeners.push(() => scenarios.rewind());
    installed.set(mock, scenarios);
    set = scenarios;
  }
  return set;
}
