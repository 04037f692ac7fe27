import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { State } from '../../src/state/model.js';
import { freshMock, MATRIX, ocs, type TestMock } from './mock.js';
import { expectOcs, httpStatusFor } from './operations.js';

export interface GuardedRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Path below /ocs/v{1,2}.php, with any parameters the call needs in its query string. */
  path: string;
  /**
   * admin: no #[NoAdminRequired]; subadmin: the provisioning middleware wants a sub-admin;
   * user: any logged-in user passes the middlewares (only anonymous callers are refused there);
   * admin-setting: #[AuthorizedAdminSetting] without #[SubAdminRequired]: sub-admins are refused too.
   */
  access: 'admin' | 'admin-setting' | 'subadmin' | 'user';
}

/** Everything a denied call must leave alone, in a comparable form. */
export function snapshot(state: State): string {
  return JSON.stringify({
    users: [...state.users.keys()],
    groups: [...state.groups.values()].map((group) => [group.id, group.displayname, [...group.members], [...group.subadmins]]),
    apps: [...state.apps.values()].map((app) => [app.id, app.enabled]),
    appConfig: [...state.appConfig].map(([app, config]) => [app, [...config]]),
  });
}

const ADMIN_ONLY = 'Logged in account must be an admin';
const SUBADMIN_ONLY = 'Logged in account must be at least a sub admin';
/** SecurityMiddleware (29+ wording; recording groups-get-groups-details/as-subadmin.*). */
const ADMIN_SETTING_ONLY = 'Logged in account must be an admin, a sub admin or gotten special right to access this setting';
const DENIED: Record<GuardedRoute['access'], string> = {
  admin: ADMIN_ONLY,
  'admin-setting': ADMIN_SETTING_ONLY,
  subadmin: SUBADMIN_ONLY,
  user: SUBADMIN_ONLY,
};

/**
 * Plain user (bob), sub-admin (alice, of group1) and anonymous callers on each route, in every
 * version and format: the security middleware's answer, and no state change.
 */
export function describeDenials(area: string, routes: GuardedRoute[], options: { nextcloud?: string } = {}): void {
  describe.each(MATRIX)(`${area} permission denials v$version $format`, ({ version, format }) => {
    let t: TestMock;
    // One mock per version x format; reset() rebuilds its state from the fixture before each test.
    beforeAll(async () => {
      t = await freshMock(options);
    });
    beforeEach(() => t.mock.reset());

    for (const route of routes) {
      const label = `${route.method.toUpperCase()} ${route.path}`;
      const denied = DENIED[route.access];
      const callers = route.access === 'admin' || route.access === 'admin-setting' ? ['bob', 'alice'] : route.access === 'subadmin' ? ['bob'] : [];
      for (const user of callers) {
        const role = user === 'bob' ? 'plain user' : 'sub-admin';
        it(`v${version} ${format} ${label} as ${role} -> 403 "${denied}", HTTP ${httpStatusFor(version, 403)}`, async () => {
          const before = snapshot(t.mock.state);
          const res = await ocs(t.app, route.method, version, route.path, { user, format });
          await expectOcs(res, version, format, { code: 403, message: denied });
          expect(snapshot(t.mock.state)).toBe(before);
        });
      }
      it(`v${version} ${format} ${label} anonymous -> 997 "Current user is not logged in", HTTP 401`, async () => {
        const before = snapshot(t.mock.state);
        const res = await ocs(t.app, route.method, version, route.path, { user: null, format });
        await expectOcs(res, version, format, { code: 997, message: 'Current user is not logged in' });
        expect(snapshot(t.mock.state)).toBe(before);
      });
    }
  });
}
