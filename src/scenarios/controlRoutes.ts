import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { ScenarioError, SHIPPED_SCENARIOS_DIR } from './scenarioFile.js';
import { summarise, type ScenarioSet } from './scenarioSet.js';

const SHIPPED_NAME = /^[a-z0-9][a-z0-9-]*$/;

function refusal(error: unknown): { status: number; body: Record<string, unknown> } {
  if (error instanceof ScenarioError) {
    return { status: 400, body: { error: error.message, file: error.file, rule: error.ruleIndex, reason: error.reason } };
  }
  throw error;
}

/**
 * /__admin/scenarios: list scenarios with their counters, load one (a document in the body, or a
 * shipped one by name), remove one or all. For test suites that switch failures on and off.
 */
export function scenarioRoutes(scenarios: ScenarioSet): express.Router {
  const router = express.Router();
  router.get('/__admin/scenarios', (_req, res) => {
    res.json({ scenarios: scenarios.list() });
  });
  let unnamed = 0;
  router.post('/__admin/scenarios', express.json({ limit: '1mb' }), (req, res) => {
    try {
      const body: unknown = req.body;
      const named = typeof body === 'object' && body !== null && 'name' in body;
      const loaded = scenarios.loadDocument(body, 'POST /__admin/scenarios', `runtime-${unnamed + 1}`);
      if (!named) unnamed++;
      res.status(201).json(summarise(loaded));
    } catch (error) {
      const { status, body } = refusal(error);
      res.status(status).json(body);
    }
  });
  router.post('/__admin/scenarios/shipped/:name', (req, res) => {
    const file = join(SHIPPED_SCENARIOS_DIR, `${req.params.name}.json`);
    if (!SHIPPED_NAME.test(req.params.name) || !existsSync(file)) {
      res.status(404).json({ error: `no shipped scenario "${req.params.name}" (see scenarios/ in the package)` });
      return;
    }
    try {
      res.status(201).json(summarise(scenarios.loadFile(file)));
    } catch (error) {
      const { status, body } = refusal(error);
      res.status(status).json(body);
    }
  });
  router.delete('/__admin/scenarios', (_req, res) => {
    scenarios.clear();
    res.status(204).end();
  });
  router.delete('/__admin/scenarios/:name', (req, res) => {
    if (scenarios.remove(req.params.name)) res.status(204).end();
    else res.status(404).json({ error: `no scenario named "${req.params.name}"` });
  });
  return router;
}
