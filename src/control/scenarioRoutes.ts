import { ScenarioError } from '../scenarios/scenarioFile.js';
import { summarise, type LoadedScenario } from '../scenarios/scenarioSet.js';
import { shippedScenarioNames, UnknownScenarioError } from '../scenarios/shipped.js';
import { ControlError } from './answers.js';
import type { ControlReply, ControlRoute } from './route.js';

/** Loads a scenario; a bad one is a 400 naming the file, rule and reason, an unknown shipped name a 404 listing the known ones. */
function loaded(load: () => LoadedScenario): ControlReply {
  try {
    return { status: 201, body: summarise(load()) };
  } catch (error) {
    if (error instanceof UnknownScenarioError) {
      throw new ControlError(404, 'unknown scenario', error.reason, { known: error.known });
    }
    if (error instanceof ScenarioError) {
      throw new ControlError(400, error.message, error.reason, { file: error.file, rule: error.ruleIndex });
    }
    throw error;
  }
}

/** `{"shipped": "<name>"}`: a shipped scenario by name rather than a document. */
function shippedName(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('shipped' in body)) return undefined;
  const { shipped, ...rest } = body as Record<string, unknown>;
  if (typeof shipped !== 'string' || Object.keys(rest).length > 0) {
    throw new ControlError(400, 'invalid shipped scenario request', 'expected {"shipped": "<name>"} and nothing else');
  }
  return shipped;
}

/** Failure scenarios at run time: list, load (a document or a shipped name), remove. */
export const SCENARIO_ROUTES: readonly ControlRoute[] = [
  {
    method: 'GET',
    path: '/__admin/scenarios',
    writes: false,
    summary: 'the loaded scenarios, with per-rule matched/applied counters',
    handle: ({ scope }) => ({ status: 200, body: { scenarios: scope().scenarios.list() } }),
  },
  {
    method: 'POST',
    path: '/__admin/scenarios',
    writes: true,
    summary: 'load a scenario document, or {"shipped": "<name>"}; replaces one of the same name',
    handle: ({ scope, body }) => {
      if (body === undefined) throw new ControlError(400, 'missing body', 'send a scenario document or {"shipped": "<name>"} as JSON');
      const shipped = shippedName(body);
      const { scenarios } = scope();
      if (shipped !== undefined) return loaded(() => scenarios.loadShipped(shipped));
      const named = typeof body === 'object' && body !== null && 'name' in body;
      return loaded(() => scenarios.loadDocument(body, 'POST /__admin/scenarios', named ? 'unnamed' : scenarios.freshName('runtime')));
    },
  },
  {
    method: 'DELETE',
    path: '/__admin/scenarios',
    writes: true,
    summary: 'remove every scenario',
    handle: ({ scope }) => {
      scope().scenarios.clear();
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/__admin/scenarios/shipped',
    writes: false,
    summary: 'the names of the shipped scenarios',
    handle: () => ({ status: 200, body: { shipped: shippedScenarioNames() } }),
  },
  {
    method: 'POST',
    path: '/__admin/scenarios/shipped/{name}',
    writes: true,
    summary: 'load a shipped scenario by name (the same as POST /__admin/scenarios {"shipped": "<name>"})',
    handle: ({ scope, params }) => loaded(() => scope().scenarios.loadShipped(params.name)),
  },
  {
    method: 'DELETE',
    path: '/__admin/scenarios/{name}',
    writes: true,
    summary: 'remove one scenario by name',
    handle: ({ scope, params }) => {
      const { scenarios } = scope();
      if (scenarios.remove(params.name)) return { status: 204 };
      throw new ControlError(404, 'unknown scenario', `no scenario named "${params.name}" is loaded`, { loaded: scenarios.list().map((s) => s.name) });
    },
  },
];
