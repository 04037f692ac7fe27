import type { OcsFormat } from '../ocs/negotiate.js';
import type { OcsOrigin, OcsVersion } from '../ocs/status.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type { OcsFormat };
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One of the four ways every request is sent: v1/v2 x JSON/XML. */
export interface Variant {
  version: OcsVersion;
  format: OcsFormat;
  /** Short, name-safe tag (`v2j`) used in the names of per-variant resources. */
  tag: string;
  label: string;
}

/** A request below /ocs/v{1,2}.php. Paths are already URL-encoded. */
export interface OcsCall {
  method: HttpMethod;
  path: string;
  query?: [string, string][];
  body?: { [key: string]: JsonValue };
}

/** What the contract says the answer must be, as the controller status S (200 on success). */
export interface Expectation {
  code: number;
  /** Exact meta.message for failures (success is always "OK"). */
  message?: string;
  /** Exact data, when the contract fixes it (e.g. `[]` for most errors). */
  data?: JsonValue;
  origin?: OcsOrigin;
}

export type CaseStatus = 'PASS' | 'FAIL' | 'SKIP';

export interface Problem {
  /** `<step> <variant>`, e.g. "unknown user v2 json". */
  where: string;
  message: string;
  curl: string;
}

export interface CaseResult {
  id: string;
  tags: string[];
  method: string;
  path: string;
  status: CaseStatus;
  /** Why it was skipped, or the first problem. */
  reason?: string;
  problems: Problem[];
  /** Reproduces the first failing request (or the first request when it passed). */
  curl?: string;
  requests: number;
  durationMs: number;
}

export interface CheckSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
}

export interface CheckResult {
  url: string;
  user: string;
  spec: string;
  write: boolean;
  startedAt: string;
  durationMs: number;
  cases: CaseResult[];
  /** Resources that could not be removed again. Empty when cleanup succeeded. */
  leftovers: string[];
  summary: CheckSummary;
  /** 0 all passed, 1 contract violations (or leftovers). */
  exitCode: 0 | 1;
}

export interface CheckOptions {
  url: string;
  user: string;
  password: string;
  /** OpenAPI document; default the bundled openapi.json. */
  spec?: string;
  /** operationIds or tags to run (others are left out of the report). */
  only?: string[];
  write?: boolean;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Called after every case, e.g. to print progress. */
  onCase?: (result: CaseResult) => void;
  /** Install a SIGINT handler that cleans up and exits (the CLI does). */
  handleSigint?: boolean;
}

/** A run that could not start: 2 usage or spec error, 3 server unreachable or login failed. */
export class CheckError extends Error {
  constructor(
    readonly exitCode: 2 | 3,
    message: string,
  ) {
    super(message);
    this.name = 'CheckError';
  }
}
