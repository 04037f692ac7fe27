import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Journal } from './journal.js';
import type { RecordDraft, RequestRecord } from './record.js';
import { redactParams } from './redact.js';
import type { RequestLog } from './requestLog.js';

/** Where a mock's pipeline hands each request record. */
export interface Observers {
  readonly journal: Journal;
  readonly log: RequestLog;
}

/** At debug level only: keeps the answer body (every writer sends it with one `end`). */
export function captureBody(res: ServerResponse, draft: RecordDraft): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    const chunk = args[0];
    if (typeof chunk === 'string') draft.body = chunk;
    else if (Buffer.isBuffer(chunk)) draft.body = chunk.toString('utf8');
    return end(...args);
  }) as ServerResponse['end'];
}

/** The finished record: into the journal and the log. */
export function settle(observers: Observers, draft: RecordDraft, res: ServerResponse): RequestRecord {
  // Field by field (no rest/spread): this runs for every request.
  const record: RequestRecord = {
    id: observers.journal.nextId(),
    time: draft.time,
    method: draft.method,
    version: draft.version,
    path: draft.path,
    session: draft.session,
    user: draft.user,
    login: draft.login,
    bound: draft.bound,
    operationId: draft.operationId,
    unmatched: draft.unmatched,
    ocsCode: draft.ocsCode,
    ocsMessage: draft.ocsMessage,
    rule: draft.rule,
    refusal: draft.refusal,
    params: redactParams(draft.params),
    durationMs: Math.max(0, performance.now() - draft.started),
    status: res.headersSent ? res.statusCode : null,
  };
  observers.journal.add(record);
  observers.log.log(record, draft.body);
  return record;
}
