import { expect } from 'vitest';
import request, { type Response } from 'supertest';
import type { User } from '../../src/state/model.js';
import { ocs, type Format, type TestMock, type Version } from './mock.js';
import { expectOcs, type Expected, type Php } from './operations.js';

/** Helpers for test/users-api: requests with bodies, exact answers, read-backs of state. */

export type Method = 'get' | 'post' | 'put' | 'delete';

export interface CallOptions {
  /** Basic-auth user (password from PASSWORDS); null = anonymous; default admin. */
  user?: string | null;
  format?: Format;
  /** Request body; sent as JSON unless `form` is set. */
  body?: Record<string, unknown>;
  form?: boolean;
}

export function call(t: TestMock, method: Method, version: Version, path: string, options: CallOptions = {}) {
  const req = ocs(t.app, method, version, path, { user: options.user, format: options.format });
  if (!options.body) return req;
  return options.form ? req.type('form').send(options.body) : req.send(options.body);
}

/** The exact answer (status, Content-Type, whole body), and the release spec's validation for JSON successes. */
export async function expectAnswer(
  res: Response,
  version: Version,
  format: Format,
  expected: Expected,
  operationId?: string,
  release?: string,
): Promise<void> {
  await expectOcs(res, version, format, expected, operationId, release);
}

/** expectAnswer bound to the release a test file's mock runs (for its spec validation). */
export function answersFor(release: string) {
  return {
    expectAnswer: (res: Response, version: Version, format: Format, expected: Expected, operationId?: string) =>
      expectOcs(res, version, format, expected, operationId, release),
  };
}

export const OK: Expected = { code: 200 };

export function user(t: TestMock, id: string): User {
  const found = t.mock.state.users.get(id);
  expect(found, `user ${id} in state`).toBeDefined();
  return found!;
}

/** `ocs.data` of a JSON answer that must have succeeded. */
export function okData(res: Response): Php {
  const body = JSON.parse(res.text) as { ocs: { meta: { status: string }; data: Php } };
  expect(body.ocs.meta.status, res.text).toBe('ok');
  return body.ocs.data;
}

/** GET /cloud/users/{id} (v2 JSON) as `as`: the UserDetails the server now reports. */
export async function details(t: TestMock, id: string, as = 'admin'): Promise<Record<string, Php>> {
  const res = await call(t, 'get', 2, `/cloud/users/${encodeURIComponent(id)}`, { user: as, format: 'json' });
  expect(res.status, res.text).toBe(200);
  return okData(res) as Record<string, Php>;
}

/** A request with explicit Basic credentials (e.g. a password just changed). */
export function callWith(t: TestMock, version: Version, path: string, username: string, password: string, format: Format = 'json') {
  const separator = path.includes('?') ? '&' : '?';
  const url = `/ocs/v${version}.php${path}${format === 'json' ? `${separator}format=json` : ''}`;
  return request(t.app).get(url).set('OCS-APIRequest', 'true').auth(username, password);
}

/** The fixture's groups as GroupDetails (Database backend: canAdd/canRemove true). */
export const GROUP_DETAILS: Record<string, Php> = {
  admin: { id: 'admin', displayname: 'admin', usercount: 1, disabled: 0, canAdd: true, canRemove: true },
  empty: { id: 'empty', displayname: 'empty', usercount: 0, disabled: 0, canAdd: true, canRemove: true },
  group1: { id: 'group1', displayname: 'Group One', usercount: 2, disabled: 0, canAdd: true, canRemove: true },
  group2: { id: 'group2', displayname: 'group2', usercount: 2, disabled: 1, canAdd: true, canRemove: true },
};
