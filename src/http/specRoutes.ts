import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import type { RouteDefinition } from './routeTable.js';

export const DEFAULT_SPEC = fileURLToPath(new URL('../../openapi.json', import.meta.url));
const OCS_PREFIX = /^\/ocs\/v[12]\.php/;

/** A spec path (written under /ocs/v2.php) relative to the OCS entry point, e.g. `/cloud/users`. */
export function ocsRelativePath(specPath: string): string {
  return specPath.replace(OCS_PREFIX, '');
}

interface SchemaLike {
  pattern?: string;
  required?: string[];
}

/**
 * openapi-backend in quick mode: the spec is read once, and response validators compile on first
 * use, so the server (which never validates) pays nothing for them while `check` can validate.
 */
export async function specBackend(definition: Document): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({ definition, quick: true });
  await api.init();
  return api;
}

export async function loadSpec(file = DEFAULT_SPEC): Promise<OpenAPIBackend> {
  return specBackend(JSON.parse(readFileSync(file, 'utf8')) as Document);
}

/** The routes of every operation of the spec, relative to /ocs/v{1,2}.php. */
export function routesFromSpec(api: OpenAPIBackend): RouteDefinition[] {
  return api.getOperations().map((operation) => {
    const patterns: Record<string, string> = {};
    const requiredParams: string[] = [];
    for (const parameter of (operation.parameters ?? []) as { in: string; name: string; required?: boolean; schema?: SchemaLike }[]) {
      if (parameter.in === 'path' && parameter.schema?.pattern) patterns[parameter.name] = parameter.schema.pattern;
      if (parameter.in === 'query' && parameter.required) requiredParams.push(parameter.name.replace(/\[\]$/, ''));
    }
    const body = (operation.requestBody as { content?: Record<string, { schema?: SchemaLike }> } | undefined)?.content;
    const bodySchema = body?.['application/json']?.schema;
    requiredParams.push(...(bodySchema?.required ?? []));
    return {
      operationId: operation.operationId ?? `${operation.method} ${operation.path}`,
      method: operation.method.toUpperCase(),
      path: ocsRelativePath(operation.path),
      patterns,
      requiredParams,
    };
  });
}
