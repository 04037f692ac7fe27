import type { RequestRecord } from './record.js';

export const DEFAULT_JOURNAL_SIZE = 1000;

/** Which journaled requests to list; every given criterion must hold. */
export interface RequestFilter {
  operationId?: string;
  /** Compared in upper case. */
  method?: string;
  /** A prefix of the path below /ocs/v{1,2}.php, e.g. `/cloud/users`. */
  path?: string;
  /** The logged-in user id. */
  user?: string;
  /** The HTTP status. */
  status?: number;
  /** Requests that arrived at or after this time. */
  since?: Date | string;
  /** Only requests no operation matched (true) or only matched ones (false). */
  unmatched?: boolean;
}

/** Whether a record meets every criterion of the filter. */
export function matchesFilter(record: RequestRecord, filter: RequestFilter): boolean {
  if (filter.operationId !== undefined && record.operationId !== filter.operationId) return false;
  if (filter.method !== undefined && record.method !== filter.method.toUpperCase()) return false;
  if (filter.path !== undefined && !record.path.startsWith(filter.path)) return false;
  if (filter.user !== undefined && record.user !== filter.user) return false;
  if (filter.status !== undefined && record.status !== filter.status) return false;
  if (filter.since !== undefined && Date.parse(record.time) < new Date(filter.since).getTime()) return false;
  if (filter.unmatched !== undefined && (record.unmatched !== null) !== filter.unmatched) return false;
  return true;
}

/** The last `size` requests of one mock, oldest first: a ring buffer, the oldest dropped when full. */
export class Journal {
  private readonly slots: (RequestRecord | undefined)[];
  /** Where the next record goes. */
  private next = 0;
  private length = 0;
  private sequence = 0;

  constructor(readonly size: number = DEFAULT_JOURNAL_SIZE) {
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`journal size must be a whole number >= 0, not ${size}`);
    this.slots = new Array<RequestRecord | undefined>(size);
  }

  /** The id the next record gets. */
  nextId(): number {
    return ++this.sequence;
  }

  add(record: RequestRecord): void {
    if (this.size === 0) return;
    this.slots[this.next] = record;
    this.next = (this.next + 1) % this.size;
    this.length = Math.min(this.length + 1, this.size);
  }

  /** Records meeting the filter, oldest first. */
  list(filter: RequestFilter = {}): RequestRecord[] {
    const records: RequestRecord[] = [];
    const first = (this.next - this.length + this.size) % this.size;
    for (let i = 0; i < this.length; i++) {
      const record = this.slots[(first + i) % this.size]!;
      if (matchesFilter(record, filter)) records.push(record);
    }
    return records;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.next = this.length = 0;
  }
}
