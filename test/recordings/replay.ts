import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { maskBody, maskHeaderValue, type MaskContext } from '../fixtures/nc29/mask.mjs';

/** One exchange of test/fixtures/nc29/recordings.json (format: ../shared/reference/nc29/README.md). */
export interface Exchange {
  id: string;
  section: string;
  as: string;
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    bodyType: 'none' | 'form' | 'json' | 'multipart' | 'raw';
    body: string | GeneratedBody | null;
  };
  response: Answer & { masks?: string[] };
}

/** A big body recorded as `prefix + repeat × count + suffix` (README "Generated bodies"). */
interface GeneratedBody {
  generated: true;
  prefix: string;
  repeat: string;
  count: number;
  suffix: string;
}

export interface Answer {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
}

/** The parts of the mock's answer that differ from the recorded one, with the mock's (masked) values. */
export interface Difference {
  status?: number;
  /** null: the mock sent no such header. */
  headers?: Record<string, string | null>;
  body?: string;
}

/** The recording's login placeholders (README "Request headers") -> the real credentials. */
export function authorization(recorded: string, passwords: Record<string, string>): string {
  const placeholder = /^Basic <(.*)>$/.exec(recorded);
  if (!placeholder) return recorded; // raw values: Bearer, Digest, malformed Basic
  const inner = placeholder[1] ?? '';
  const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
  const failing = /^(.*):(wrong password|unknown user|empty password)$/.exec(inner);
  if (failing) {
    const [, user = '', kind] = failing;
    return basic(kind === 'empty password' ? `${user}:` : `${user}:not-the-password`);
  }
  const noColon = /^(.*), no colon$/.exec(inner);
  if (noColon) return basic(noColon[1] ?? '');
  // A login name: the user id in any case, or the e-mail address (auth/user-case, auth/email-login).
  const password = passwords[inner.toLowerCase()] ?? passwords[inner.split('@')[0] ?? ''];
  if (password === undefined) throw new Error(`no password for the login ${inner}`);
  return basic(`${inner}:${password}`);
}

function requestBody(body: Exchange['request']['body']): Buffer | undefined {
  if (body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  return Buffer.from(body.prefix + body.repeat.repeat(body.count) + body.suffix);
}

/** A server on a free port, and requests sent over one kept-alive connection at a time. */
export class Replayer {
  private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private constructor(
    private readonly server: http.Server,
    private readonly port: number,
    private readonly passwords: Record<string, string>,
  ) {}

  static async start(listener: http.RequestListener, passwords: Record<string, string>): Promise<Replayer> {
    const server = http.createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new Replayer(server, (server.address() as AddressInfo).port, passwords);
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  /** Sends the recorded request (headers in their recorded order and spelling, real credentials). */
  send(exchange: Exchange): Promise<Answer> {
    const { method, url, headers } = exchange.request;
    const body = requestBody(exchange.request.body);
    const sent: [string, string][] = [];
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() === 'connection') continue; // the recorder closed every connection; we keep it
      sent.push([name, name.toLowerCase() === 'authorization' ? authorization(value, this.passwords) : value]);
    }
    return new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: this.port, method, path: url, headers: sent.flat(), agent: this.agent, setHost: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const answerHeaders: Record<string, string> = {};
            for (const [name, value] of Object.entries(res.headers)) {
              if (value !== undefined) answerHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
            }
            resolve({ status: res.statusCode ?? 0, headers: answerHeaders, body: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** The response headers the comparison covers (README "Response headers" kept, minus the constant x-headers). */
function compared(name: string): boolean {
  return (
    ['content-type', 'www-authenticate', 'location', 'allow', 'retry-after'].includes(name) ||
    name.startsWith('x-nextcloud-') ||
    name.startsWith('access-control-')
  );
}

const UNMASKED_LENGTH = '<LENGTH-OF-UNMASKED-BODY>';

/**
 * Compares the mock's answer with the recorded one after masking it like the recorder did:
 * status, the compared headers (content-length only where recorded) and the body.
 */
export function differences(recorded: Exchange['response'], answer: Answer, mask: MaskContext): Difference {
  const difference: Difference = {};
  if (answer.status !== recorded.status) difference.status = answer.status;

  const names = new Set([...Object.keys(recorded.headers), ...Object.keys(answer.headers)].filter(compared));
  if ('content-length' in recorded.headers) names.add('content-length');
  const headers: Record<string, string | null> = {};
  for (const name of names) {
    const raw = answer.headers[name];
    let value = raw === undefined ? null : maskHeaderValue(raw, mask);
    if (name === 'content-length' && recorded.headers[name] === UNMASKED_LENGTH && value === String(Buffer.byteLength(answer.body))) {
      value = UNMASKED_LENGTH;
    }
    if (value !== (recorded.headers[name] ?? null)) headers[name] = value;
  }
  if (Object.keys(headers).length > 0) difference.headers = headers;

  const body = maskBody(answer.body, mask).text;
  if (body !== recorded.body) difference.body = body;
  return difference;
}
