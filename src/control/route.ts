import type { OcsMock } from '../mock.js';
import type { MockScope } from '../sessions/scope.js';

/** One control request, as a route's handler sees it. */
export interface ControlCall {
  mock: OcsMock;
  /** The parts the request aims at: the session X-Mock-Session names (made on first use), else the mock's own. */
  scope(): MockScope;
  /** The path's `{placeholders}`, decoded. */
  params: Record<string, string>;
  /** The parsed JSON body; undefined when the request carried none. */
  body: unknown;
  /** The query string's parameters (a repeated one as a list). */
  query: Record<string, unknown>;
}

/** A handler's answer: a status and a JSON body (none for 204). */
export interface ControlReply {
  status: number;
  body?: unknown;
}

/** One row of the control API's route table. */
export interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Under /__admin; `{name}` is one path segment. */
  path: string;
  /** Changes the mock: refused cross-origin and with a non-JSON body (a browser page cannot send one). */
  writes: boolean;
  summary: string;
  handle(call: ControlCall): ControlReply;
}
