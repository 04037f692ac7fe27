import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError, SHIPPED_SCENARIOS_DIR } from './scenarioFile.js';

/** A shipped scenario's name: its file name in scenarios/ without `.json`. */
const SHIPPED_NAME = /^[a-z0-9][a-z0-9-]*$/;
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
  return readdirSync(SHIPPED_SCENARIOS_DIR)
    .filter((file) => file.endsWith('.json') && file !== SCHEMA_FILE)
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** A scenario source is a shipped name when it has no `/` (or `\`) and does not end in `.json`. */
export function isShippedName(source: string): boolean {
  return !/[/\\]/.test(source) && !/\.json$/i.test(source);
}

/** The file of a shipped scenario; throws UnknownScenarioError listing the known names. */
export function shippedScenarioFile(name: string): string {
  const file = join(SHIPPED_SCENARIOS_DIR, `${name}.json`);
  if (!SHIPPED_NAME.test(name) || !existsSync(file)) throw new UnknownScenarioError(name, shippedScenarioNames());
  return file;
}
