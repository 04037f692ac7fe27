import type { RequestRecord } from './record.js';
import { IGNORED_CREDENTIALS, LOGIN_FAILURES } from './refusals.js';

export type LogLevel = 'silent' | 'info' | 'debug';
export type LogFormat = 'text' | 'json';
export const LOG_LEVELS: readonly LogLevel[] = ['silent', 'info', 'debug'];
export const LOG_FORMATS: readonly LogFormat[] = ['text', 'json'];

export interface LogOptions {
  /** silent (the library default): nothing; info: one line per request; debug: also parameters and answer body. */
  level?: LogLevel;
  /** text (the default) or json: one JSON object a line. */
  format?: LogFormat;
  /** Where lines go (without a line break); default: process.stdout. */
  write?: (line: string) => void;
  /** ANSI colours in text lines; default: when writing to process.stdout and it is a TTY. */
  colour?: boolean;
}

/** What the mock did to a connection: closed it (idle) or refused it (over the cap). */
export type ConnectionEvent = 'closed' | 'refused';

const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2 } as const;
type Colour = keyof typeof ANSI;


/** Who sent the request, in words: a user id, `anonymous`, or the failed login and why. */
export function describeUser(record: RequestRecord): string {
  const { login } = record;
  if (login.kind === 'failed') return `login failed (${login.loginName}: ${LOGIN_FAILURES[login.reason]})`;
  if (login.kind === 'anonymous') return login.ignored ? `anonymous (${IGNORED_CREDENTIALS[login.ignored]})` : 'anonymous';
  return record.user ?? 'anonymous';
}

function statusColour(status: number | null): Colour {
  if (status === null || status >= 500) return 'red';
  if (status >= 400) return 'yellow';
  return status >= 300 ? 'cyan' : 'green';
}

const isOk = (code: number | null): boolean => code === 100 || code === 200;

/** Why the answer is what it is: the mock's refusal, or the message of an OCS failure. */
function reasonOf(record: RequestRecord): string | null {
  if (record.refusal) return record.refusal;
  if (record.ocsCode !== null && !isOk(record.ocsCode) && record.ocsMessage) return record.ocsMessage.trim();
  return null;
}

/** The request log of one mock: a line per request (plus detail at debug) to a writer. */
export class RequestLog {
  readonly level: LogLevel;
  readonly format: LogFormat;
  private readonly write: (line: string) => void;
  private readonly colour: boolean;

  constructor(options: LogOptions = {}) {
    this.level = options.level ?? 'silent';
    this.format = options.format ?? 'text';
    this.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
    this.colour = options.colour ?? (options.write === undefined && process.stdout.isTTY === true);
  }

  get enabled(): boolean {
    return this.level !== 'silent';
  }

  /** Whether answers' bodies should be captured for this log. */
  get wantsBody(): boolean {
    return this.level === 'debug';
  }

  log(record: RequestRecord, body: string | null): void {
    if (!this.enabled) return;
    if (this.format === 'json') {
      this.write(JSON.stringify(this.jsonOf(record, body)));
      return;
    }
    this.write(this.lineOf(record));
    if (this.level === 'debug') {
      this.write(`  ${record.bound ? 'arguments' : 'parameters'} ${JSON.stringify(record.params)}`);
      if (body !== null) this.write(`  body ${JSON.stringify(body)}`);
    }
  }

  /** A connection the mock closed or refused to protect itself (not a request: no journal entry). */
  connection(event: ConnectionEvent, remote: string, reason: string): void {
    if (!this.enabled) return;
    const time = new Date().toISOString();
    if (this.format === 'json') {
      this.write(JSON.stringify({ time, connection: event, remote, reason }));
      return;
    }
    this.write(`${this.paint('dim', time)} connection ${remote} ${this.paint('yellow', event)}: ${reason}`);
  }

  private jsonOf(record: RequestRecord, body: string | null): Record<string, unknown> {
    const { params, bound, ...rest } = record;
    const line: Record<string, unknown> = { ...rest, who: describeUser(record) };
    if (this.level === 'debug') Object.assign(line, { params, bound, body });
    return line;
  }

  private paint(colour: Colour, text: string): string {
    return this.colour ? `\u001b[${ANSI[colour]}m${text}\u001b[0m` : text;
  }

  private lineOf(record: RequestRecord): string {
    const path = record.version === null ? record.path : `/ocs/v${record.version}.php${record.path}`;
    const ocs = record.ocsCode === null ? 'ocs -' : `ocs ${record.ocsCode}`;
    const parts = [
      this.paint('dim', record.time),
      `${record.method} ${path}`,
      describeUser(record),
      record.operationId ?? this.paint('yellow', 'no route'),
      this.paint(statusColour(record.status), record.status === null ? 'dropped' : String(record.status)),
      record.ocsCode === null || isOk(record.ocsCode) ? ocs : this.paint('yellow', ocs),
      `${record.durationMs.toFixed(1)}ms`,
    ];
    if (record.session !== null) parts.push(`session ${record.session}`);
    if (record.rule !== null) parts.push(`rule "${record.rule}"`);
    const reason = reasonOf(record);
    if (reason !== null) parts.push(`- ${reason}`);
    return parts.join(' ');
  }
}
