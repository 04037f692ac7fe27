import type { ReadBack } from './readBack.js';
import type { Setup } from './setup.js';
import type { Expectation, MethodNotAllowed, OcsCall, Variant } from './types.js';

/** One request sent in all four variants, with what the contract says it must answer. */
export interface Step {
  name: string;
  call: (variant: Variant) => OcsCall;
  expect: Expectation | MethodNotAllowed;
  /** Creates this variant's own resources first (write runs). */
  before?: (variant: Variant, setup: Setup) => Promise<void>;
  /** After the call: reads the state back, so a write that changed nothing fails. */
  readBack?: (variant: Variant) => ReadBack;
  /** Asks for a user, group or app that does not exist (the answer a shadowing route gives, too). */
  notFound?: boolean;
}

/** What the plan needs to know about the server, found out before it runs. */
export interface PlanContext {
  me: string;
  group: string;
  app: string | null;
  configApp: string;
  /** Unique prefix of everything a write run creates, e.g. `ocsmock-check-3f9a1c`. */
  prefix: string;
  write: boolean;
}

export const CONFIG = '/apps/provisioning_api/api/v1/config';
export const PREFERENCE_APP = 'ocsmockcheck';
export const e = encodeURIComponent;

export function get(path: string, query?: [string, string][]): () => OcsCall {
  return () => ({ method: 'GET', path, query });
}

export const ok = (data?: Expectation['data']): Expectation => (data === undefined ? { code: 200 } : { code: 200, data });
export const fails = (code: number, message: string, data: Expectation['data'] = []): Expectation => ({ code, message, data });
