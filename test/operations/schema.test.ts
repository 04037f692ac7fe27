import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshMock, ocs } from '../support/mock.js';
import { SEED_SPEC_FILE, SPEC_FILE, specBackend } from '../support/operations.js';

/**
 * Every JSON success body of the per-operation suites is validated against openapi.json inside
 * expectOcs(). This file checks the checker and records where the real server (and so the mock)
 * answers outside its own spec.
 */

type Paths = Record<string, Record<string, { operationId?: string }>>;

function operations(file: string | URL): string[] {
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { paths: Paths };
  const list: string[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation && typeof operation === 'object' && operation.operationId) list.push(`${method.toUpperCase()} ${path} ${operation.operationId}`);
    }
  }
  return list;
}

describe('openapi.json', () => {
  it('holds every operation of the seed spec with the same method, path and operationId', () => {
    const seed = operations(SEED_SPEC_FILE);
    expect(seed).toHaveLength(16);
    const full = new Set(operations(SPEC_FILE));
    expect(seed.filter((operation) => !full.has(operation))).toEqual([]);
  });

  it('the response validator rejects a body that breaks the schema', async () => {
    const api = await specBackend();
    const wrong = { ocs: { meta: { status: 'ok', statuscode: 200, message: 'OK' }, data: { groups: 'admin' } } };
    expect(api.validateResponse(wrong, 'groups-get-groups', 200).errors?.length).toBeGreaterThan(0);
    const right = { ocs: { meta: { status: 'ok', statuscode: 200, message: 'OK' }, data: { groups: ['admin'] } } };
    expect(api.validateResponse(right, 'groups-get-groups', 200).errors ?? []).toEqual([]);
  });
});

describe('answers the real server gives outside its own spec (not schema-checked in the suites)', () => {
  async function v2Json(path: string): Promise<unknown> {
    // The newest spec (openapi.json) against the release whose answers the suite was measured on.
    const { app } = await freshMock({ nextcloud: '30' });
    const res = await ocs(app, 'get', 2, path, { format: 'json' });
    expect(res.status).toBe(200);
    return JSON.parse(res.text);
  }

  it('GET /cloud/apps?filter=disabled: array_diff keys make `apps` an object, the spec says array', async () => {
    const body = await v2Json('/cloud/apps?filter=disabled');
    const errors = (await specBackend()).validateResponse(body, 'apps-get-apps', 200).errors ?? [];
    expect(errors.map((error) => `${error.instancePath} ${error.message}`)).toEqual(['/ocs/data/apps must be array']);
  });

  it('GET /cloud/apps/{app}: info.xml values are strings and lists, the spec types every value as an object', async () => {
    const body = await v2Json('/cloud/apps/activity');
    const errors = (await specBackend()).validateResponse(body, 'apps-get-app-info', 200).errors ?? [];
    expect(errors.map((error) => `${error.instancePath} ${error.message}`)).toEqual(['/ocs/data/id must be object']);
  });

  it('GET /cloud/users/recent with no match: PHP\'s empty array is `[]`, the spec says object', async () => {
    const body = await v2Json('/cloud/users/recent?search=nobody');
    const errors = (await specBackend()).validateResponse(body, 'users-get-last-logged-in-users', 200).errors ?? [];
    expect(errors.map((error) => `${error.instancePath} ${error.message}`)).toEqual(['/ocs/data/users must be object']);
  });
});
