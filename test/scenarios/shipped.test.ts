import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Response } from 'supertest';
import { SHIPPED_SCENARIOS_DIR } from '../../src/scenarios/scenarioFile.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { freshMock, MATRIX, ocs, type Format, type TestMock, type Version } from '../support/mock.js';
import { ADMIN_AUTH, clientRequest, expectOcs, type ExpectedOcs } from './support.js';

const SHIPPED = readdirSync(SHIPPED_SCENARIOS_DIR)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => name.replace(/\.json$/, ''))
  .sort();

interface Call {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  body?: Record<string, unknown>;
  /** Basic credentials that the mock refuses. */
  wrongPassword?: boolean;
  /** A JSON body that does not parse. */
  brokenJson?: boolean;
}

interface OcsFailure {
  /** A request that succeeds without the scenario. */
  innocent: Call;
  /** A request that makes the mock fail this way for real, if it can: the scenario must be byte-identical. */
  real?: Call;
  expected: ExpectedOcs;
  headers?: Record<string, string>;
}

const CONFIG = '/apps/provisioning_api/api/v1/config/apps';
const NOT_FOUND =
  'Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n';
const addGroup = (groupid: string): Call => ({ method: 'post', path: '/cloud/groups', body: { groupid } });
const addSubAdmin = (user: string, groupid: string): Call => ({ method: 'post', path: `/cloud/users/${user}/subadmins`, body: { groupid } });
const removeSubAdmin = (user: string, groupid: string): Call => ({ method: 'delete', path: `/cloud/users/${user}/subadmins`, body: { groupid } });
const listGroups: Call = { method: 'get', path: '/cloud/groups' };
const configData = (message: string): Pick<ExpectedOcs, 'dataJson' | 'dataXml'> => ({
  dataJson: `{"data":{"message":"${message}"}}`,
  dataXml: [' <data>', '  <data>', `   <message>${message}</message>`, '  </data>', ' </data>'],
});

const OCS_FAILURES: Record<string, OcsFailure> = {
  'group-exists': { innocent: addGroup('brand-new'), real: addGroup('admin'), expected: { code: 102, message: 'group exists' } },
  'group-invalid-input': { innocent: addGroup('brand-new'), real: addGroup(''), expected: { code: 101, message: 'Invalid group name' } },
  'group-add-failed': { innocent: addGroup('brand-new'), expected: { code: 103, message: 'Not supported by backend' } },
  'group-delete-missing': {
    innocent: { method: 'delete', path: '/cloud/groups/group1' },
    real: { method: 'delete', path: '/cloud/groups/nosuch' },
    expected: { code: 101, message: '' },
  },
  'group-delete-failed': {
    innocent: { method: 'delete', path: '/cloud/groups/group1' },
    real: { method: 'delete', path: '/cloud/groups/admin' },
    expected: { code: 102, message: '' },
  },
  'group-update-unsupported': {
    innocent: { method: 'put', path: '/cloud/groups/group1', body: { key: 'displayname', value: 'Group One' } },
    expected: { code: 101, message: 'Not supported by backend' },
  },
  'group-subadmins-missing-group': {
    innocent: { method: 'get', path: '/cloud/groups/group1/subadmins' },
    real: { method: 'get', path: '/cloud/groups/nosuch/subadmins' },
    expected: { code: 101, message: 'Group does not exist' },
  },
  'subadmin-add-missing-user': { innocent: addSubAdmin('bob', 'group2'), real: addSubAdmin('nosuch', 'group2'), expected: { code: 101, message: 'User does not exist' } },
  'subadmin-add-missing-group': { innocent: addSubAdmin('bob', 'group2'), real: addSubAdmin('bob', 'nosuch'), expected: { code: 102, message: 'Group does not exist' } },
  'subadmin-add-admin-group': {
    innocent: addSubAdmin('bob', 'group2'),
    real: addSubAdmin('bob', 'admin'),
    expected: { code: 103, message: 'Cannot create sub-admins for admin group' },
  },
  'subadmin-remove-missing-user': {
    innocent: removeSubAdmin('alice', 'group1'),
    real: removeSubAdmin('nosuch', 'group1'),
    expected: { code: 101, message: 'User does not exist' },
  },
  'subadmin-remove-missing-group': {
    innocent: removeSubAdmin('alice', 'group1'),
    real: removeSubAdmin('alice', 'nosuch'),
    expected: { code: 101, message: 'Group does not exist' },
  },
  'subadmin-remove-not-subadmin': {
    innocent: removeSubAdmin('alice', 'group1'),
    real: removeSubAdmin('alice', 'group2'),
    expected: { code: 102, message: 'User is not a sub-admin of this group' },
  },
  'apps-invalid-filter': {
    innocent: { method: 'get', path: '/cloud/apps' },
    real: { method: 'get', path: '/cloud/apps?filter=bogus' },
    expected: { code: 101, message: '' },
  },
  'app-not-found': {
    innocent: { method: 'get', path: '/cloud/apps/files' },
    real: { method: 'get', path: '/cloud/apps/nosuchapp' },
    expected: { code: 998, message: 'The request app was not found' },
  },
  'app-config-app-not-allowed': {
    innocent: { method: 'get', path: `${CONFIG}/files` },
    real: { method: 'get', path: `${CONFIG}/bad..id` },
    expected: { code: 403, message: '', ...configData('Invalid app id given') },
  },
  'app-config-key-not-allowed': {
    innocent: { method: 'delete', path: `${CONFIG}/files/max_chunk_size` },
    real: { method: 'delete', path: `${CONFIG}/files/enabled` },
    expected: { code: 403, message: '', ...configData('The given key can not be set') },
  },
  'expired-credentials': {
    innocent: listGroups,
    real: { ...listGroups, wrongPassword: true },
    expected: { code: 997, message: 'Unauthorised', origin: 'framework', forcedFormat: 'xml' },
    headers: { 'www-authenticate': 'Basic realm="Authorisation Required"' },
  },
  'route-not-found': {
    innocent: listGroups,
    real: { method: 'get', path: '/cloud/nosuch' },
    expected: { code: 998, message: NOT_FOUND, origin: 'framework' },
  },
  'server-error': {
    innocent: listGroups,
    real: { method: 'post', path: '/cloud/groups', brokenJson: true },
    expected: { code: 996, message: 'Internal Server Error\n', origin: 'framework' },
  },
  throttled: { innocent: listGroups, expected: { code: 429, message: 'Reached maximum delay', origin: 'framework' } },
  'maintenance-mode': {
    innocent: listGroups,
    expected: { code: 503, message: 'Service unavailable', origin: 'framework' },
    headers: { 'x-nextcloud-maintenance-mode': '1' },
  },
};

