import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Lifetime, RuleMatch } from '../../src/scenarios/types.js';
import { freshMock, MATRIX, ocs, type TestMock } from '../support/mock.js';
import { expectOcs, oneRule } from './support.js';

/** Each step is one request, cycling through v1/v2 x JSON/XML; 'reset' is POST /__admin/reset. */
type Step = boolean | 'reset';

interface LifetimeCase {
  name: string;
  lifetime?: Lifetime;
  match?: RuleMatch;
  steps: Step[];
}

const CASES: LifetimeCase[] = [
  { name: 'absent means always', steps: [true, true, true, true, true] },
  { name: 'always', lifetime: 'always', steps: [true, true, true, true, 'reset', true] },
  { name: 'once', lifetime: 'once', steps: [true, false, false, false] },
  { name: 'N times', lifetime: { times: 3 }, steps: [true, true, true, false, false] },
  { name: 'after the first N matches', lifetime: { after: 2 }, steps: [false, false, true, true, true] },
  { name: 'after N, then M times', lifetime: { after: 1, times: 2 }, steps: [false, true, true, false, false] },
  { name: 'until reset', lifetime: 'until-reset', steps: [true, true, 'reset', false, false, 'reset', false] },
  { name: 'N times until reset', lifetime: { times: 1, untilReset: true }, steps: [true, false, 'reset', false] },
  { name: 'once is rewound by reset', lifetime: 'once', steps: [true, false, 'reset', true, false, 'reset', true] },
  { name: 'after N is rewound by reset', lifetime: { after: 1 }, steps: [false, true, 'reset', false, true] },
  { name: 'count is rewound by reset', match: { count: { every: 2 } }, steps: [false, true, false, 'reset', false, true] },
  { name: 'once with count: the first of the even requests', lifetime: 'once', match: { count: { every: 2 } }, steps: [false, true, false, false, false] },
];

async function realAnswer(baseline: TestMock, i: number) {
  const { version, format } = MATRIX[i % MATRIX.length];
  return ocs(baseline.app, 'get', version, '/cloud/groups', { format });
}

describe('lifetimes (requests cycle through v1/v2 x JSON/XML)', () => {
  it.each(CASES)('$name', async ({ lifetime, match, steps }) => {
    const { app } = await freshMock({ scenarios: [oneRule({ match, lifetime, answer: { ocs: { statuscode: 429, message: 'Reached maximum delay', origin: 'framework' } } })] });
    const baseline = await freshMock();
    let i = 0;
    for (const step of steps) {
      if (step === 'reset') {
        await request(app).post('/__admin/reset').expect(204);
        continue;
      }
      const { version, format } = MATRIX[i % MATRIX.length];
      const res = await ocs(app, 'get', version, '/cloud/groups', { format });
      if (step) {
        expectOcs(res, version, format, { code: 429, message: 'Reached maximum delay', origin: 'framework' });
      } else {
        const real = await realAnswer(baseline, i);
        expect({ status: res.status, type: res.headers['content-type'], body: res.text }).toEqual({ status: real.status, type: real.headers['content-type'], body: real.text });
      }
      i++;
    }
  });

  it('rules of several files take turns: the first rule that answers wins, later ones do not count the request', async () => {
    const { app } = await freshMock({
      scenarios: [
        oneRule({ lifetime: 'once', answer: { ocs: { statuscode: 101, message: 'first' } } }, 'a'),
        oneRule({ lifetime: 'once', answer: { ocs: { statuscode: 102, message: 'second' } } }, 'b'),
      ],
    });
    expectOcs(await ocs(app, 'get', 2, '/cloud/groups', { format: 'json' }), 2, 'json', { code: 101, message: 'first' });
    expectOcs(await ocs(app, 'get', 1, '/cloud/groups'), 1, 'xml', { code: 102, message: 'second' });
    expect((await ocs(app, 'get', 2, '/cloud/groups', { format: 'json' })).status).toBe(200);
    const listing = await request(app).get('/__admin/scenarios').expect(200);
    expect(listing.body).toEqual({
      scenarios: [
        { name: 'a', rules: [{ name: 'rule', matched: 3, applied: 1, active: true }] },
        { name: 'b', rules: [{ name: 'rule', matched: 2, applied: 1, active: true }] },
      ],
    });
  });
});
