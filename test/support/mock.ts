import request from 'supertest';
import type { RequestHandler } from '../../src/http/app.js';
import { createApp } from '../../src/http/app.js';
import { createMock, type MockOptions, type OcsMock } from '../../src/mock.js';
import type { Format, Version } from './oracle.js';

export type { Format, Version } from './oracle.js';

export interface TestMock {
  mock: OcsMock;
  app: RequestHandler;
}

/** The time test mocks record logins at (ms): after every login in the default fixture. */
export const TEST_NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

/**
 * The release the suite's expected answers come from unless a test names another: the recordings,
 * transcripts and findings in ../shared/reference were measured on a real Nextcloud 29.0.6.
 */
export const TEST_RELEASE = '29.0.6';

/**
 * A fresh mock on the default fixture (or the given options), with its request handler for supertest.
 * Its clock stands still at TEST_NOW unless the options bring their own.
 */
export async function freshMock(options: MockOptions = {}): Promise<TestMock> {
  const mock = await createMock({ clock: () => TEST_NOW, nextcloud: TEST_RELEASE, ...options });
  return { mock, app: createApp(mock) };
}

export const PASSWORDS: Record<string, string> = {
  admin: 'admin',
  alice: 'alice-password',
  bob: 'bob-password',
  carol: 'carol-password',
  dave: 'dave-password',
};

/**
 * A request as a well-behaved client sends it: Basic auth as `user`, the OCS-APIRequest header,
 * and `?format=json` when JSON is wanted.
 */
export function ocs(
  app: RequestHandler,
  method: 'get' | 'post' | 'put' | 'delete',
  version: Version,
  path: string,
  options: { user?: string | null; format?: Format } = {},
) {
  const user = options.user === undefined ? 'admin' : options.user;
  const separator = path.includes('?') ? '&' : '?';
  const url = `/ocs/v${version}.php${path}${options.format === 'json' ? `${separator}format=json` : ''}`;
  let req = request(app)[method](url).set('OCS-APIRequest', 'true');
  if (user) req = req.auth(user, PASSWORDS[user] ?? user);
  return req;
}

export const VERSIONS: Version[] = [1, 2];
export const FORMATS: Format[] = ['json', 'xml'];
export const MATRIX = VERSIONS.flatMap((version) => FORMATS.map((format) => ({ version, format })));
