import { parseRequestQuery } from '../observe/requestQuery.js';
import { ControlError } from './answers.js';
import type { ControlRoute } from './route.js';

/** The request journal (WireMock's /__admin/requests): what the mock received, and clearing it. */
export const REQUEST_ROUTES: readonly ControlRoute[] = [
  {
    method: 'GET',
    path: '/__admin/requests',
    writes: false,
    summary: 'the journaled requests, oldest first, as {requests, count}; filters: operationId, method, path (prefix), user, status, since, unmatched; count=true for {count} only',
    handle: ({ scope, query }) => {
      const read = parseRequestQuery(query);
      if (!read.ok) throw new ControlError(400, 'invalid query', read.error);
      const requests = scope().requests(read.filter);
      return { status: 200, body: read.countOnly ? { count: requests.length } : { requests, count: requests.length } };
    },
  },
  {
    method: 'DELETE',
    path: '/__admin/requests',
    writes: true,
    summary: 'empties the journal',
    handle: ({ scope }) => {
      scope().journal.clear();
      return { status: 204 };
    },
  },
];
