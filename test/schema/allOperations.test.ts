import { OpenAPIBackend } from 'openapi-backend';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { createMock, type OcsMock } from '../../src/mock.js';
import { RELEASES } from '../../src/releases/catalog.js';
import { operationIdsOf, releaseSpec } from '../../src/releases/spec.js';
import { isSpecDefect, type SpecViolation } from '../../src/releases/specDefects.js';
import type { RequestHandler } from '../../src/http/app.js';

interface Example {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  user?: string;
  body?: Record<string, unknown>;
}

const PASSWORDS: Record<string, string> = { admin: 'admin', alice: 'alice-password', bob: 'bob-password' };
const CONFIG = '/apps/provisioning_api/api/v1/config';

/** One successful call per operation of any release. */
const EXAMPLES: Record<string, Example> = {
  'apps-get-apps': { method: 'get', path: '/cloud/apps' },
  'apps-get-app-info': { method: 'get', path: '/cloud/apps/files' },
  'apps-enable': { method: 'post', path: '/cloud/apps/admin_audit' },
  'apps-disable': { method: 'delete', path: '/cloud/apps/comments' },
  'groups-get-sub-admins-of-group': { method: 'get', path: '/cloud/groups/group1/subadmins' },
  'groups-add-group': { method: 'post', path: '/cloud/groups', body: { groupid: 'schema-group' } },
  'groups-get-groups': { method: 'get', path: '/cloud/groups' },
  'groups-update-group': { method: 'put', path: '/cloud/groups/group2', body: { key: 'displayname', value: 'Group Two' } },
  'groups-delete-group': { method: 'delete', path: '/cloud/groups/empty' },
  'groups-get-group': { method: 'get', path: '/cloud/groups/group1' },
  'users-get-last-logged-in-users': { method: 'get', path: '/cloud/users/recent' },
  'users-get-user-sub-admin-groups': { method: 'get', path: '/cloud/users/alice/subadmins' },
  'users-add-sub-admin': { method: 'post', path: '/cloud/users/bob/subadmins', body: { groupid: 'group2' } },
  'users-remove-sub-admin': { method: 'delete', path: '/cloud/users/alice/subadmins?groupid=group1' },
  'app_config-get-apps': { method: 'get', path: `${CONFIG}/apps` },
  'app_config-get-keys': { method: 'get', path: `${CONFIG}/apps/core` },
  'app_config-get-value': { method: 'get', path: `${CONFIG}/apps/core/vendor` },
  'app_config-delete-key': { method: 'delete', path: `${CONFIG}/apps/core/vendor` },
  'app_config-set-value': { method: 'post', path: `${CONFIG}/apps/core/schema_key`, body: { value: 'yes' } },
  'groups-get-groups-details': { method: 'get', path: '/cloud/groups/details' },
  'groups-get-group-users': { method: 'get', path: '/cloud/groups/group1/users' },
  'groups-get-group-users-details': { method: 'get', path: '/cloud/groups/group1/users/details' },
  'users-get-users': { method: 'get', path: '/cloud/users' },
  'users-add-user': { method: 'post', path: '/cloud/users', body: { userid: 'schema-user', password: 'a-long-password' } },
  'users-get-users-details': { method: 'get', path: '/cloud/users/details' },
  'users-get-disabled-users-details': { method: 'get', path: '/cloud/users/disabled' },
  'users-search-by-phone-numbers': {
    method: 'post',
    path: '/cloud/users/search/by-phone',
    body: { location: 'DE', search: { contact: ['+49 711 25242890'] } },
  },
  'users-get-user': { method: 'get', path: '/cloud/users/dave' },
  'users-edit-user': { method: 'put', path: '/cloud/users/bob', body: { key: 'displayname', value: 'Robert' } },
  'users-edit-user-multi-field': { method: 'patch', path: '/cloud/users/bob', body: { displayName: 'Robert', quota: '1 GB' } },
  'users-delete-user': { method: 'delete', path: '/cloud/users/dave' },
  'users-get-current-user': { method: 'get', path: '/cloud/user' },
  'users-get-editable-fields': { method: 'get', path: '/cloud/user/fields' },
  'users-get-editable-fields-for-user': { method: 'get', path: '/cloud/user/fields/bob' },
  'users-get-enabled-apps': { method: 'get', path: '/cloud/user/apps' },
  'users-edit-user-multi-value': { method: 'put', path: '/cloud/users/bob/additional_mail', body: { key: '', value: 'rob@example.com' } },
  'users-wipe-user-devices': { method: 'post', path: '/cloud/users/bob/wipe' },
  'users-enable-user': { method: 'put', path: '/cloud/users/carol/enable' },
  'users-disable-user': { method: 'put', path: '/cloud/users/bob/disable' },
  'users-get-users-groups': { method: 'get', path: '/cloud/users/bob/groups' },
  'users-add-to-group': { method: 'post', path: '/cloud/users/dave/groups', body: { groupid: 'group1' } },
  'users-remove-from-group': { method: 'delete', path: '/cloud/users/bob/groups?groupid=group2' },
  'users-get-users-groups-details': { method: 'get', path: '/cloud/users/bob/groups/details' },
  'users-get-user-sub-admin-groups-details': { method: 'get', path: '/cloud/users/alice/subadmins/details' },
  'users-resend-welcome-message': { method: 'post', path: '/cloud/users/bob/welcome' },
  'preferences-set-preference': { method: 'post', path: `${CONFIG}/users/theming/shortcuts_disabled`, body: { configValue: 'yes' } },
  'preferences-delete-preference': { method: 'delete', path: `${CONFIG}/users/theming/shortcuts_disabled` },
  'preferences-set-multiple-preferences': {
    method: 'post',
    path: `${CONFIG}/users/theming`,
    // The one theming key every release's listener accepts (force_enable_blur_filter: 29.0.6+).
    body: { configs: { shortcuts_disabled: 'yes' } },
  },
  'preferences-delete-multiple-preference': { method: 'delete', path: `${CONFIG}/users/theming?configKeys[]=shortcuts_disabled` },
};

