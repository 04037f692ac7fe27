import type { RequestFilter } from './journal.js';

/** GET /__admin/requests's query, read: the filter and whether only the count is wanted. */
export type RequestQuery = { ok: true; filter: RequestFilter; countOnly: boolean } | { ok: false; error: string };

const TEXT_FILTERS = ['operationId', 'method', 'path', 'user'] as const;
const KNOWN = new Set<string>([...TEXT_FILTERS, 'status', 'since', 'unmatched', 'count']);

function flag(name: string, value: string): boolean | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return `${name} must be true or false, not "${value}"`;
}

/** Reads the query parameters (one value each) of GET /__admin/requests; an unknown or malformed one is an error. */
export function parseRequestQuery(query: Record<string, unknown>): RequestQuery {
  const filter: RequestFilter = {};
  let countOnly = false;
  for (const [name, raw] of Object.entries(query)) {
    if (!KNOWN.has(name)) return { ok: false, error: `unknown query parameter "${name}"; known: ${[...KNOWN].join(', ')}` };
    if (typeof raw !== 'string') return { ok: false, error: `${name} must be given once, as text` };
    if ((TEXT_FILTERS as readonly string[]).includes(name)) {
      filter[name as (typeof TEXT_FILTERS)[number]] = raw;
    } else if (name === 'status') {
      if (!/^[1-5]\d\d$/.test(raw)) return { ok: false, error: `status must be an HTTP status (100-599), not "${raw}"` };
      filter.status = Number(raw);
    } else if (name === 'since') {
      if (Number.isNaN(Date.parse(raw))) return { ok: false, error: `since must be an ISO 8601 time, not "${raw}"` };
      filter.since = raw;
    } else {
      const value = flag(name, raw);
      if (typeof value === 'string') return { ok: false, error: value };
      if (name === 'unmatched') filter.unmatched = value;
      else countOnly = value;
    }
  }
  return { ok: true, filter, countOnly };
}
