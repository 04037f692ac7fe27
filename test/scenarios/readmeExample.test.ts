import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createMock } from '../../src/mock.js';

it('the scenario example in README.md loads as written', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Scenario files'));
  const example = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  const loaded = (await createMock()).scenarios.loadDocument(JSON.parse(example ?? 'null'), 'README.md', 'readme');
  expect(loaded.rules.map((live) => live.rule.name)).toEqual(["creating 'staff' -> 102", "alice's third read of any user is reset", 'v1 is slow']);
});
