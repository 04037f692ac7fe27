import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document } from 'openapi-backend';
import type { Release } from './catalog.js';

const RELEASES_DIR = fileURLToPath(new URL('../../releases/', import.meta.url));

interface SpecFile {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

/**
 * One OpenAPI document with every operation of a release. Up to 31 the admin-only operations are
 * only in openapi-administration.json (DIFFERENCES.md §2-3); 27 ships a single openapi.json. The
 * union of a release's files is exactly its routes.php (checked for every release in matrix.json).
 */
export function releaseSpec(release: Release): Document {
  const dir = `${RELEASES_DIR}${release.version}/`;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort((a, b) => Number(b.includes('full')) - Number(a.includes('full')));
  const [first, ...rest] = files.map((name) => JSON.parse(readFileSync(dir + name, 'utf8')) as SpecFile);
  for (const other of rest) {
    for (const [path, item] of Object.entries(other.paths)) first.paths[path] = { ...first.paths[path], ...item };
    first.components = { ...first.components, schemas: { ...other.components?.schemas, ...first.components?.schemas } };
  }
  return first as unknown as Document;
}

/** The operationIds of a spec document, in path order. */
export function operationIdsOf(document: Document): string[] {
  return Object.values(document.paths ?? {}).flatMap((item) =>
    Object.values(item ?? {}).flatMap((operation) =>
      operation !== null && typeof operation === 'object' && 'operationId' in operation && typeof operation.operationId === 'string' ? [operation.operationId] : [],
    ),
  );
}
