import type { OcsClient } from './client.js';
import type { JsonValue } from './types.js';

/** What a read-back found wrong, with the curl line of the read. */
export interface Finding {
  message: string;
  curl: string;
}

interface Read {
  httpStatus: number;
  statuscode: number | null;
  message: string;
  data: JsonValue;
  curl: string;
  /** `GET /cloud/users/x` for messages. */
  what: string;
}

/** A check that a write took effect: a server that answers 100 and changes nothing fails it. */
export type ReadBack = (reader: Reader) => Promise<Finding[]>;

/** Reads the server's state back after a write: v2 JSON, as the check's own login. */
export class Reader {
  constructor(private readonly client: OcsClient) {}

  async get(path: string, query?: [string, string][]): Promise<Read> {
    const { response, curl } = await this.client.send({ method: 'GET', path, query }, { version: 2, format: 'json' });
    const what = `GET ${path}${query ? '?' + query.map(([k, v]) => `${k}=${v}`).join('&') : ''}`;
    try {
      const body = JSON.parse(response.text) as { ocs: { meta: { statuscode: number; message: string }; data: JsonValue } };
      return { httpStatus: response.status, statuscode: body.ocs.meta.statuscode, message: body.ocs.meta.message, data: body.ocs.data, curl, what };
    } catch {
      return { httpStatus: response.status, statuscode: null, message: '', data: null, curl, what };
    }
  }
}

const show = (value: JsonValue | undefined) => (value === undefined ? 'missing' : JSON.stringify(value));

function field(value: JsonValue, key: string): JsonValue | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
}

/** The read must have succeeded for its data to say anything. */
function failedRead(read: Read): Finding[] {
  if (read.statuscode === 200) return [];
  const code = read.statuscode === null ? 'no OCS answer' : `statuscode ${read.statuscode} ${JSON.stringify(read.message)}`;
  return [{ message: `read back: ${read.what} answered HTTP ${read.httpStatus}, ${code}`, curl: read.curl }];
}

/** `data[key]` of `path` is `want`, as the write just set it. */
export function fieldIs(path: string, key: string, want: JsonValue): ReadBack {
  return async (reader) => {
    const read = await reader.get(path);
    const failed = failedRead(read);
    if (failed.length) return failed;
    const got = field(read.data, key);
    if (JSON.stringify(got) === JSON.stringify(want)) return [];
    return [{ message: `read back: ${read.what}: ${key} is ${show(got)}, expected ${show(want)} as just written`, curl: read.curl }];
  };
}

/** The entry with `id` in the list `data[listKey]` of `path` has `key` = `want`. */
export function entryIs(path: string, query: [string, string][], listKey: string, id: string, key: string, want: JsonValue): ReadBack {
  return async (reader) => {
    const read = await reader.get(path, query);
    const failed = failedRead(read);
    if (failed.length) return failed;
    const list = field(read.data, listKey);
    const entries = Array.isArray(list) ? list : [];
    const entry = entries.find((item) => field(item, 'id') === id);
    if (entry === undefined) return [{ message: `read back: ${read.what}: no entry with id ${JSON.stringify(id)} in ${listKey}, expected one as just written`, curl: read.curl }];
    const got = field(entry, key);
    if (JSON.stringify(got) === JSON.stringify(want)) return [];
    return [{ message: `read back: ${read.what}: ${listKey} entry ${JSON.stringify(id)} has ${key} ${show(got)}, expected ${show(want)} as just written`, curl: read.curl }];
  };
}

/**
 * `item` is (or is no longer) among the values of `data[listKey]` of `path` (`data` itself when
 * listKey is null). A list or a map: PHP's array_intersect keeps keys (a sub-admin's view).
 */
export function listed(path: string, listKey: string | null, item: string, present = true): ReadBack {
  return async (reader) => {
    const read = await reader.get(path);
    const failed = failedRead(read);
    if (failed.length) return failed;
    const list = listKey === null ? read.data : field(read.data, listKey);
    const values = Array.isArray(list) ? list : list !== null && typeof list === 'object' ? Object.values(list) : [];
    if (values.includes(item) === present) return [];
    const name = listKey ?? 'data';
    const message = present ? `${name} ${show(list)} lacks ${JSON.stringify(item)}, just added` : `${name} still has ${JSON.stringify(item)}, just removed`;
    return [{ message: `read back: ${read.what}: ${message}`, curl: read.curl }];
  };
}

/** `path` names something just deleted: it must answer 404 now. */
export function gone(path: string): ReadBack {
  return async (reader) => {
    const read = await reader.get(path);
    if (read.statuscode === 404) return [];
    const code = read.statuscode === null ? 'no OCS answer' : `statuscode ${read.statuscode}`;
    return [{ message: `read back: ${read.what}: still there (HTTP ${read.httpStatus}, ${code}), expected 404 after the delete`, curl: read.curl }];
  };
}

/** Both read-backs, in order. */
export function both(first: ReadBack, second: ReadBack): ReadBack {
  return async (reader) => [...(await first(reader)), ...(await second(reader))];
}
