// Rewrites the generated operations table of README.md from the built route and operation tables.
import { readFileSync, writeFileSync } from 'node:fs';
import { firstReleases, renderOperationsTable, replaceOperationsTable } from '../dist/docs/operationsTable.js';
import { loadSpec, routesFromSpec } from '../dist/http/specRoutes.js';
import { EXTRA_ROUTES, OPERATIONS } from '../dist/operations.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const api = await loadSpec();
const table = renderOperationsTable([...routesFromSpec(api), ...EXTRA_ROUTES], OPERATIONS, firstReleases());
writeFileSync(readmeUrl, replaceOperationsTable(readFileSync(readmeUrl, 'utf8'), table));
console.log('README.md operations table updated');
