import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/observe/journal.js';
import type { RequestRecord } from '../../src/observe/record.js';
import { parseRequestQuery } from '../../src/observe/requestQuery.js';
import { freshMock, ocs } from '../support/mock.js';

/** Three requests: a match by admin, an unmatched one by alice, an anonymous refusal. */
async function journaled(options: Parameters<typeof freshMock>[0] = {}) {
  const mock = await freshMock(options);
  await ocs(mock.app, 'get', 1, '/cloud/groups');
  await ocs(mock.app, 'get', 2, '/cloud/grups', { user: 'alice' });
  await ocs(mock.app, 'delete', 2, '/cloud/users/bob', { user: null });
  return mock;
}

const summary = (records: RequestRecord[]) => records.map((r) => `${r.method} ${r.path} ${r.user ?? '-'} ${r.operationId ?? '-'} ${r.status}`);

describe('journal', () => {
  it('records each request, oldest first, with what was bound and answered', async () => {
    const { mock } = await journaled();
    expect(summary(mock.requests())).toEqual([
      'GET /cloud/groups admin groups-get-groups 200',
      'GET /cloud/grups alice - 404',
      'DELETE /cloud/users/bob - users-delete-user 401',
    ]);
    const [first] = mock.requests();
    expect(first).toMatchObject({
      id: 1,
      version: 1,
      params: { search: '', limit: null, offset: 0 },
      bound: true,
      unmatched: null,
      ocsCode: 100,
      ocsMessage: 'OK',
      rule: null,
      refusal: null,
    });
    expect(Number.isNaN(Date.parse(first.time))).toBe(false);
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('unmatched: the reason and the nearest operations', async () => {
    const { mock } = await journaled();
    const [unmatched] = mock.requests({ unmatched: true });
    expect(unmatched.unmatched).toMatchObject({ reason: 'no-route', nearest: expect.arrayContaining(['GET /cloud/groups']) });
    expect(unmatched.unmatched?.reason === 'no-route' && unmatched.unmatched.nearest).toHaveLength(3);
    expect(unmatched.unmatched?.reason === 'no-route' && unmatched.unmatched.nearest[0]).toBe('GET /cloud/groups');
    expect(unmatched.refusal).toMatch(/^no route; nearest: GET \/cloud\/groups, /);
  });

  it('is bounded: the oldest are dropped', async () => {
    const { app, mock } = await journaled({ journalSize: 2 });
    expect(summary(mock.requests())).toEqual(['GET /cloud/grups alice - 404', 'DELETE /cloud/users/bob - users-delete-user 401']);
    await ocs(app, 'get', 1, '/cloud/groups');
    expect(mock.requests().map((r) => r.id)).toEqual([3, 4]);
  });

  it('ring buffer keeps order across many wraps; size 0 keeps nothing', () => {
    const journal = new Journal(3);
    for (let i = 0; i < 10; i++) journal.add({ id: journal.nextId() } as RequestRecord);
    expect(journal.list().map((r) => r.id)).toEqual([8, 9, 10]);
    const none = new Journal(0);
    none.add({ id: none.nextId() } as RequestRecord);
    expect(none.list()).toEqual([]);
  });

  it('mock.reset() empties it', async () => {
    const { mock } = await journaled();
    mock.reset();
    expect(mock.requests()).toEqual([]);
  });

  it('mock.requests(filter): each filter', async () => {
    const { mock } = await journaled();
    const paths = (filter: Parameters<typeof mock.requests>[0]) => mock.requests(filter).map((r) => r.path);
    expect(paths({ operationId: 'users-delete-user' })).toEqual(['/cloud/users/bob']);
    expect(paths({ method: 'delete' })).toEqual(['/cloud/users/bob']);
    expect(paths({ path: '/cloud/users' })).toEqual(['/cloud/users/bob']);
    expect(paths({ user: 'alice' })).toEqual(['/cloud/grups']);
    expect(paths({ status: 401 })).toEqual(['/cloud/users/bob']);
    expect(paths({ unmatched: false })).toEqual(['/cloud/groups', '/cloud/users/bob']);
    expect(paths({ since: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(paths({ since: '2000-01-01T00:00:00Z' })).toHaveLength(3);
    expect(paths({ method: 'GET', user: 'admin' })).toEqual(['/cloud/groups']);
  });
});

describe('GET/DELETE /__admin/requests', () => {
  it('lists { requests, count }, newest last', async () => {
    const { app } = await journaled();
    const res = await request(app).get('/__admin/requests');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(3);
    expect(summary(res.body.requests as RequestRecord[])).toEqual([
      'GET /cloud/groups admin groups-get-groups 200',
      'GET /cloud/grups alice - 404',
      'DELETE /cloud/users/bob - users-delete-user 401',
    ]);
  });

  it('filters, count only, unmatched only', async () => {
    const { app } = await journaled();
    const get = (query: string) => request(app).get(`/__admin/requests?${query}`);
    expect((await get('count=true')).body).toEqual({ count: 3 });
    expect((await get('unmatched=true&count=true')).body).toEqual({ count: 1 });
    expect(summary((await get('operationId=groups-get-groups')).body.requests)).toEqual(['GET /cloud/groups admin groups-get-groups 200']);
    expect((await get('method=DELETE&user=alice')).body).toEqual({ requests: [], count: 0 });
    expect((await get('path=/cloud/grup&status=404')).body.count).toBe(1);
    expect((await get('since=2000-01-01T00:00:00Z&count=true')).body).toEqual({ count: 3 });
  });

  it('a malformed query is a 400 that says why', async () => {
    const { app } = await journaled();
    expect((await request(app).get('/__admin/requests?status=abc')).body).toEqual({ error: 'invalid query', reason: 'status must be an HTTP status (100-599), not "abc"' });
    expect((await request(app).get('/__admin/requests?since=yesterday')).status).toBe(400);
    expect((await request(app).get('/__admin/requests?colour=red')).status).toBe(400);
  });

  it('DELETE clears (204)', async () => {
    const { app, mock } = await journaled();
    const res = await request(app).delete('/__admin/requests');
    expect(res.status).toBe(204);
    expect(mock.requests()).toEqual([]);
  });
});

describe('parseRequestQuery', () => {
  it('reads every filter and the flags', () => {
    expect(
      parseRequestQuery({ operationId: 'x', method: 'GET', path: '/cloud', user: 'u', status: '404', since: '2026-01-01T00:00:00Z', unmatched: 'false', count: 'true' }),
    ).toEqual({
      ok: true,
      countOnly: true,
      filter: { operationId: 'x', method: 'GET', path: '/cloud', user: 'u', status: 404, since: '2026-01-01T00:00:00Z', unmatched: false },
    });
  });

  it('refuses repeated values and bad flags', () => {
    expect(parseRequestQuery({ user: ['a', 'b'] })).toEqual({ ok: false, error: 'user must be given once, as text' });
    expect(parseRequestQuery({ unmatched: 'yes' })).toEqual({ ok: false, error: 'unmatched must be true or false, not "yes"' });
  });
});
