import type { OcsVersion } from '../ocs/status.js';
import type { OcsCall, OcsFormat } from './types.js';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface SendOptions {
  version: OcsVersion;
  /** `json` adds ?format=json; `xml` sends no format, so the server's default (XML) is checked. */
  format: OcsFormat;
  /** Leave out the OCS-APIRequest header (CSRF check). */
  noApiHeader?: boolean;
  /** Send this password instead of the real one (wrong-password check). */
  password?: string;
  /** Cleanup requests still go out after stop(). */
  cleanup?: boolean;
}

export interface Sent {
  response: RawResponse;
  curl: string;
}

/** A failure to reach the server at all (refused, DNS, timeout). */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/** The run was interrupted (Ctrl-C): no new requests except cleanup. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
}

/** Talks to one server as one user, and can print every request as a curl line. */
export class OcsClient {
  private readonly base: string;
  private stopped = false;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    url: string,
    private readonly user: string,
    private readonly password: string,
    private readonly timeoutMs: number,
  ) {
    this.base = url.replace(/\/+$/, '');
  }

  url(call: OcsCall, options: SendOptions): string {
    const query: [string, string][] = [...(call.query ?? [])];
    if (options.format === 'json') query.push(['format', 'json']);
    const search = query.length ? '?' + query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') : '';
    return `${this.base}/ocs/v${options.version}.php${call.path}${search}`;
  }

  /** Refuses new requests (but cleanup) and waits for those in flight, so cleanup sees what they created. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.inflight]);
  }

  send(call: OcsCall, options: SendOptions): Promise<Sent> {
    if (this.stopped && !options.cleanup) return Promise.reject(new InterruptedError('interrupted'));
    const request = this.request(call, options);
    this.inflight.add(request);
    void request.finally(() => this.inflight.delete(request)).catch(() => undefined);
    return request;
  }

  private async request(call: OcsCall, options: SendOptions): Promise<Sent> {
    const url = this.url(call, options);
    const headers: Record<string, string> = {
      Authorization: 'Basic ' + Buffer.from(`${this.user}:${options.password ?? this.password}`).toString('base64'),
    };
    if (!options.noApiHeader) headers['OCS-APIRequest'] = 'true';
    let body: string | undefined;
    if (call.body) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    const curl = this.curl(call.method, url, headers, body, options.password !== undefined);
    return { response: await this.exchange(url, { method: call.method, headers, body }), curl };
  }

  /** A public page outside the OCS API, e.g. `/status.php`: no credentials, no OCS header. */
  async page(path: string): Promise<Sent> {
    const url = this.base + path;
    return { response: await this.exchange(url, { method: 'GET' }), curl: `curl -sS -i ${shellQuote(url)}` };
  }

  private async exchange(url: string, init: { method: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const detail = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new UnreachableError(`cannot reach ${url}: ${detail}`);
    }
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** The same request for a shell; the real password is never printed. */
  private curl(method: string, url: string, headers: Record<string, string>, body: string | undefined, wrongPassword: boolean): string {
    const parts = ['curl -sS -i'];
    parts.push(wrongPassword ? `-u ${shellQuote(`${this.user}:wrong-password`)}` : `-u "${this.user.replace(/["$`\\]/g, '\\$&')}:$OCS_PASSWORD"`);
    for (const [name, value] of Object.entries(headers)) {
      if (name !== 'Authorization') parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    }
    if (method !== 'GET') parts.push(`-X ${method}`);
    if (body !== undefined) parts.push(`--data ${shellQuote(body)}`);
    parts.push(shellQuote(url));
    return parts.join(' ');
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
