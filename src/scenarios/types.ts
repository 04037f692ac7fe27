import type { PhpValue } from '../ocs/php.js';

/**
 * A scenario file as written (JSON, checked against scenarios/scenario.schema.json). Every type here
 * mirrors a definition of that schema; keep the two in step.
 */
export interface ScenarioFile {
  $schema?: string;
  /** Defaults to the file name without `.json`. */
  name?: string;
  description?: string;
  /** The server is in maintenance mode while the scenario is loaded (status.php and every OCS request). */
  maintenance?: boolean;
  /** Absent: none (the scenario then needs `maintenance: true`). */
  rules?: ScenarioRule[];
}

export interface ScenarioRule {
  name: string;
  description?: string;
  /** Absent or `{}`: every request. */
  match?: RuleMatch;
  /** Wait before answering, or before letting the real handler answer when there is no `answer`. */
  delay?: Delay;
  /** Absent: the rule only delays, later rules and the real handler still run. */
  answer?: RuleAnswer;
  /** Default `always`. */
  lifetime?: Lifetime;
}

export type OneOrMany<T> = T | T[];

/** All given criteria must hold. */
export interface RuleMatch {
  operationId?: OneOrMany<string>;
  method?: OneOrMany<string>;
  /** Glob on the path below /ocs/v{1,2}.php: `*` stays inside a segment, `**` spans segments, `?` is one character. */
  path?: OneOrMany<string>;
  /** Regular expression (JavaScript syntax, unanchored) on the same path. */
  pathRegex?: string;
  version?: 1 | 2;
  /** Login of the acting user; `null` for an anonymous request. */
  user?: OneOrMany<string | null>;
  /** Route placeholders, query, form and JSON body parameters, merged as Nextcloud merges them. */
  params?: Record<string, ParamCondition>;
  /** Which of the requests that meet the other criteria (1 = the first since load or reset). */
  count?: CountCondition;
}

/** A value (or list of accepted values) compared as text, or a presence / pattern test. */
export type ParamCondition = string | number | (string | number)[] | { present: boolean } | { regex: string };

export interface CountCondition {
  from?: number;
  to?: number;
  /** Every n-th one: n, 2n, 3n, ... */
  every?: number;
}

export type Delay = number | { min: number; max: number };

export type RuleAnswer = { ocs: OcsAnswer } | { http: HttpAnswer } | { fault: Fault };

export interface OcsAnswer {
  statuscode: number;
  message?: string;
  /** Controller answers only: ApiHelper (framework) answers always carry empty data. */
  data?: PhpValue;
  /** `controller` (default): as a controller answers; `framework`: as ocs/v1.php itself answers. */
  origin?: 'controller' | 'framework';
  /** Framework answers only: render in this format whatever the request asked (a failed login is always XML). */
  format?: 'xml' | 'json';
  headers?: Record<string, string>;
}

export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Sent as is. */
  body?: string;
  /** Sent as PHP's json_encode writes it, with `Content-Type: application/json; charset=utf-8` unless headers set one. */
  json?: PhpValue;
}

/** reset: TCP RST; empty: the connection closes with no answer; hang: no answer until the client gives up. */
export type Fault = 'reset' | 'empty' | 'hang';

export type Lifetime = 'always' | 'once' | 'until-reset' | { times?: number; after?: number; untilReset?: boolean };
