import { readFileSync } from 'node:fs';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { createMock, type OcsMock } from '../../src/mock.js';
import type { Express } from 'express';

const SPEC = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as Document;

interface Example {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  user?: string;
  body?: Record<string, unknown>;
}

const PASSWORDS: Record<string, string> = { admin: 'admin', alice: 'alice-password', bob: 'bob-password' };
const CONFIG = '/apps/provisioning_api/api/v1/config';

/** One successful call per operation of openapi.json. */
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
    body: { configs: { force_enable_blur_filter: 'yes', shortcuts_disabled: 'yes' } },
  },
  'preferences-delete-multiple-preference': { method: 'delete', path: `${CONFIG}/users/theming?configKeys[]=shortcuts_disabled` },
};

/**
 * The spec types every app-info value as an object (PHP's array<string, mixed> mistranslated);
 * the real server returns the parsed info.xml, whose `id`, `name`, `version`... are strings.
 * The mock follows the server; only these violations are tolerated, nothing else.
 */
function isKnownSpecDefect(operationId: string, error: { instancePath: string; message?: string }): boolean {
  return operationId === 'apps-get-app-info' && /^\/ocs\/data\/[^/]+$/.test(error.instancePath) && error.message === 'must be object';
}

let api: OpenAPIBackend;
let mock: OcsMock;
let app: Express;

beforeAll(async () => {
  api = new OpenAPIBackend({ definition: SPEC, quick: true });
  await api.init();
  mock = await createMock();
  app = createApp(mock);
});

describe('every operation of openapi.json', () => {
  it('tolerates only the app-info typing defect of the spec', async () => {
    const res = await request(app).get('/ocs/v2.php/cloud/apps/files?format=json').set('OCS-APIRequest', 'true').auth('admin', 'admin');
    const errors = api.validateResponse(res.body, 'apps-get-app-info', 200).errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => isKnownSpecDefect('apps-get-app-info', error))).toBe(true);
    expect(isKnownSpecDefect('apps-get-app-info', { instancePath: '/ocs/meta/status', message: 'must be object' })).toBe(false);
  });

  it('has an example here and a handler in the mock', () => {
    const ids = api.getOperations().map((operation) => operation.operationId);
    expect(ids).toHaveLength(48);
    expect(ids.filter((id) => !id || !EXAMPLES[id])).toEqual([]);
    expect(ids.filter((id) => !mock.operations[id!])).toEqual([]);
  });

  it.each(Object.entries(EXAMPLES))('%s: the v2 JSON success answer matches its response schema', async (operationId, example) => {
    mock.reset();
    const user = example.user ?? 'admin';
    let req = request(app)[example.method](`/ocs/v2.php${example.path}`).set('OCS-APIRequest', 'true').set('Accept', 'application/json').auth(user, PASSWORDS[user]);
    if (example.body) req = req.send(example.body);
    const res = await req;
    expect(res.status).toBe(200);
    expect(res.body.ocs.meta).toEqual({ status: 'ok', statuscode: 200, message: 'OK' });
    const result = api.validateResponse(res.body, operationId, 200);
    expect((result.errors ?? []).filter((error) => !isKnownSpecDefect(operationId, error))).toEqual([]);
  });
});
