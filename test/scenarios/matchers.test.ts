import { beforeEach, describe, expect, it } from 'vitest';
import type { Response } from 'supertest';
import type { RuleMatch } from '../../src/scenarios/types.js';
import { freshMock, MATRIX, ocs, type Format, type TestMock, type Version } from '../support/mock.js';
import { expectOcs, oneRule } from './support.js';

interface Call {
  method?: 'get' | 'post' | 'put' | 'delete';
  path: string;
  user?: string | null;
  /** Sent as a JSON body. */
  body?: Record<string, unknown>;
  /** Ask on the other OCS version than the matrix row. */
  otherVersion?: boolean;
}

interface MatcherCase {
  name: string;
  match: RuleMatch | ((version: Version) => RuleMatch);
  /** In order: [request, does the rule answer it?] */
  calls: [Call, boolean][];
}

const get = (path: string, extra: Partial<Call> = {}): Call => ({ path, ...extra });

const CASES: MatcherCase[] = [
  { name: 'operationId', match: { operationId: 'groups-get-groups' }, calls: [[get('/cloud/groups'), true], [get('/cloud/users'), false]] },
  {
    name: 'operationId list',
    match: { operationId: ['groups-get-groups', 'users-get-users'] },
    calls: [[get('/cloud/users'), true], [get('/cloud/groups'), true], [get('/cloud/apps'), false]],
  },
  {
    name: 'method',
    match: { method: 'DELETE' },
    calls: [[{ method: 'delete', path: '/cloud/groups/nosuch' }, true], [get('/cloud/groups/nosuch'), false]],
  },
  {
    name: 'path glob * (one segment)',
    match: { path: '/cloud/groups/*' },
    calls: [[get('/cloud/groups/group1'), true], [get('/cloud/groups'), false], [get('/cloud/groups/group1/subadmins'), false]],
  },
  {
    name: 'path glob ** (any depth) and ?',
    match: { path: ['/cloud/users/**', '/cloud/grou?s'] },
    calls: [[get('/cloud/users/alice/groups'), true], [get('/cloud/groups'), true], [get('/cloud/users'), false]],
  },
  {
    name: 'pathRegex',
    match: { pathRegex: '^/cloud/users/[^/]+/subadmins$' },
    calls: [[get('/cloud/users/alice/subadmins'), true], [get('/cloud/users/alice'), false]],
  },
  {
    name: 'version',
    match: (version) => ({ version }),
    calls: [[get('/cloud/groups'), true], [get('/cloud/groups', { otherVersion: true }), false]],
  },
  {
    name: 'user',
    match: { user: 'alice' },
    calls: [[get('/cloud/user', { user: 'alice' }), true], [get('/cloud/user', { user: 'bob' }), false], [get('/cloud/user', { user: null }), false]],
  },
  {
    name: 'user null (anonymous) in a list',
    match: { user: [null, 'bob'] },
    calls: [[get('/cloud/groups', { user: null }), true], [get('/cloud/user', { user: 'bob' }), true], [get('/cloud/groups'), false]],
  },
  {
    name: 'param value from the query, or a list of values',
    match: { params: { search: ['adm', 'grp'] } },
    calls: [[get('/cloud/groups?search=adm'), true], [get('/cloud/groups?search=grp'), true], [get('/cloud/groups?search=x'), false], [get('/cloud/groups'), false]],
  },
  {
    name: 'param value from a JSON body, compared as text',
    match: { params: { limit: 2 } },
    calls: [[get('/cloud/groups', { body: { limit: 2 } }), true], [get('/cloud/groups?limit=2'), true], [get('/cloud/groups?limit=3'), false]],
  },
  {
    name: 'param from a route placeholder',
    match: { params: { groupId: 'group1' } },
    calls: [[get('/cloud/groups/group1'), true], [get('/cloud/groups/group2'), false]],
  },
  {
    name: 'param present / absent',
    match: { params: { limit: { present: true }, offset: { present: false } } },
    calls: [[get('/cloud/groups?limit=1'), true], [get('/cloud/groups'), false], [get('/cloud/groups?limit=1&offset=1'), false]],
  },
  {
    name: 'param regex',
    match: { params: { search: { regex: '^gr' } } },
    calls: [[get('/cloud/groups?search=group'), true], [get('/cloud/groups?search=agr'), false]],
  },
  {
    name: 'count from/to',
    match: { operationId: 'groups-get-groups', count: { from: 2, to: 3 } },
    calls: [[get('/cloud/groups'), false], [get('/cloud/users'), false], [get('/cloud/groups'), true], [get('/cloud/groups'), true], [get('/cloud/groups'), false]],
  },
  {
    name: 'count every',
    match: { count: { every: 2 } },
    calls: [[get('/cloud/groups'), false], [get('/cloud/groups'), true], [get('/cloud/groups'), false], [get('/cloud/groups'), true]],
  },
  {
    name: 'all criteria together',
    match: { operationId: 'groups-add-group', method: 'POST', path: '/cloud/groups', user: 'admin', params: { groupid: 'taken' } },
    calls: [
      [{ method: 'post', path: '/cloud/groups', body: { groupid: 'taken' } }, true],
      [{ method: 'post', path: '/cloud/groups', body: { groupid: 'taken' }, user: 'alice' }, false],
      [{ method: 'post', path: '/cloud/groups', body: { groupid: 'fresh' } }, false],
    ],
  },
];

function send(app: TestMock['app'], version: Version, format: Format, call: Call): Promise<Response> {
  const asVersion = call.otherVersion ? ((3 - version) as Version) : version;
  const req = ocs(app, call.method ?? 'get', asVersion, call.path, { user: call.user, format });
  return call.body ? req.send(call.body) : req;
}

describe.each(MATRIX)('matchers, v$version $format', ({ version, format }) => {
  let baseline: TestMock;
  beforeEach(async () => {
    baseline = await freshMock();
  });

  it.each(CASES)('$name: matching requests get the rule answer, others the real one', async ({ match, calls }) => {
    const { app } = await freshMock({ scenarios: [oneRule({ match: typeof match === 'function' ? match(version) : match, answer: { ocs: { statuscode: 102, message: 'hit' } } })] });
    for (const [call, hit] of calls) {
      const res = await send(app, version, format, call);
      if (hit) {
        expectOcs(res, version, format, { code: 102, message: 'hit' });
      } else {
        // A miss is answered exactly as a mock without scenarios answers it.
        const real = await send(baseline.app, version, format, call);
        expect({ status: res.status, type: res.headers['content-type'], body: res.text }).toEqual({
          status: real.status,
          type: real.headers['content-type'],
          body: real.text,
        });
      }
    }
  });
});
