import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import { resolveRelease } from '../../src/releases/catalog.js';
import { releaseSpec } from '../../src/releases/spec.js';
import type { Format, Version } from './mock.js';
import { TEST_RELEASE } from './mock.js';
import { CONTENT_TYPE, controllerBody, expectedAnswer, frameworkStyleOf, type ExpectedAnswer, type Php } from './oracle.js';

export { controllerBody, controllerMeta, httpStatusFor, phpJson, phpXml, type Php } from './oracle.js';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export const CONTROLLER_CONTENT_TYPE: Record<Format, string> = {
  json: CONTENT_TYPE.json,
  xml: CONTENT_TYPE.controllerXml,
};

export type Expected = Pick<ExpectedAnswer, 'code' | 'message' | 'data'>;

/**
 * Asserts a controller answer exactly: HTTP status, Content-Type, whole body (meta and data, key
 * order included). Success bodies in JSON are also checked against the release's own spec when
 * an operationId is given.
 */
export async function expectOcs(
  res: Answer,
  version: Version,
  format: Format,
  expected: Expected,
  operationId?: string,
  release = TEST_RELEASE,
): Promise<void> {
  const answer = expectedAnswer(version, format, expected);
  expect(res.headers['content-type']).toBe(answer.contentType);
  expect(res.text).toBe(controllerBody(version, format, expected));
  expect(res.status).toBe(answer.status);
  if (operationId && format === 'json' && (expected.code === 100 || expected.code === 200)) {
    await expectValidResponse(operationId, res.status, JSON.parse(res.text) as Php, release);
  }
}

export const INTERNAL_SERVER_ERROR = 'Internal Server Error\n';

/**
 * An answer of ocs/v1.php's ApiHelper (uncaught exception): v1 HTTP 200 / 996 without counts,
 * v2 HTTP 500 with 500 in meta; text/xml unless format=json (findings 1-3).
 */
export function expectFramework996(res: Answer, version: Version, format: Format, release = TEST_RELEASE): void {
  const answer = expectedAnswer(version, format, { code: 996, message: INTERNAL_SERVER_ERROR, origin: 'framework', style: frameworkStyleOf(release) });
  expect(res.headers['content-type']).toBe(answer.contentType);
  expect(res.text).toBe(answer.body);
  expect(res.status).toBe(answer.status);
}

export const SPEC_FILE = new URL('../../openapi.json', import.meta.url);
/** The seed spec the product was created from (../shared/seeds/openapi.json), kept in the repo. */
export const SEED_SPEC_FILE = new URL('../fixtures/seed-openapi.json', import.meta.url);

let backend: Promise<OpenAPIBackend> | null = null;
const releaseBackends = new Map<string, Promise<OpenAPIBackend>>();

/** openapi-backend on a release's own specs (releases/<version>/), one per release. */
export function releaseBackend(release: string): Promise<OpenAPIBackend> {
  const { version } = resolveRelease(release);
  let found = releaseBackends.get(version);
  if (!found) {
    found = (async () => {
      const api = new OpenAPIBackend({ definition: releaseSpec(resolveRelease(version)), quick: true });
      await api.init();
      return api;
    })();
    releaseBackends.set(version, found);
  }
  return found;
}

/** openapi-backend on the top-level openapi.json, quick init (validators compile on first use). */
export function specBackend(): Promise<OpenAPIBackend> {
  backend ??= (async () => {
    const definition = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Document;
    const api = new OpenAPIBackend({ definition, quick: true });
    await api.init();
    return api;
  })();
  return backend;
}

/**
 * The body validates against the operation's response schema for that status. Fails when the spec
 * has no schema for it (openapi-backend would otherwise pass silently).
 */
export async function expectValidResponse(operationId: string, status: number, body: unknown, release = TEST_RELEASE): Promise<void> {
  const api = await releaseBackend(release);
  const operation = api.getOperation(operationId);
  expect(operation, `operation ${operationId} in the ${release} spec`).toBeDefined();
  const response = operation!.responses?.[String(status)] as { content?: Record<string, { schema?: unknown }> } | undefined;
  expect(response?.content?.['application/json']?.schema, `${operationId} ${status} has a response schema`).toBeDefined();
  const result = api.validateResponse(body, operationId, status);
  expect(result.errors ?? [], `${operationId} ${status} body matches the ${release} spec`).toEqual([]);
}
