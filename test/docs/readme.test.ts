import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstReleases, renderOperationsTable, TABLE_END, TABLE_START } from '../../src/docs/operationsTable.js';
import { loadSpec, routesFromSpec } from '../../src/http/specRoutes.js';
import { EXTRA_ROUTES, OPERATIONS } from '../../src/operations.js';

describe('README', () => {
  it('lists exactly the operations the route and operation tables serve (run `npm run docs` after changing them)', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const api = await loadSpec();
    const expected = renderOperationsTable([...routesFromSpec(api), ...EXTRA_ROUTES], OPERATIONS, firstReleases());
    const block = readme.slice(readme.indexOf(TABLE_START), readme.indexOf(TABLE_END) + TABLE_END.length);
    expect(block).toBe(expected);
    expect(expected).not.toContain('not served');
    expect(expected.split('\n').filter((line) => line.startsWith('| GET') || line.startsWith('| POST') || line.startsWith('| PUT') || line.startsWith('| PATCH') || line.startsWith('| DELETE'))).toHaveLength(50);
  });

  it('shows the vitest and jest examples exactly as test/readme runs them', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('### Testing with vitest and jest');
    const section = readme.slice(start, readme.indexOf('\n## ', start));
    const blocks = [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
    const example = (name: string) => readFileSync(new URL(`../readme/${name}.example.test.ts`, import.meta.url), 'utf8');
    expect(start).toBeGreaterThan(readme.indexOf('## Library'));
    expect(blocks).toEqual([example('vitest'), example('jest')]);
  });
});
