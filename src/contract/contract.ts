import { readFileSync } from 'node:fs';
import type { Document, OpenAPIBackend } from 'openapi-backend';
import { ocsRelativePath, specBackend } from '../http/specRoutes.js';
import { CheckError, type JsonValue } from './types.js';

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

/** The spec the checker validates against: its operations and ajv response validation. */
export interface Contract {
  file: string;
  operations: SpecOperation[];
  /** Schema violations of a JSON body for `status`; none when the spec has no schema for it. */
  validate(operationId: string, status: number, body: JsonValue): SchemaViolation[];
}

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: { type?: string; missingProperty?: string };
}

/** Reads the spec; spec errors are CheckErrors with exit code 2. */
export async function loadContract(file: string): Promise<Contract> {
  let definition: Document;
  try {
    definition = JSON.parse(readFileSync(file, 'utf8')) as Document;
  } catch (error) {
    throw new CheckError(2, `cannot read spec ${file}: ${(error as Error).message}`);
  }
  if (typeof definition !== 'object' || definition === null || typeof definition.paths !== 'object') {
    throw new CheckError(2, `invalid spec ${file}: not an OpenAPI document with paths`);
  }
  let api: OpenAPIBackend;
  try {
    api = await specBackend(definition);
  } catch (error) {
    throw new CheckError(2, `invalid spec ${file}: ${(error as Error).message}`);
  }
  const operations = api.getOperations().map((operation): SpecOperation => ({
    id: operation.operationId ?? `${operation.method} ${operation.path}`,
    method: operation.method.toUpperCase(),
    path: ocsRelativePath(operation.path),
    tags: operation.tags ?? [],
    statuses: Object.keys(operation.responses ?? {}).map(Number).filter(Number.isInteger),
  }));
  if (operations.length === 0) throw new CheckError(2, `invalid spec ${file}: it has no operations`);
  const byId = new Map(operations.map((operation) => [operation.id, operation]));
  return {
    file,
    operations,
    validate(operationId, status, body) {
      if (!byId.get(operationId)?.statuses.includes(status)) return [];
      const result = api.validateResponse(body, operationId, status);
      const errors = (result.errors ?? []) as AjvError[];
      return summarise(errors.filter((error) => !isPhpEmptyObject(error, body) && !isKnownSpecDefect(operationId, error)));
    },
  };
}

/**
 * One violation per place: ajv reports each branch of a oneOf/anyOf ("must be boolean", "must be
 * integer", "must match exactly one schema in oneOf"); say "must be boolean or integer" instead.
 */
function summarise(errors: AjvError[]): SchemaViolation[] {
  const byPath = new Map<string, AjvError[]>();
  for (const error of errors) byPath.set(error.instancePath, [...(byPath.get(error.instancePath) ?? []), error]);
  return [...byPath].map(([instancePath, group]) => {
    const types = group.filter((error) => error.keyword === 'type').map((error) => error.params.type);
    const others = group.filter((error) => error.keyword !== 'type' && error.keyword !== 'oneOf' && error.keyword !== 'anyOf');
    const messages = [...(types.length ? [`must be ${types.join(' or ')}`] : []), ...others.map((error) => error.message ?? error.keyword)];
    return { instancePath, message: messages.length ? [...new Set(messages)].join('; ') : (group[0]!.message ?? group[0]!.keyword) };
  });
}

/** PHP encodes an empty associative array as `[]`, so `[]` where the schema wants an object is no violation. */
function isPhpEmptyObject(error: AjvError, body: JsonValue): boolean {
  if (error.keyword !== 'type' || error.params.type !== 'object') return false;
  const value = valueAt(body, error.instancePath);
  return Array.isArray(value) && value.length === 0;
}

/**
 * Nextcloud's spec types every app-info value as an object (PHP's array<string, mixed> mistranslated),
 * so strings such as `id` would fail on every real server: not the server's fault.
 */
function isKnownSpecDefect(operationId: string, error: AjvError): boolean {
  return operationId === 'apps-get-app-info' && error.keyword === 'type' && error.params.type === 'object' && /^\/ocs\/data\/[^/]+$/.test(error.instancePath);
}

/** The value at a JSON pointer such as `/ocs/data/users/0`. */
export function valueAt(root: JsonValue, pointer: string): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (current !== null && typeof current === 'object') current = current[key];
    else return undefined;
  }
  return current;
}
