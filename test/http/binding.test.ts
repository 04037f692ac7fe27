import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bindParameters, type ParameterDefinition } from '../../src/http/bindParameters.js';
import type { RouteDefinition } from '../../src/http/routeTable.js';
import { routesFromSpec, specBackend } from '../../src/http/specRoutes.js';
import { InternalServerError } from '../../src/ocs/OcsError.js';
import { EXTRA_ROUTES } from '../../src/operations.js';
import { RELEASES, resolveRelease } from '../../src/releases/catalog.js';
import { releaseSpec } from '../../src/releases/spec.js';
import { freshMock, MATRIX, ocs, type TestMock } from '../support/mock.js';
import { expectFramework996 } from '../support/operations.js';

function parameter(name: string, type: ParameterDefinition['type'], extra: Partial<ParameterDefinition> = {}): ParameterDefinition {
  return { name, type, required: false, default: null, ...extra };
}

function bind(definition: ParameterDefinition, params: Record<string, unknown>): unknown {
  return bindParameters([definition], params)[definition.name];
}

function expectTypeError(definition: ParameterDefinition, params: Record<string, unknown>): void {
  expect(() => bindParameters([definition], params)).toThrow(InternalServerError);
}

// Dispatcher::executeController (31.0.11 lib/private/AppFramework/Http/Dispatcher.php): int and
// bool go through settype, 'false' is false for a bool, other types must already match (strict
// types: a TypeError, 996); Request::getParam is isset(), so null is absent.
describe('binding one argument', () => {
  const s = parameter('s', 'string');
  const i = parameter('i', 'int');
  const b = parameter('b', 'bool');
  const a = parameter('a', 'array');
  const m = parameter('m', 'mixed');

  it('string: a string binds as it is', () => {
    expect(bind(s, { s: '007' })).toBe('007');
    expect(bind(s, { s: '' })).toBe('');
  });

  it('string: a number, a boolean or an array is a TypeError (transport/json-number-groupid, transport/json-bool-groupid)', () => {
    expectTypeError(s, { s: 7 });
    expectTypeError(s, { s: true });
    expectTypeError(s, { s: ['x'] });
    expectTypeError(s, { s: { k: 'x' } });
  });

  it('int: settype($value, "int") accepts anything', () => {
    expect(bind(i, { i: '12' })).toBe(12);
    expect(bind(i, { i: '12abc' })).toBe(12);
    expect(bind(i, { i: ' 7' })).toBe(7);
    expect(bind(i, { i: 'abc' })).toBe(0);
    expect(bind(i, { i: '' })).toBe(0);
    expect(bind(i, { i: '-3' })).toBe(-3);
    expect(bind(i, { i: 3.9 })).toBe(3);
    expect(bind(i, { i: true })).toBe(1);
    expect(bind(i, { i: false })).toBe(0);
    expect(bind(i, { i: [] })).toBe(0);
    expect(bind(i, { i: ['x'] })).toBe(1);
  });

  it("bool: the string 'false' is false, everything else is PHP's (bool) cast", () => {
    expect(bind(b, { b: 'false' })).toBe(false);
    expect(bind(b, { b: '0' })).toBe(false);
    expect(bind(b, { b: '' })).toBe(false);
    expect(bind(b, { b: 0 })).toBe(false);
    expect(bind(b, { b: false })).toBe(false);
    expect(bind(b, { b: [] })).toBe(false);
    expect(bind(b, { b: 'true' })).toBe(true);
    expect(bind(b, { b: '1' })).toBe(true);
    expect(bind(b, { b: 'no' })).toBe(true);
    expect(bind(b, { b: '0.0' })).toBe(true);
    expect(bind(b, { b: 2 })).toBe(true);
    expect(bind(b, { b: { k: '' } })).toBe(true);
  });

  it('array: a list or a map binds as it is; a scalar is a TypeError (array-param/*)', () => {
    expect(bind(a, { a: ['x', 'y'] })).toEqual(['x', 'y']);
    expect(bind(a, { a: { k: 'v' } })).toEqual({ k: 'v' });
    expectTypeError(a, { a: 'x' });
    expectTypeError(a, { a: 1 });
    expectTypeError(a, { a: '' });
  });

  it('mixed: anything binds as it is', () => {
    expect(bind(m, { m: 7 })).toBe(7);
    expect(bind(m, { m: ['x'] })).toEqual(['x']);
  });

  it('absent or null: the default (null without one), whatever the type', () => {
    expect(bind(parameter('s', 'string', { default: '' }), {})).toBe('');
    expect(bind(parameter('s', 'string', { default: '' }), { s: null })).toBe('');
    expect(bind(parameter('i', 'int', { default: 0 }), {})).toBe(0);
    expect(bind(parameter('a', 'array', { default: [] }), { a: null })).toEqual([]);
    expect(bind(parameter('i', 'int'), {})).toBeNull();
  });

  it('a required argument absent or null -> nothing to bind (996)', () => {
    const required = parameter('userid', 'string', { required: true });
    expectTypeError(required, {});
    expectTypeError(required, { userid: null });
    expect(bind(required, { userid: '' })).toBe('');
  });

  it('only declared arguments are bound, into a record without a prototype', () => {
    const args = bindParameters([parameter('s', 'string', { default: '' })], { s: 'x', other: 'y', constructor: 'z' });
    expect(Object.getPrototypeOf(args)).toBeNull();
    expect({ ...args }).toEqual({ s: 'x' });
  });
});

