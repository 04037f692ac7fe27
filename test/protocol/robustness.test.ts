import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { freshMock } from '../support/mock.js';
import type { OcsMock } from '../../src/mock.js';

function snapshot(mock: OcsMock): string {
  const { state } = mock;
  return JSON.stringify({
    // Stored accounts serialise every field, their accessors and preferences too (StoredUser.toJSON).
    users: [...state.users.values()],
    groups: [...state.groups.values()].map((group) => ({ ...group, members: [...group.members], subadmins: [...group.subadmins] })),
    appConfig: [...state.appConfig].map(([app, values]) => [app, [...values]]),
    apps: [...state.apps.values()],
  });
}

const AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`;

/** Hostile or broken requests, each with the status Nextcloud gives it. */
const CASES: { name: string; method: string; path: string; type?: string; body?: string; status: number }[] = [
  { name: 'JSON array body', method: 'POST', path: '/cloud/groups', type: 'application/json', body: '[1,2,3]', status: 500 },
  { name: 'JSON scalar body', method: 'POST', path: '/cloud/groups', type: 'application/json', body: '"x"', status: 500 },
  { name: 'truncated JSON', method: 'PUT', path: '/cloud/users/bob', type: 'application/json', body: '{"key":"displayname","value":', status: 500 },
  { name: '__proto__ in a JSON body', method: 'POST', path: '/cloud/groups', type: 'application/json', body: '{"__proto__":{"groupid":"evil"}}', status: 500 },
  { name: '__proto__ in a query', method: 'GET', path: '/cloud/users?__proto__[search]=x&constructor[prototype][y]=1', status: 200 },
  { name: 'array where a string is bound', method: 'POST', path: '/cloud/groups', type: 'application/x-www-form-urlencoded', body: 'groupid[]=a&groupid[]=b', status: 500 },
  { name: 'object where a string is bound', method: 'PUT', path: '/cloud/users/bob', type: 'application/json', body: '{"key":{"a":1},"value":"x"}', status: 500 },
  { name: 'limit that is not a number', method: 'GET', path: '/cloud/users?limit=abc', status: 200 },
  // Doctrine DBAL refuses a negative offset (recording users-get-users/offset-negative).
  { name: 'negative offset', method: 'GET', path: '/cloud/users?offset=-5', status: 500 },
  { name: 'deeply nested query', method: 'GET', path: `/cloud/groups?search${'[a]'.repeat(50)}=1`, status: 500 },
  { name: 'broken percent-encoding in the path', method: 'GET', path: '/cloud/users/%E0%A4%A', status: 404 },
  { name: 'NUL in an id', method: 'GET', path: '/cloud/users/bo%00b', status: 404 },
  { name: 'multipart with a broken body', method: 'POST', path: '/cloud/groups', type: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="groupid"\r\n\r\nbroken', status: 500 },
  { name: 'unknown method', method: 'PATCH', path: '/cloud/users/bob', status: 405 },
  { name: 'long search string', method: 'GET', path: `/cloud/users?search=${'x'.repeat(8000)}`, status: 200 },
  { name: 'quota that is not a size', method: 'PUT', path: '/cloud/users/bob', type: 'application/json', body: '{"key":"quota","value":"1e999 GB"}', status: 400 },
];

describe('bad input never crashes the server nor corrupts state', () => {
  it.each(CASES)('v2 $name -> HTTP $status, state unchanged, server still answers', async ({ method, path, type, body, status }) => {
    const { app, mock } = await freshMock();
    const listGroups = () => request(app).get('/ocs/v2.php/cloud/groups?format=json').set('Authorization', AUTH).set('OCS-APIRequest', 'true');
    // Every authenticated request records admin's login; the test clock stands still, so after
    // this first one a second login changes nothing.
    await listGroups();
    const before = snapshot(mock);
    let req = request(app)[method.toLowerCase() as 'get'](`/ocs/v2.php${path}`).set('Authorization', AUTH).set('OCS-APIRequest', 'true');
    if (type) req = req.set('Content-Type', type);
    const res = await (body === undefined ? req : req.send(body));
    expect(res.status).toBe(status);
    expect(snapshot(mock)).toBe(before);
    const after = await listGroups();
    expect(after.text).toBe('{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":{"groups":["admin","empty","group1","group2"]}}}');
  });
});
