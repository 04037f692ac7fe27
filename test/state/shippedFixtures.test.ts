import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMock, FixtureError, shippedFixtureNames, UnknownFixtureError } from '../../src/index.js';
import { ROOT } from '../support/builtCli.js';

// A fixture source is a shipped fixture's name when it has neither a / nor a .json ending, as a
// scenario source is (src/shippedFiles.ts); anything else is a file path, as before.
describe('shipped fixtures by name (fixtures/<name>.json)', () => {
  test('the shipped fixtures are listed by name, the schema left out', () => {
    expect(shippedFixtureNames()).toEqual(['default']);
  });

  test("fixture: 'default' seeds the mock from fixtures/default.json wherever the process runs", async () => {
    const mock = await createMock({ fixture: 'default' });
    const file = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'default.json'), 'utf8')) as { users: { id: string }[]; groups: { id: string }[] };
    expect([...mock.state.users.keys()]).toEqual(file.users.map((user) => user.id));
    expect([...mock.state.groups.keys()]).toEqual(file.groups.map((group) => group.id));
  });

  test('a name that is not shipped -> UnknownFixtureError listing the shipped names', async () => {
    const failure = await createMock({ fixture: 'staging' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnknownFixtureError);
    expect(failure).toMatchObject({ fixture: 'staging', known: ['default'], reason: 'no shipped fixture named "staging"; known: default' });
  });

  test('a source ending in .json or holding a / is a file path: read as given, not looked up by name', async () => {
    for (const source of ['default.json', join('fixtures', 'staging')]) {
      const failure = await createMock({ fixture: source }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(FixtureError);
      expect(failure).not.toBeInstanceOf(UnknownFixtureError);
      expect((failure as FixtureError).message).toBe(`${source}: /: cannot read file (ENOENT)`);
    }
    const byPath = await createMock({ fixture: join(ROOT, 'fixtures', 'default.json') });
    expect(byPath.state.users.size).toBe(5);
  });
});
