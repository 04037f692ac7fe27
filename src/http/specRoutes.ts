import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document, OpenAPIBackend } from 'openapi-backend';
import type { BoundValue, ParameterDefinition, PhpType } from './bindParameters.js';
import type { RouteDefinition } from './routeTable.js';

export const DEFAULT_SPEC = fileURLToPath(new URL('../../openapi.json', import.meta.url));
const OCS_PREFIX = /^\/ocs\/v[12]\.php/;

/** A spec path (written under /ocs/v2.php) relative to the OCS entry point, e.g. `/cloud/users`. */
export function ocsRelativePath(specPath: string): string {
  return specPath.replace(OCS_PREFIX, '');
}

interface SchemaLike {
  type?: string;
  pattern?: string;
  default?: BoundValue;
  required?: string[];
  properties?: Record<string, SchemaLike>;
}

interface SpecParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: SchemaLike;
}

/**
 * Arguments typed `array` in PHP that the 27-29 specs give as a `string` query parameter (the
 * openapi-extractor of those releases could not write them as one): UsersController::addUser
 * (`array $groups = []`, `array $subadmin = []`), searchByPhoneNumbers (`array $search`),
 * PreferencesController::setMultiplePreferences (`array $configs`), deleteMultiplePreference
 * (`array $configKeys`). 30+ specs type them as array/object.
 */
const PHP_ARRAYS: Record<string, Record<string, { default: BoundValue }>> = {
  'users-add-user': { groups: { default: [] }, subadmin: { default: [] } },
  'users-search-by-phone-numbers': { search: { default: null } },
  'preferences-set-multiple-preferences': { configs: { default: null } },
  'preferences-delete-multiple-preference': { configKeys: { default: null } },
};

/** The PHP type an OpenAPI type stands for (openapi-extractor writes PHP arrays as array or object). */
function phpType(schema: SchemaLike | undefined): PhpType {
  switch (schema?.type) {
    case 'string':
      return 'string';
    case 'integer':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'array':
    case 'object':
      return 'array';
    default:
      return 'mixed';
  }
}

function parameterOf(operationId: string, name: string, required: boolean, schema: SchemaLike | undefined): ParameterDefinition {
  const parameter: ParameterDefinition = { name, type: phpType(schema), required, default: schema?.default ?? null };
  const array = PHP_ARRAYS[operationId]?.[name];
  return array && parameter.type === 'string' ? { ...parameter, type: 'array', default: parameter.default ?? array.default } : parameter;
}

/**
 * The controller arguments of an operation: path and query parameters (27-29 put POST/PUT
 * arguments in the query too), then the application/json request body's properties (30+).
 */
function parametersOf(operationId: string, parameters: readonly SpecParameter[], body: SchemaLike | undefined): ParameterDefinition[] {
  const list = parameters
    .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
    .map((parameter) => parameterOf(operationId, parameter.name.replace(/\[\]$/, ''), parameter.required === true, parameter.schema));
  for (const [name, schema] of Object.entries(body?.properties ?? {})) {
    list.push(parameterOf(operationId, name, body?.required?.includes(name) ?? false, schema));
  }
  return list;
}

/**
 * openapi-backend in quick mode: the spec is read once, and response validators compile on first
 * use, so the server (which never validates) pays nothing for them while `check` can validate.
 */
export async function specBackend(definition: Document): Promise<OpenAPIBackend> {
  // Loaded when the first mock is made, not when the package is imported (~100 ms).
  const { OpenAPIBackend } = await import('openapi-backend');
  const api = new OpenAPIBackend({ definition, quick: true });
  await api.init();
  return api;
}

/** Whether routes read a `$ref` (parameters or request bodies): only then the document needs dereferencing. */
function refersInRoutes(definition: Document): boolean {
  return Object.values(definition.paths ?? {}).some((item) => JSON.stringify(item, (key, value: unknown) => (key === 'responses' ? undefined : value)).includes('"$ref"'));
}

/**
 * The router of openapi-backend over a spec, as the server needs it: routes only. Nextcloud's specs
 * keep `$ref` to responses alone (a test checks every release), so they need neither the backend's
 * dereferencing nor its validators (~70 ms of start-up); a spec that refers elsewhere gets them.
 */
export async function specRouter(definition: Document): Promise<OperationSource> {
  if (refersInRoutes(definition)) return specBackend(definition);
  // openapi-backend's own router module: the package index would load its validator and ref parser too.
  const { OpenAPIRouter } = await import('openapi-backend/router.js');
  return new OpenAPIRouter({ definition });
}

export async function loadSpec(file = DEFAULT_SPEC): Promise<OperationSource> {
  return specRouter(JSON.parse(readFileSync(file, 'utf8')) as Document);
}

/** What routes are read from: openapi-backend's router or the whole backend. */
export type OperationSource = Pick<OpenAPIBackend, 'getOperations'>;

/** The routes of every operation of the spec, relative to /ocs/v{1,2}.php. */
export function routesFromSpec(api: OperationSource): RouteDefinition[] {
  return api.getOperations().map((operation) => {
    const operationId = operation.operationId ?? `${operation.method} ${operation.path}`;
    const specParameters = (operation.parameters ?? []) as SpecParameter[];
    const patterns: Record<string, string> = {};
    for (const parameter of specParameters) {
      if (parameter.in === 'path' && parameter.schema?.pattern) patterns[parameter.name] = parameter.schema.pattern;
    }
    const body = (operation.requestBody as { content?: Record<string, { schema?: SchemaLike }> } | undefined)?.content;
    return {
      operationId,
      method: operation.method.toUpperCase(),
      path: ocsRelativePath(operation.path),
      patterns,
      parameters: parametersOf(operationId, specParameters, body?.['application/json']?.schema),
    };
  });
}
