import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CONTROL_ROUTES } from '../../src/control/routes.js';
import { freshMock, ocs, TEST_NOW } from '../support/mock.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const MINUTE = 60_000;

/** Status, Content-Type and the whole JSON body. */
function answer(res: request.Response): { status: number; type: string | undefined; body: unknown } {
  return { status: res.status, type: res.headers['content-type'], body: res.body };
}

/** A clock the test moves by hand. */
function handClock(): { now: number; clock: () => number } {
  const time = { now: TEST_NOW, clock: () => time.now };
  return time;
}

const LIMIT_REASON = (max: number, idle: number) =>
  `the mock holds ${max} sessions (option maxSessions); drop one with DELETE /__admin/sessions/{id}, all with DELETE /__admin/sessions, or wait until one has been idle for ${idle} ms (option sessionIdleMs)`;

describe('sessions are bounded', () => {
  it('one session over maxSessions -> 503 JSON naming the limit and how to drop sessions; an existing one is still served', async () => {
    const { mock, app } = await freshMock({ maxSessions: 2 });
    for (const id of ['a', 'b']) await ocs(app, 'get', 2, '/cloud/groups').set('X-Mock-Session', id).expect(200);
    const refused = await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', 'c').send({ groupid: 'g' });
    expect(answer(refused)).toEqual({ status: 503, type: JSON_TYPE, body: { error: 'too many sessions', reason: LIMIT_REASON(2, 10 * MINUTE), limit: 2 } });
    expect((await request(app).get('/__admin/requests').set('X-Mock-Session', 'c')).status).toBe(503);
    expect(() => mock.session('c')).toThrow(LIMIT_REASON(2, 10 * MINUTE));
    await ocs(app, 'get', 2, '/cloud/groups').set('X-Mock-Session', 'a').expect(200);
    expect(mock.sessions.list().map((s) => s.id)).toEqual(['a', 'b']);
    expect((await request(app).delete('/__admin/sessions/a')).status).toBe(204);
    await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', 'c').send({ groupid: 'g' }).expect(200);
  });

  it('an idle session expires on the mock clock: its next use starts from the fixture, and it leaves room under the limit', async () => {
    const time = handClock();
    const { mock, app } = await freshMock({ clock: time.clock, maxSessions: 2, sessionIdleMs: 5 * MINUTE });
    await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', 'old').send({ groupid: 'g' }).expect(200);
    time.now += 4 * MINUTE;
    await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', 'young').send({ groupid: 'g' }).expect(200);
    time.now += 2 * MINUTE;
    expect(mock.sessions.list().map((s) => s.id)).toEqual(['young']);
    await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', 'new').send({ groupid: 'g' }).expect(200);
    await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', 'young').send({ groupid: 'g' }).expect(400);
    expect(answer(await ocs(app, 'get', 2, '/cloud/groups').set('X-Mock-Session', 'old')).status).toBe(503);
    time.now += 5 * MINUTE + 1;
    expect(mock.session('old').state.groups.has('g')).toBe(false);
  });

  it('a session in use does not expire', async () => {
    const time = handClock();
    const { mock, app } = await freshMock({ clock: time.clock, sessionIdleMs: 5 * MINUTE });
    await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', 'busy').send({ groupid: 'g' }).expect(200);
    for (let i = 0; i < 4; i++) {
      time.now += 4 * MINUTE;
      await ocs(app, 'get', 2, '/cloud/groups').set('X-Mock-Session', 'busy').expect(200);
    }
    expect(mock.session('busy').state.groups.has('g')).toBe(true);
  });
});

describe('control routes for sessions', () => {
  it('GET /__admin/sessions -> 200 JSON: each session with lastUsed and counts, and the limits', async () => {
    const time = handClock();
    const { app } = await freshMock({ clock: time.clock });
    await ocs(app, 'delete', 2, '/cloud/users/bob').set('X-Mock-Session', 'one').expect(200);
    time.now += 1000;
    await request(app).post('/__admin/scenarios').set('X-Mock-Session', 'two').send({ shipped: 'throttled' }).expect(201);
    expect(answer(await request(app).get('/__admin/sessions'))).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: {
        sessions: [
          { id: 'one', lastUsed: new Date(TEST_NOW).toISOString(), users: 4, groups: 4, scenarios: 0, requests: 1 },
          { id: 'two', lastUsed: new Date(TEST_NOW + 1000).toISOString(), users: 5, groups: 4, scenarios: 1, requests: 0 },
        ],
        count: 2,
        maxSessions: 100,
        idleMs: 10 * MINUTE,
      },
    });
  });

  it('DELETE /__admin/sessions/{id} -> 204, the next use starts afresh; an unknown id -> 404 JSON', async () => {
    const { mock, app } = await freshMock();
    await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', 'd').send({ groupid: 'g' }).expect(200);
    expect((await request(app).delete('/__admin/sessions/d')).status).toBe(204);
    expect(mock.sessions.list()).toEqual([]);
    await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Session', 'd').send({ groupid: 'g' }).expect(200);
    expect(answer(await request(app).delete('/__admin/sessions/nope'))).toEqual({
      status: 404,
      type: JSON_TYPE,
      body: { error: 'unknown session', reason: 'no session "nope" is live (GET /__admin/sessions lists them)' },
    });
  });

  it('DELETE /__admin/sessions -> 204, none left; mock.dropSession / dropSessions do the same', async () => {
    const { mock, app } = await freshMock();
    for (const id of ['a', 'b', 'c']) mock.session(id);
    expect(mock.dropSession('a')).toBe(true);
    expect(mock.dropSession('a')).toBe(false);
    expect((await request(app).delete('/__admin/sessions')).status).toBe(204);
    expect(mock.sessions.list()).toEqual([]);
    mock.session('x');
    expect(mock.dropSessions()).toBe(1);
  });

  it('DELETE /__admin/sessions from another origin -> 403, sessions kept', async () => {
    const { mock, app } = await freshMock();
    mock.session('kept');
    expect((await request(app).delete('/__admin/sessions').set('Origin', 'http://evil.example')).status).toBe(403);
    expect(mock.sessions.list().map((s) => s.id)).toEqual(['kept']);
  });

  it('control-api.json documents X-Mock-Session on every route that acts on a session, and on no other', () => {
    const spec = JSON.parse(readFileSync(new URL('../../control-api.json', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, { parameters?: { $ref?: string }[] }>>;
    };
    const unscoped = new Set(['GET /__admin/scenarios/shipped', 'GET /__admin/sessions', 'DELETE /__admin/sessions', 'DELETE /__admin/sessions/{id}']);
    for (const route of CONTROL_ROUTES) {
      const name = `${route.method} ${route.path}`;
      const parameters = spec.paths[route.path][route.method.toLowerCase()].parameters ?? [];
      expect({ name, header: parameters.some((p) => p.$ref === '#/components/parameters/Session') }).toEqual({ name, header: !unscoped.has(name) });
    }
  });
});
