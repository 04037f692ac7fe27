import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import type { RouteDefinition } from './routeTable.js';

export const DEFAULT_SPEC = fileURLToPath(new URL('../../openapi.json', import.meta.url));
const OCS_PREFIX = /^\/ocs\/v[12]\.php/;

interface SchemaLike {
  pattern?: string;
  required?: string[];
}

/** Loads an OpenAPI document with openapi-backend in quick mode (validators compile on first use). */
export async function loadSpec(file = DEFAULT_SPEC): Promise<OpenAPIBackend> {
  const definition = JSON.parse(readFileSync(file, 'utf8')) as Document;
  const api = new OpenAPIBackend({ definition, quick: true, validate: false });
  await api.init();
  return api;
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
      path: operation.path.replace(OCS_PREFIX, ''),
      patterns,
      requiredParams,
    };
  });
}
