import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isShippedName, SHIPPED_NAME, shippedNames } from '../shippedFiles.js';
import { FixtureError, SHIPPED_FIXTURES_DIR } from './fixtureFile.js';

const SCHEMA_FILE = 'fixture.schema.json';

/** A name that is not one of the shipped fixtures; `known` lists those that are. */
export class UnknownFixtureError extends FixtureError {
  constructor(
    readonly fixture: string,
    readonly known: readonly string[],
  ) {
    super(fixture, '', `no shipped fixture named "${fixture}"; known: ${known.join(', ')}`);
    this.name = 'UnknownFixtureError';
  }
}

/** The names of the fixtures shipped in fixtures/, sorted. */
export function shippedFixtureNames(): string[] {
  return shippedNames(SHIPPED_FIXTURES_DIR, SCHEMA_FILE);
}

/** The file a fixture source stands for: a shipped fixture for a name (`default`), the path itself otherwise. */
export function fixtureFileOf(source: string): string {
  if (!isShippedName(source)) return source;
  const file = join(SHIPPED_FIXTURES_DIR, `${source}.json`);
  if (!SHIPPED_NAME.test(source) || !existsSync(file)) throw new UnknownFixtureError(source, shippedFixtureNames());
  return file;
}
