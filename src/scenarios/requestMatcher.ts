import { createRequire } from 'node:module';
import type safeRegexModule from 'safe-regex2';

const require = createRequire(import.meta.url);
import type { OcsRequest } from '../http/ocsHandler.js';
import { globToRegExp } from './pathPattern.js';
import type { OneOrMany, ParamCondition, RuleMatch } from './types.js';

/** A mistake in one field of a rule, found while compiling it (the caller adds file and rule). */
export class RuleProblem extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

export type RequestTest = (request: OcsRequest) => boolean;

function list<T>(value: OneOrMany<T>): T[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * A rule's pattern, refused at load when it is invalid or when backtracking could take exponential
 * time (nested quantifiers such as `(a+)+`): one request would then block every other.
 */
function regex(source: string, field: string): RegExp {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch (error) {
    throw new RuleProblem(field, `invalid regular expression (${(error as Error).message})`);
  }
  // safe-regex2 loads with the first scenario that matches by pattern, not at start-up.
  const safeRegex = require('safe-regex2') as typeof safeRegexModule;
  if (!safeRegex(pattern)) {
    throw new RuleProblem(
      field,
      `unsafe regular expression "${source}": a quantifier inside a quantified group (e.g. (a+)+) can take exponential time on some paths; rewrite it without nested repetition`,
    );
  }
  return pattern;
}

/** A parameter value as text, as PHP would compare it; arrays and objects have none. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function paramTest(name: string, condition: ParamCondition): RequestTest {
  if (typeof condition === 'object' && !Array.isArray(condition)) {
    if ('present' in condition) {
      const wanted = condition.present;
      return (request) => (request.params[name] !== undefined) === wanted;
    }
    const pattern = regex(condition.regex, `match.params.${name}.regex`);
    return (request) => {
      const text = asText(request.params[name]);
      return text !== undefined && pattern.test(text);
    };
  }
  const accepted = new Set(list(condition).map(String));
  return (request) => {
    const text = asText(request.params[name]);
    return text !== undefined && accepted.has(text);
  };
}

/** Compiles the criteria of a rule (all but `count`) into one test, checked cheapest first. */
export function compileMatch(match: RuleMatch, knownOperationIds?: ReadonlySet<string>): RequestTest {
  const tests: RequestTest[] = [];
  if (match.version !== undefined) {
    const version = match.version;
    tests.push((request) => request.version === version);
  }
  if (match.method !== undefined) {
    const methods = new Set(list(match.method));
    tests.push((request) => methods.has(request.method));
  }
  if (match.operationId !== undefined) {
    const ids = list(match.operationId);
    const unknown = knownOperationIds && ids.find((id) => !knownOperationIds.has(id));
    if (unknown) throw new RuleProblem('match.operationId', `unknown operationId "${unknown}" (not a route of the spec)`);
    const idSet = new Set(ids);
    tests.push((request) => request.operationId !== null && idSet.has(request.operationId));
  }
  if (match.user !== undefined) {
    const users = new Set(list(match.user));
    tests.push((request) => users.has(request.actor ? request.actor.id : null));
  }
  if (match.path !== undefined) {
    const globs = list(match.path);
    const misplaced = globs.find((glob) => /^\/ocs\/v[12]\.php/.test(glob));
    if (misplaced) {
      throw new RuleProblem('match.path', `"${misplaced}": paths are matched below /ocs/v{1,2}.php; write "${misplaced.replace(/^\/ocs\/v[12]\.php/, '')}"`);
    }
    const patterns = globs.map(globToRegExp);
    tests.push((request) => patterns.some((pattern) => pattern.test(request.path)));
  }
  if (match.pathRegex !== undefined) {
    const pattern = regex(match.pathRegex, 'match.pathRegex');
    tests.push((request) => pattern.test(request.path));
  }
  for (const [name, condition] of Object.entries(match.params ?? {})) tests.push(paramTest(name, condition));

  if (tests.length === 0) return () => true;
  return (request) => tests.every((test) => test(request));
}