async function routesOf(release: string): Promise<RouteDefinition[]> {
  return routesFromSpec(await specBackend(releaseSpec(resolveRelease(release))));
}

async function parametersOf(release: string, operationId: string): Promise<ParameterDefinition[]> {
  const route = (await routesOf(release)).find((candidate) => candidate.operationId === operationId);
  if (!route) throw new Error(`${release} has no ${operationId}`);
  return route.parameters;
}

/** UsersController::addUser's signature (every release). */
const ADD_USER = [
  parameter('userid', 'string', { required: true }),
  parameter('password', 'string', { default: '' }),
  parameter('displayName', 'string', { default: '' }),
  parameter('email', 'string', { default: '' }),
  parameter('groups', 'array', { default: [] }),
  parameter('subadmin', 'array', { default: [] }),
  parameter('quota', 'string', { default: '' }),
  parameter('language', 'string', { default: '' }),
  parameter('manager', 'string'),
];

describe('route parameter lists come from the release spec', () => {
  it('29: addUser from its query parameters, `groups[]` and `subadmin[]` as arrays', async () => {
    expect(await parametersOf('29.0.6', 'users-add-user')).toEqual(ADD_USER);
  });

  it('34: addUser from its JSON request body', async () => {
    expect(await parametersOf('34.0.1', 'users-add-user')).toEqual(ADD_USER);
  });

  it('27: the spec writes `array $groups = []` as a string query parameter; it binds as an array', async () => {
    expect(await parametersOf('27.1.4', 'users-add-user')).toEqual(ADD_USER);
  });

  it('29: path arguments and paging defaults (groups-get-group-users-details)', async () => {
    expect(await parametersOf('29.0.6', 'groups-get-group-users-details')).toEqual([
      parameter('search', 'string', { default: '' }),
      parameter('limit', 'int'),
      parameter('offset', 'int', { default: 0 }),
      parameter('groupId', 'string', { required: true }),
    ]);
  });

  it('29 and 30: setMultiplePreferences(string $appId, array $configs) from query (29) and body (30)', async () => {
    const expected = [parameter('configs', 'array', { required: true }), parameter('appId', 'string', { required: true })];
    expect(await parametersOf('29.0.6', 'preferences-set-multiple-preferences')).toEqual(expected);
    expect(await parametersOf('30.0.5', 'preferences-set-multiple-preferences')).toEqual(expected.reverse());
  });

  it('34: PATCH multi-field has nullable arguments defaulting to null', async () => {
    expect(await parametersOf('34.0.1', 'users-edit-user-multi-field')).toEqual([
      parameter('userId', 'string', { required: true }),
      ...['displayName', 'password', 'email', 'quota', 'language', 'manager'].map((name) => parameter(name, 'string')),
      parameter('groups', 'array'),
      parameter('subadminGroups', 'array'),
    ]);
  });

  it('28.0.2 disabled users: no `search` argument (added in 29.0.5)', async () => {
    const names = (await parametersOf('28.0.2', 'users-get-disabled-users-details')).map((p) => p.name);
    expect(names).toEqual(['limit', 'offset']);
  });

  it("core's capabilities route has no arguments", () => {
    expect(EXTRA_ROUTES.map((route) => [route.operationId, route.parameters])).toEqual([['core-get-capabilities', []]]);
  });

  // Each handler declares one static type per argument: every release must bind it with that type.
  it('every release binds each argument of an operation with one type', async () => {
    const types = new Map<string, Set<string>>();
    for (const release of RELEASES) {
      for (const route of await routesOf(release.version)) {
        for (const { name, type } of route.parameters) {
          const key = `${route.operationId} ${name}`;
          types.set(key, (types.get(key) ?? new Set()).add(type));
        }
      }
    }
    const mixed = [...types].filter(([, seen]) => seen.size > 1).map(([key, seen]) => `${key}: ${[...seen].join('/')}`);
    expect(mixed).toEqual([]);
  });
});

// Arguments are bound before the controller runs: a value the argument's type refuses is 996 even
// where the controller would not have looked at it.
describe('binding in the pipeline (29.0.6)', () => {
  let t: TestMock;
  beforeAll(async () => {
    t = await freshMock();
  });
  beforeEach(() => t.mock.reset());

  describe.each(MATRIX)('v$version $format', ({ version, format }) => {
    it(`v${version} get apps with filter[]=enabled -> 996 (AppsController::getApps(?string $filter))`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/apps?filter[]=enabled', { format });
      expectFramework996(res, version, format);
    });

    it(`v${version} value of an existing key with defaultValue[]=x -> 996 (getValue(string $app, string $key, string $defaultValue = ''))`, async () => {
      const res = await ocs(t.app, 'get', version, '/apps/provisioning_api/api/v1/config/apps/theming/name?defaultValue[]=x', { format });
      expectFramework996(res, version, format);
    });
  });
});
