import type { ServerResponse } from 'node:http';

/** A refusal of the mock itself (not of the emulated Nextcloud): always JSON; a 4xx, or 503 at the session limit. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${error}: ${reason}`);
    this.name = 'ControlError';
  }
}

export function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

export function writeControlError(res: ServerResponse, refusal: ControlError): void {
  writeJson(res, refusal.status, { error: refusal.error, reason: refusal.reason, ...refusal.extra }, refusal.headers);
}
