import { readFileSync } from 'node:fs';
import type { Document } from 'openapi-backend';
import type { RouteDefinition } from '../http/routeTable.js';
import { ocsRelativePath, routesFromSpec } from '../http/specRoutes.js';
import type { Release } from '../releases/catalog.js';
import { releaseSpec } from '../releases/spec.js';
import { isSpecDefect } from '../releases/specDefects.js';
import { holdEntriesToFullRecords, isPhpEmptyObject, type AjvError } from './schemaRules.js';
import { CheckError, type JsonValue } from './types.js';

export { valueAt } from './schemaRules.js';

export interface SpecOperation {
  id: string;
  method: string;
  /** Relative to /ocs/v{1,2}.php. */
  path: string;
  tags: string[];
  /** HTTP statuses the spec documents a response (and schema) for. */
  statuses: number[];
}

export interface SchemaViolation {
  instancePath: string;
  message: string;
}

/** The spec the checker validates against: its operations, their routes and ajv response validation. */
export interface Contract {
  /** The --spec file, or `releases/<version>` for a release's own specs. */
  file: string;
  operations: SpecOperation[];
  /** The route table the spec describes, as the server builds it. */
  routes: RouteDefinition[];
  /** Every schema violation of a JSON body for `status`; none when the spec has no schema for it. */
  validate(operationId: string, status: number, body: JsonValue): SchemaViolation[];
}

/** Where a contract comes from: a spec file (`--spec`) or a release's own specs. */
export type ContractSource = { file: string } | { release: Release };

function readDefinition(source: ContractSource): { label: string; definition: Document } {
  if ('release' in source) return { label: `releases/${source.release.version}`, definition: releaseSpec(source.release) };
  try {
    return { label: source.file, definition: JSON.parse(readFileSync(source.file, 'utf8')) as Document };
  } catch (error) {
    throw new CheckError(2, `cannot read spec ${source.file}: ${(error as Error).message}`);
  }
}

/**
 * Reads the spec; spec errors are CheckErrors with exit code 2. `release` is the server's release
 * whose known spec defects are no violations.
 */
export async function loadContract(source: ContractSource, release: Release): Promise<Contract> {
  const { label, definition } = readDefinition(source);
  if (typeof definition !== 'object' || definition === null || typeof definition.paths !== 'object') {
    throw new CheckError(2, `invalid spec ${label}: not an OpenAPI document with paths`);
  }
  holdEntriesToFullRecords(definition);
  // The server's loader (quick mode: validators compile on first use), but reporting every error, not the first.
  const { OpenAPIBackend } = await import('openapi-backend');
  const api = new OpenAPIBackend({ definition, quick: true, ajvOpts: { allErrors: true } });
  try {
    await api.init();
  } catch (error) {
    throw new CheckError(2, `invalid spec ${label}: ${(error as Error).message}`);
  }
  const operations = api.getOperations().map((operation): SpecOperation => ({
    id: operation.operationId ?? `${operation.method} ${operation.path}`,
    method: operation.method.toUpperCase(),
    path: ocsRelativePath(operation.path),
    tags: operation.tags ?? [],
    statuses: Object.keys(operation.responses ?? {}).map(Number).filter(Number.isInteger),
  }));
  if (operations.length === 0) throw new CheckError(2, `invalid spec ${label}: it has no operations`);
  const byId = new Map(operations.map((operation) => [operation.id, operation]));
  return {
    file: label,
    operations,
    routes: routesFromSpec(api),
    validate(operationId, status, body) {
      if (!byId.get(operationId)?.statuses.includes(status)) return [];
      const result = api.validateResponse(body, operationId, status);
      const errors = (result.errors ?? []) as AjvError[];
      return summarise(errors.filter((error) => !isPhpEmptyObject(error, body) && !isSpecDefect(release, operationId, error)));
    },
  };
}

/**
 * One violation per error, in ajv's order, but one per place for types: ajv reports each branch of
 * a oneOf/anyOf ("must be boolean", "must be integer", "must match exactly one schema in oneOf");
 * say "must be boolean or integer" instead. A combinator's own error only counts where its branches
 * left none at or below its place (a value matching two branches of a oneOf).
 */
function summarise(errors: AjvError[]): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  const typesAt = new Map<string, SchemaViolation>();
  const combinators = errors.filter((error) => ['oneOf', 'anyOf'].includes(error.keyword));
  for (const error of errors) {
    if (['oneOf', 'anyOf', 'if'].includes(error.keyword)) continue;
    if (error.keyword === 'type') {
      const seen = typesAt.get(error.instancePath);
      if (seen) {
        seen.message += ` or ${error.params.type}`;
        continue;
      }
      const violation = { instancePath: error.instancePath, message: `must be ${error.params.type}` };
      typesAt.set(error.instancePath, violation);
      violations.push(violation);
      continue;
    }
    const message = error.message ?? error.keyword;
    if (!violations.some((v) => v.instancePath === error.instancePath && v.message === message)) violations.push({ instancePath: error.instancePath, message });
  }
  for (const error of combinators) {
    const place = error.instancePath;
    const explained = violations.some((v) => v.instancePath === place || v.instancePath.startsWith(`${place}/`));
    if (!explained) violations.push({ instancePath: place, message: error.message ?? error.keyword });
  }
  return violations;
}
