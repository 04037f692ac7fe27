import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { fixtureAjv, fixtureSchema } from '../../src/state/fixtureSchema.js';
import { ROOT } from '../support/builtCli.js';

// The build compiles the fixture schema into standalone code (dist/state/fixtureValidator.cjs) so
// start-up loads no Ajv; it must judge every fixture as the schema compiled at run time does.
const precompiled = createRequire(import.meta.url)(join(ROOT, 'dist', 'state', 'fixtureValidator.cjs')) as ValidateFunction;
const compiled = fixtureAjv().compile(fixtureSchema());

const defaultFixture = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'default.json'), 'utf8')) as Record<string, unknown>;
const user = { id: 'zoe', password: 'secret-zoe' };
const candidates: Record<string, unknown> = {
  'the default fixture': defaultFixture,
  'no users': { groups: [] },
  'an unknown property': { groups: [], users: [], colour: 'red' },
  'a user id with a slash': { groups: [], users: [{ ...user, id: 'a/b' }] },
  'a last login that is no date': { groups: [], users: [{ ...user, lastLogin: 'yesterday' }] },
  'a last login as ISO 8601': { groups: [], users: [{ ...user, lastLogin: '2026-01-02T03:04:05Z' }] },
  'an unknown scope': { groups: [], users: [{ ...user, scopes: { email: 'everyone' } }] },
  'an app id in capitals': { groups: [], users: [], apps: [{ id: 'Files', enabled: true }] },
};

function verdict(validate: ValidateFunction, candidate: unknown) {
  const valid = validate(candidate);
  const [first] = validate.errors ?? [];
  return { valid, first: first && { instancePath: first.instancePath, keyword: first.keyword, message: first.message, params: first.params } };
}

describe('the precompiled fixture validator', () => {
  for (const [name, candidate] of Object.entries(candidates)) {
    it(`${name}: the same verdict and first error as the schema compiled now`, () => {
      expect(verdict(precompiled, candidate)).toEqual(verdict(compiled, candidate));
    });
  }

  it('accepts the default fixture and names the first mistake of a bad one', () => {
    expect(verdict(precompiled, defaultFixture)).toEqual({ valid: true, first: undefined });
    expect(verdict(precompiled, candidates['an unknown property'])).toEqual({
      valid: false,
      first: { instancePath: '', keyword: 'additionalProperties', message: 'must NOT have additional properties', params: { additionalProperty: 'colour' } },
    });
  });
});
