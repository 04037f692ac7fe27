import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { JsonSyntaxError, parseJsonText } from '../jsonText.js';
import type { ScenarioFile } from './types.js';

export const SCENARIO_SCHEMA_FILE = fileURLToPath(new URL('../../scenarios/scenario.schema.json', import.meta.url));
/** The ready-made scenarios shipped with the package. */
export const SHIPPED_SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** A scenario that cannot be loaded: the file, the rule (index and name) when one is at fault, and why. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly ruleIndex: number | null,
    readonly reason: string,
    readonly ruleName?: string,
    /** Where a syntax error is (1-based), for a file that is not JSON. */
    readonly at?: { line: number; column: number },
  ) {
    const rule = ruleIndex === null ? '' : ` rule ${ruleIndex}${ruleName ? ` ("${ruleName}")` : ''}:`;
    super(at ? `${file}:${at.line}:${at.column}: ${reason}` : `${file}:${rule} ${reason}`);
    this.name = 'ScenarioError';
  }
}

let validateScenario: ValidateFunction | undefined;
const require = createRequire(import.meta.url);

function scenarioValidator(): ValidateFunction {
  // Ajv loads with the first scenario, not at start-up. verbose: errors carry their schema, so a
  // message can list the allowed property names.
  const { Ajv } = require('ajv') as typeof import('ajv');
  validateScenario ??= new Ajv({ allErrors: false, strict: false, verbose: true }).compile(
    JSON.parse(readFileSync(SCENARIO_SCHEMA_FILE, 'utf8')),
  );
  return validateScenario;
}

function depth(error: ErrorObject): number {
  return error.instancePath === '' ? 0 : error.instancePath.split('/').length - 1;
}

function propertyNames(error: ErrorObject): string {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return Object.keys(properties ?? {}).join(', ');
}

/**
 * anyOf reports one error per branch: the deepest one points at the real mistake; at equal depth a
 * wrong value says more than "must be <type>", and type errors alone are merged ("string or array").
 */
function mostTelling(errors: ErrorObject[]): ErrorObject[] {
  const candidates = errors.filter((error) => error.keyword !== 'anyOf');
  const deepest = Math.max(...candidates.map(depth));
  const atDepth = candidates.filter((error) => depth(error) === deepest);
  const specific = atDepth.find((error) => error.keyword !== 'type' && !enumOfOtherType(error));
  return specific ? [specific] : atDepth;
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** An enum of strings says nothing about an object given in another anyOf branch's place. */
function enumOfOtherType(error: ErrorObject): boolean {
  if (error.keyword !== 'enum') return false;
  const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
  return !allowed.some((value) => jsonType(value) === jsonType(error.data));
}

function describe(errors: ErrorObject[]): string {
  const [error] = errors;
  switch (error.keyword) {
    case 'type': {
      const types = [...new Set(errors.flatMap((e) => String((e.params as { type: string }).type).split(',')))];
      return `must be ${types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types.at(-1)}` : types[0]}`;
    }
    case 'additionalProperties':
      return `unknown property "${(error.params as { additionalProperty: string }).additionalProperty}" (expected: ${propertyNames(error)})`;
    case 'enum':
      return `must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'minProperties':
    case 'maxProperties': {
      const schema = error.parentSchema as { minProperties?: number; maxProperties?: number };
      const exactlyOne = schema.minProperties === 1 && schema.maxProperties === 1;
      return `must have ${exactlyOne ? 'exactly one' : 'at least one'} of: ${propertyNames(error)}`;
    }
    case 'pattern':
      return error.schemaPath.includes('pathGlob')
        ? 'must start with "/" (the path below /ocs/v2.php, e.g. /cloud/groups) or "*"'
        : (error.message ?? 'does not match its pattern');
    default:
      return error.message ?? error.keyword;
  }
}

/** `/rules/3/answer/ocs` -> rule 3, field `answer.ocs`. */
function locate(instancePath: string): { ruleIndex: number | null; field: string } {
  const segments = instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments[0] === 'rules' && segments.length >= 2) return { ruleIndex: Number(segments[1]), field: segments.slice(2).join('.') };
  return { ruleIndex: null, field: segments.join('.') };
}

/** Checks a parsed document against scenarios/scenario.schema.json. */
export function checkScenarioDocument(candidate: unknown, file: string): ScenarioFile {
  const validate = scenarioValidator();
  if (validate(candidate)) {
    const document = candidate as ScenarioFile;
    if (!document.rules && document.maintenance !== true) {
      throw new ScenarioError(file, null, 'a scenario needs "rules", "maintenance": true or both (it would do nothing)');
    }
    return document;
  }
  const errors = mostTelling(validate.errors ?? []);
  if (errors.length === 0) throw new ScenarioError(file, null, 'invalid scenario file');
  const { ruleIndex, field } = locate(errors[0].instancePath);
  const rules = (candidate as { rules?: unknown }).rules;
  const ruleName = ruleIndex !== null && Array.isArray(rules) ? (rules[ruleIndex] as { name?: unknown } | undefined)?.name : undefined;
  const reason = describe(errors);
  throw new ScenarioError(file, ruleIndex, field ? `${field}: ${reason}` : reason, typeof ruleName === 'string' ? ruleName : undefined);
}

/** Reads and validates a scenario file (JSON). */
export function readScenarioFile(file: string): ScenarioFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(file, null, `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = parseJsonText(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new ScenarioError(file, null, `not valid JSON: ${error.reason} (scenario files are JSON only)`, undefined, error);
  }
  return checkScenarioDocument(parsed, file);
}

/** The name a scenario goes by: its own `name`, else the file name without `.json`. */
export function scenarioName(scenario: ScenarioFile, file: string): string {
  return scenario.name ?? basename(file).replace(/\.json$/i, '');
}
