import { ControlError } from './answers.js';
import type { ControlRoute } from './route.js';

/** The sessions of parallel tests: list, drop one, drop all. Other routes act on the session X-Mock-Session names. */
export const SESSION_ROUTES: readonly ControlRoute[] = [
  {
    method: 'GET',
    path: '/__admin/sessions',
    writes: false,
    summary: 'the live sessions (id, lastUsed, users, groups, scenarios, requests) and the limits, as {sessions, count, maxSessions, idleMs}',
    handle: ({ mock }) => {
      const sessions = mock.sessions.list();
      return { status: 200, body: { sessions, count: sessions.length, ...mock.sessions.limits } };
    },
  },
  {
    method: 'DELETE',
    path: '/__admin/sessions',
    writes: true,
    summary: 'drops every session',
    handle: ({ mock }) => {
      mock.dropSessions();
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    path: '/__admin/sessions/{id}',
    writes: true,
    summary: 'drops one session: its state, scenarios and journal are gone; its next use starts afresh',
    handle: ({ mock, params }) => {
      if (mock.dropSession(params.id)) return { status: 204 };
      throw new ControlError(404, 'unknown session', `no session "${params.id}" is live (GET /__admin/sessions lists them)`);
    },
  },
];
