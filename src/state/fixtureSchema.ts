import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv, AnySchema, ValidateFunction } from 'ajv';

/**
 * The fixture schema as one validator, made two ways from the same schema and options: compiled
 * by the build into standalone code (`npm run build` writes fixtureValidator.cjs next to this
 * module: start-up then loads no Ajv, ~130 ms), or compiled here when that file is absent (tests run
 * the sources).
 */
export const FIXTURE_SCHEMA_FILE = fileURLToPath(new URL('../../fixtures/fixture.schema.json', import.meta.url));
export const PRECOMPILED_VALIDATOR_FILE = fileURLToPath(new URL('../state/fixtureValidator.cjs', import.meta.url));

const require = createRequire(import.meta.url);

/** An Ajv with the fixture's options and formats; `source` keeps the code for standalone output. */
export function fixtureAjv(source = false): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  // ajv-formats ships CommonJS: its export is the function.
  const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;
  return addFormats(new AjvClass({ allErrors: false, strict: false, code: { source } }));
}

export function fixtureSchema(): AnySchema {
  return JSON.parse(readFileSync(FIXTURE_SCHEMA_FILE, 'utf8')) as AnySchema;
}

/** The build's standalone validator, else one compiled now. */
export function loadFixtureValidator(): ValidateFunction {
  try {
    return require(PRECOMPILED_VALIDATOR_FILE) as ValidateFunction;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return fixtureAjv().compile(fixtureSchema());
  }
}