/** Shipped scenarios that are not OCS answers, proven below one by one. */
const OTHER_PROOFS = ['bad-gateway', 'flaky-connection', 'slow-server'];

function send(app: TestMock['app'], version: Version, format: Format, call: Call): Promise<Response> {
  let req = ocs(app, call.method, version, call.path, { format });
  if (call.wrongPassword) req = req.auth('admin', 'not-the-password');
  if (call.brokenJson) return req.set('Content-Type', 'application/json').send('{"groupid": ');
  return call.body ? req.send(call.body) : req;
}

const shipped = (name: string) => join(SHIPPED_SCENARIOS_DIR, `${name}.json`);

it('every shipped scenario file has a proof in this file', () => {
  expect(SHIPPED).toEqual([...Object.keys(OCS_FAILURES), ...OTHER_PROOFS].sort());
});

describe.each(Object.entries(OCS_FAILURES))('scenarios/%s.json', (name, failure) => {
  it.each(MATRIX)('v$version $format: a request that would succeed fails exactly as documented', async ({ version, format }) => {
    const baseline = await freshMock();
    const before = await send(baseline.app, version, format, failure.innocent);
    expect(before.status).toBe(200);

    const { app } = await freshMock({ scenarios: [shipped(name)] });
    const res = await send(app, version, format, failure.innocent);
    expectOcs(res, version, format, failure.expected);
    for (const [header, value] of Object.entries(failure.headers ?? {})) expect(res.headers[header]).toBe(value);

    if (failure.real) {
      // Byte for byte what the mock answers when the failure happens for real.
      const real = await send(baseline.app, version, format, failure.real);
      expect({ status: res.status, type: res.headers['content-type'], body: res.text }).toEqual({
        status: real.status,
        type: real.headers['content-type'],
        body: real.text,
      });
      for (const header of Object.keys(failure.headers ?? {})) expect(res.headers[header]).toBe(real.headers[header]);
    }
  });
});

describe('scenarios that are not OCS answers (real client, real server)', () => {
  const servers: RunningServer[] = [];
  const serve = async (name: string) => {
    const running = await startServer({ port: 0, scenarios: [shipped(name)] });
    servers.push(running);
    return running.url;
  };
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  it.each(MATRIX)('bad-gateway, v$version $format: nginx 502 page, no envelope', async ({ version, format }) => {
    const url = await serve('bad-gateway');
    const outcome = await clientRequest(`${url}/ocs/v${version}.php/cloud/groups${format === 'json' ? '?format=json' : ''}`, { headers: ADMIN_AUTH });
    expect(outcome).toMatchObject({
      kind: 'answer',
      status: 502,
      headers: { 'content-type': 'text/html', server: 'nginx' },
      body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    });
  });

  it('flaky-connection: every third request is reset, the others answer normally', async () => {
    const url = await serve('flaky-connection');
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await clientRequest(`${url}/ocs/v2.php/cloud/groups?format=json`, { headers: ADMIN_AUTH }));
    expect(outcomes.map((outcome) => (outcome.kind === 'answer' ? outcome.status : outcome.code))).toEqual([200, 200, 'ECONNRESET', 200, 200, 'ECONNRESET']);
  });

  it('slow-server: the real answer comes after 1 to 2 seconds', async () => {
    const url = await serve('slow-server');
    const started = performance.now();
    const outcome = await clientRequest(`${url}/ocs/v1.php/cloud/groups?format=json`, { headers: ADMIN_AUTH });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(2500);
    expect(outcome).toMatchObject({
      kind: 'answer',
      status: 200,
      body: '{"ocs":{"meta":{"status":"ok","statuscode":100,"message":"OK","totalitems":"","itemsperpage":""},"data":{"groups":["admin","empty","group1","group2"]}}}',
    });
  });
});
