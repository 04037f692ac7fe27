import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock, type OcsMock } from '../../src/mock.js';
import { ScenarioError } from '../../src/scenarios/scenarioFile.js';
import type { ScenarioRule } from '../../src/scenarios/types.js';
import { startServer } from '../../src/server.js';

const dir = mkdtempSync(join(tmpdir(), 'ocs-mock-scenarios-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const ok: ScenarioRule = { name: 'ok', answer: { fault: 'reset' } };
const withRule = (rule: Record<string, unknown>) => ({ rules: [ok, { name: 'bad', ...rule }] });

/** [case, file content, expected message after "<file>:"] */
const CASES: [string, unknown, string][] = [
  ['not JSON', '{ "rules": [', '1:13: not valid JSON: Unexpected end of JSON input (scenario files are JSON only)'],
  ['neither rules nor maintenance', { name: 'x' }, ' a scenario needs "rules", "maintenance": true or both (it would do nothing)'],
  ['maintenance off and no rules', { maintenance: false }, ' a scenario needs "rules", "maintenance": true or both (it would do nothing)'],
  ['maintenance as text', { maintenance: 'on' }, ' maintenance: must be boolean'],
  ['unknown top-level property', { rules: [ok], rule: [] }, ' unknown property "rule" (expected: $schema, name, description, maintenance, rules)'],
  ['rule without a name', { rules: [ok, { answer: { fault: 'reset' } }] }, " rule 1: must have required property 'name'"],
  ['misspelt property', withRule({ anwser: {} }), ' rule 1 ("bad"): unknown property "anwser" (expected: name, description, match, delay, answer, lifetime)'],
  ['two answers', withRule({ answer: { fault: 'reset', http: { status: 502 } } }), ' rule 1 ("bad"): answer: must have exactly one of: ocs, http, fault'],
  ['unknown fault', withRule({ answer: { fault: 'timeout' } }), ' rule 1 ("bad"): answer.fault: must be one of: "reset", "empty", "hang"'],
  ['statuscode as text', withRule({ answer: { ocs: { statuscode: '102' } } }), ' rule 1 ("bad"): answer.ocs.statuscode: must be integer'],
  ['lower-case method', withRule({ match: { method: 'get' }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.method: must be one of: "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"'],
  ['bad method in a list', withRule({ match: { method: ['GET', 'FETCH'] }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.method.1: must be one of: "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"'],
  ['user as a number', withRule({ match: { user: 5 }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.user: must be string, null or array'],
  ['param condition', withRule({ match: { params: { limit: { present: 'yes' } } }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.params.limit.present: must be boolean'],
  ['path without a slash', withRule({ match: { path: 'cloud/groups' }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.path: must start with "/" (the path below /ocs/v2.php, e.g. /cloud/groups) or "*"'],
  ['unknown lifetime', withRule({ answer: { fault: 'reset' }, lifetime: 'twice' }), ' rule 1 ("bad"): lifetime: must be one of: "always", "once", "until-reset"'],
  ['misspelt lifetime field', withRule({ answer: { fault: 'reset' }, lifetime: { time: 2 } }), ' rule 1 ("bad"): lifetime: unknown property "time" (expected: times, after, untilReset)'],
  ['zero times', withRule({ answer: { fault: 'reset' }, lifetime: { times: 0 } }), ' rule 1 ("bad"): lifetime.times: must be >= 1'],
  ['negative delay', withRule({ delay: -5 }), ' rule 1 ("bad"): delay: must be >= 0'],
  ['range without max', withRule({ delay: { min: 5 } }), ` rule 1 ("bad"): delay: must have required property 'max'`],
  ['empty count', withRule({ match: { count: {} }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.count: must have at least one of: from, to, every'],
  // Mistakes only the compiler sees:
  ['unknown operationId', withRule({ match: { operationId: 'groups-add' }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.operationId: unknown operationId "groups-add" (not a route of the spec)'],
  ['broken regex', withRule({ match: { pathRegex: '(' }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.pathRegex: invalid regular expression (Invalid regular expression: /(/: Unterminated group)'],
  ['broken param regex', withRule({ match: { params: { q: { regex: '[' } } }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.params.q.regex: invalid regular expression (Invalid regular expression: /[/: Unterminated character class)'],
  ['path with the entry point', withRule({ match: { path: '/ocs/v2.php/cloud/groups' }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.path: "/ocs/v2.php/cloud/groups": paths are matched below /ocs/v{1,2}.php; write "/cloud/groups"'],
  ['range upside down', withRule({ delay: { min: 50, max: 10 } }), ' rule 1 ("bad"): delay: min (50) is greater than max (10)'],
  ['count upside down', withRule({ match: { count: { from: 5, to: 2 } }, answer: { fault: 'reset' } }), ' rule 1 ("bad"): match.count: from (5) is greater than to (2)'],
  ['framework answer with data', withRule({ answer: { ocs: { statuscode: 996, origin: 'framework', data: { a: 1 } } } }), ' rule 1 ("bad"): answer.ocs.data: framework answers (ApiHelper) always carry empty data; drop data or use "origin": "controller"'],
  ['controller answer with a forced format', withRule({ answer: { ocs: { statuscode: 101, format: 'xml' } } }), ' rule 1 ("bad"): answer.ocs.format: only framework answers ignore the negotiated format; drop it or set "origin": "framework"'],
  ['body and json', withRule({ answer: { http: { status: 502, body: 'x', json: {} } } }), ' rule 1 ("bad"): answer.http: give either body or json, not both'],
  ['a rule that does nothing', withRule({ match: { method: 'GET' } }), ' rule 1 ("bad"): answer: a rule needs an answer, a delay or both (it would do nothing)'],
];

describe('invalid scenario files are rejected with the file, the rule index and the reason', () => {
  let mock: OcsMock;
  beforeAll(async () => {
    mock = await createMock();
  });

  it.each(CASES)('%s', (name, content, expected) => {
    const path = file(`${name.replace(/\W+/g, '-')}.json`, content);
    let caught: unknown;
    try {
      mock.scenarios.loadFile(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).message).toBe(`${path}:${expected}`);
  });

  it('a missing file', () => {
    const path = join(dir, 'nowhere.json');
    expect(() => mock.scenarios.loadFile(path)).toThrow(new ScenarioError(path, null, 'cannot read file (ENOENT)'));
  });

  it('nothing of a rejected file is loaded', () => {
    expect(mock.scenarios.list()).toEqual([]);
  });

  it('createMock and startServer refuse to start with an invalid file', async () => {
    const path = file('server.json', withRule({ lifetime: 'twice', answer: { fault: 'reset' } }));
    const reason = 'lifetime: must be one of: "always", "once", "until-reset"';
    await expect(createMock({ scenarios: [path] })).rejects.toThrow(`${path}: rule 1 ("bad"): ${reason}`);
    await expect(startServer({ port: 0, scenarios: [path] })).rejects.toMatchObject({ name: 'ScenarioError', file: path, ruleIndex: 1, reason });
  });

  it('documents given as objects name their position instead of a file', async () => {
    await expect(createMock({ scenarios: [{ rules: [ok] }, { rules: [] }] })).rejects.toThrow('options.scenarios[1]: rules: must NOT have fewer than 1 items');
  });
});
