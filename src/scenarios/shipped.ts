import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_NAME, shippedNames } from '../shippedFiles.js';
import { ScenarioError, SHIPPED_SCENARIOS_DIR } from './scenarioFile.js';

const SCHEMA_FILE = 'scenario.schema.json';

/** A name that is not one of the shipped scenarios; `known` lists those that are. */
export class UnknownScenarioError extends ScenarioError {
  constructor(
    readonly scenario: string,
    readonly known: readonly string[],
  ) {
    super(scenario, null, `no shipped scenario named "${scenario}"; known: ${known.join(', ')}`);
    this.name = 'UnknownScenarioError';
  }
}

/** The names of the scenarios shipped in scenarios/, sorted. */
export function shippedScenarioNames(): string[] {
  return shippedNames(SHIPPED_SCENARIOS_DIR, SCHEMA_FILE);
}

/** The file of a shipped scenario; throws UnknownScenarioError listing the known names. */
export function shippedScenarioFile(name: string): string {
  const file = join(SHIPPED_SCENARIOS_DIR, `${name}.json`);
  if (!SHIPPED_NAME.test(name) || !existsSync(file)) throw new UnknownScenarioError(name, shippedScenarioNames());
  return file;
}