/** PHP encodes an empty array as `[]`, also where the spec wants an object (27 types empty answers so). */
function isPhpEmptyList(error: SpecViolation, body: { ocs: { data: unknown } }): boolean {
  return error.instancePath === '/ocs/data' && error.keyword === 'type' && error.params.type === 'object' && Array.isArray(body.ocs.data) && body.ocs.data.length === 0;
}

describe('known spec defects (src/releases/specDefects.ts) stay narrow', () => {
  const newest = RELEASES.at(-1)!;
  const missing = (missingProperty: string, instancePath = '/ocs/data') => ({ instancePath, keyword: 'required', params: { missingProperty } });

  it('app info: only its values typed as objects, on any release', async () => {
    const api = new OpenAPIBackend({ definition: releaseSpec(newest), quick: true });
    await api.init();
    const app = createApp(await createMock());
    const res = await request(app).get('/ocs/v2.php/cloud/apps/files?format=json').set('OCS-APIRequest', 'true').auth('admin', 'admin');
    const errors = (api.validateResponse(res.body, 'apps-get-app-info', 200).errors ?? []) as SpecViolation[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => isSpecDefect(newest, 'apps-get-app-info', error))).toBe(true);
    expect(isSpecDefect(newest, 'apps-get-app-info', { instancePath: '/ocs/meta/status', keyword: 'type', params: { type: 'object' } })).toBe(false);
    expect(isSpecDefect(newest, 'users-get-user', { instancePath: '/ocs/data/id', keyword: 'type', params: { type: 'object' } })).toBe(false);
  });

  it('27 and 28 only: app info without its required keys; 27 only: UserDetails without scopes, enabled, storageLocation', () => {
    const [v27, v28, v29] = ['27', '28', '29'].map((major) => RELEASES.find((release) => release.version.startsWith(`${major}.`))!);
    expect([v27, v28, v29].map((release) => isSpecDefect(release, 'apps-get-app-info', missing('active')))).toEqual([true, true, false]);
    expect(isSpecDefect(v27, 'users-get-users-details', missing('emailScope', '/ocs/data/users/bob'))).toBe(true);
    expect(isSpecDefect(v27, 'users-get-user', missing('storageLocation'))).toBe(true);
    expect(isSpecDefect(v27, 'users-get-user', missing('email'))).toBe(false);
    expect(isSpecDefect(v28, 'users-get-user', missing('emailScope'))).toBe(false);
    expect(isSpecDefect(v27, 'users-get-user', missing('free', '/ocs/data/quota'))).toBe(true);
    expect(isSpecDefect(v27, 'users-get-user', missing('used', '/ocs/data/quota'))).toBe(false);
    expect(isSpecDefect(v29, 'users-get-user', missing('free', '/ocs/data/quota'))).toBe(false);
  });
});

describe.each(RELEASES)('every operation of Nextcloud $version', (release) => {
  let api: OpenAPIBackend;
  let mock: OcsMock;
  let app: RequestHandler;
  const ids = operationIdsOf(releaseSpec(release));

  beforeAll(async () => {
    api = new OpenAPIBackend({ definition: releaseSpec(release), quick: true });
    await api.init();
    mock = await createMock({ nextcloud: release.version });
    app = createApp(mock);
  });

  it('has an example here and a handler in the mock', () => {
    expect(ids.filter((id) => !EXAMPLES[id])).toEqual([]);
    expect(ids.filter((id) => !mock.operations[id])).toEqual([]);
  });

  it.each(ids)('%s: the v2 JSON success answer matches its response schema in this release', async (operationId) => {
    const example = EXAMPLES[operationId];
    mock.reset();
    const user = example.user ?? 'admin';
    let req = request(app)[example.method](`/ocs/v2.php${example.path}`).set('OCS-APIRequest', 'true').set('Accept', 'application/json').auth(user, PASSWORDS[user]);
    if (example.body) req = req.send(example.body);
    const res = await req;
    expect(res.status).toBe(200);
    expect(res.body.ocs.meta).toEqual({ status: 'ok', statuscode: 200, message: 'OK' });
    const result = api.validateResponse(res.body, operationId, 200);
    expect(((result.errors ?? []) as SpecViolation[]).filter((error) => !isSpecDefect(release, operationId, error) && !isPhpEmptyList(error, res.body))).toEqual([]);
  });
});
