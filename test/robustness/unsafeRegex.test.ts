import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenarios/scenarioFile.js';
import { freshMock, ocs } from '../support/mock.js';
import { expectOcs } from '../scenarios/support.js';

// Issue 11 item 4: `^/(a+)+$` against a 29-character path blocked the event loop for seconds.
const NESTED = '^/(a+)+$';
const REASON = `unsafe regular expression "${NESTED}": a quantifier inside a quantified group (e.g. (a+)+) can take exponential time on some paths; rewrite it without nested repetition`;

const dir = mkdtempSync(join(tmpdir(), 'ocs-mock-regex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rule = (match: Record<string, unknown>) => ({ rules: [{ name: 'slow', match, answer: { ocs: { statuscode: 997 } } }] });

describe('scenario patterns that could backtrack exponentially are refused at load', () => {
  it('a scenario file with pathRegex (a+)+ -> ScenarioError naming file, rule and field', async () => {
    const { mock } = await freshMock();
    const file = join(dir, 'nested.json');
    writeFileSync(file, JSON.stringify(rule({ pathRegex: NESTED })));
    expect(() => mock.scenarios.loadFile(file)).toThrow(new ScenarioError(file, 0, `match.pathRegex: ${REASON}`, 'slow'));
    expect(mock.scenarios.list()).toEqual([]);
  });

  it('a parameter regex (a+)+ is refused the same way', async () => {
    const { mock } = await freshMock();
    const file = join(dir, 'param.json');
    writeFileSync(file, JSON.stringify(rule({ params: { search: { regex: NESTED } } })));
    expect(() => mock.scenarios.loadFile(file)).toThrow(new ScenarioError(file, 0, `match.params.search.regex: ${REASON}`, 'slow'));
  });

  it('POST /__admin/scenarios with pathRegex (a+)+ -> 400 with the reason; nothing is loaded', async () => {
    const { app } = await freshMock();
    const res = await request(app).post('/__admin/scenarios').send(rule({ pathRegex: NESTED })).expect(400);
    expect(res.body).toEqual({
      error: `POST /__admin/scenarios: rule 0 ("slow"): match.pathRegex: ${REASON}`,
      file: 'POST /__admin/scenarios',
      rule: 0,
      reason: `match.pathRegex: ${REASON}`,
    });
    expect((await request(app).get('/__admin/scenarios')).body).toEqual({ scenarios: [] });
  });

  it('createMock refuses to start with it', async () => {
    await expect(freshMock({ scenarios: [rule({ pathRegex: NESTED })] })).rejects.toThrow(`options.scenarios[0]: rule 0 ("slow"): match.pathRegex: ${REASON}`);
  });

  it('a safe pattern loads and answers', async () => {
    const { app, mock } = await freshMock();
    mock.scenarios.loadDocument(rule({ pathRegex: '^/cloud/users/[^/]+/groups$' }), 'doc', 'safe');
    expectOcs(await ocs(app, 'get', 2, '/cloud/users/alice/groups', { format: 'json' }), 2, 'json', { code: 997, message: '' });
    expect((await ocs(app, 'get', 2, '/cloud/users/alice', { format: 'json' })).status).toBe(200);
  });
});
