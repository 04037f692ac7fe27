import type { OcsFormat } from '../ocs/negotiate.js';
import type { OcsOrigin, OcsVersion } from '../ocs/status.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type { OcsFormat };
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

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

/** ABSENT: the checked release has no such route, and the server answered as that release does without it. */
/** No OCS answer: the path is a route, but not for this method (HTTP 405, empty body, v1 and v2 alike). */
export interface MethodNotAllowed {
  httpStatus: 405;
}

export type CaseStatus = 'PASS' | 'FAIL' | 'SKIP' | 'ABSENT';

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
  /** Why it was skipped or is absent, or the first problem. */
  reason?: string;
  /** The checked release lacks this route (version): the case checks that the server lacks it too. */
  absentFrom?: string;
  /** The server's own release (from status.php) lacks this route of the checked contract (version). */
  notOnServer?: string;
  /** With absentFrom or notOnServer: what that means for this route, e.g. "not a route of Nextcloud 29.0.6: …". */
  note?: string;
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
  absent: number;
}

/** Which contract a run holds the server to, and why. */
export interface CheckTarget {
  /** `versionstring` of the server's /status.php, e.g. `29.0.6`; null when it gave none. */
  serverVersion: string | null;
  /** The release whose rules apply (routes, schemas, framing), e.g. `29.0.6`. */
  release: string;
  /** How the release was chosen: the nearest release at or below the server's version, or `--nextcloud`. */
  chosenBy: 'status.php' | '--nextcloud';
  /** Where the operations and schemas come from: the release's spec files, or the `--spec` file. */
  spec: string;
}

export interface CheckResult {
  url: string;
  user: string;
  spec: string;
  target: CheckTarget;
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
  /** May carry the login (`http://user:password@host`) instead of user and password; never printed with it. */
  url: string;
  user?: string;
  password?: string;
  /**
   * OpenAPI document to check against instead of a release's specs (the release still sets the
   * framing rules). Without it, the release's own specs.
   */
  spec?: string;
  /**
   * The release to hold the server to (`34`, `31.0.6`; see resolveRelease). Default: the newest
   * release at or below the version the server's /status.php reports.
   */
  nextcloud?: string;
  /** operationIds or tags to run (others are left out of the report). */
  only?: string[];
  write?: boolean;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Called once the contract is chosen, before the first check. */
  onStart?: (target: CheckTarget) => void;
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
