import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { freshMock, ocs, type TestMock } from '../support/mock.js';
import { expectOcs } from '../scenarios/support.js';

const startUp = { name: 'start-up', rules: [{ name: 'v1 groups -> 102', match: { version: 1 as const, path: '/cloud/groups' }, answer: { ocs: { statuscode: 102, message: 'x' } } }] };

async function arranged(): Promise<TestMock> {
  const t = await freshMock({ scenarios: [startUp] });
  await ocs(t.app, 'post', 2, '/cloud/groups').send({ groupid: 'added' }).expect(200);
  await ocs(t.app, 'get', 1, '/cloud/groups');
  t.mock.scenarios.loadShipped('throttled');
  return t;
}

const names = (t: TestMock) => t.mock.scenarios.list().map((s) => s.name);

describe('reset is hard by default', () => {
  it('mock.reset(): fixture state, start-up scenarios only (a failure loaded later does not leak), counters rewound', async () => {
    const t = await arranged();
    t.mock.reset();
    expect(t.mock.state.groups.has('added')).toBe(false);
    expect(t.mock.scenarios.list()).toEqual([{ name: 'start-up', rules: [{ name: 'v1 groups -> 102', matched: 0, applied: 0, active: true }] }]);
    expect((await ocs(t.app, 'get', 2, '/cloud/users')).status).toBe(200);
    expectOcs(await ocs(t.app, 'get', 1, '/cloud/groups'), 1, 'xml', { code: 102, message: 'x' });
  });

  it('the journal empties on reset unless kept', async () => {
    const t = await arranged();
    const journaled = t.mock.requests().length;
    expect(journaled).toBe(2);
    t.mock.reset({ keep: ['journal'] });
    expect(t.mock.requests()).toHaveLength(journaled);
    t.mock.reset();
    expect(t.mock.requests()).toEqual([]);
  });

  it('a start-up scenario replaced at run time comes back as it was', async () => {
    const t = await freshMock({ scenarios: [startUp] });
    t.mock.scenarios.loadDocument({ name: 'start-up', maintenance: true }, 'test', 'x');
    t.mock.reset();
    expect(t.mock.scenarios.maintenance).toBe(false);
    expect(names(t)).toEqual(['start-up']);
  });

  it('keep: ["scenarios"] resets the state only, scenarios and their counters untouched', async () => {
    const t = await arranged();
    t.mock.reset({ keep: ['scenarios'] });
    expect(t.mock.state.groups.has('added')).toBe(false);
    expect(names(t)).toEqual(['start-up', 'throttled']);
    expect(t.mock.scenarios.list()[0].rules[0]).toEqual({ name: 'v1 groups -> 102', matched: 1, applied: 1, active: true });
  });

  it('keep: ["state"] resets the scenarios only', async () => {
    const t = await arranged();
    t.mock.reset({ keep: ['state'] });
    expect(t.mock.state.groups.has('added')).toBe(true);
    expect(names(t)).toEqual(['start-up']);
  });

  it('keep of an unknown part throws, naming the parts', async () => {
    const t = await freshMock();
    expect(() => t.mock.reset({ keep: ['sessions' as 'state'] })).toThrow('reset: cannot keep "sessions" (parts: state, scenarios, journal)');
  });

  it('POST /__admin/reset is hard; {"keep": ["state"]} keeps the state', async () => {
    const t = await arranged();
    await request(t.app).post('/__admin/reset').send({ keep: ['state'] }).expect(204);
    expect({ added: t.mock.state.groups.has('added'), scenarios: names(t) }).toEqual({ added: true, scenarios: ['start-up'] });
    await request(t.app).post('/__admin/scenarios/shipped/throttled').expect(201);
    await request(t.app).post('/__admin/reset').expect(204);
    expect({ added: t.mock.state.groups.has('added'), scenarios: names(t) }).toEqual({ added: false, scenarios: ['start-up'] });
  });
});
