import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { caseArb, FuzzTarget } from './driver.js';

// Fixed seed: CI runs the same 100 cases (about 300 requests) every time; `npm run fuzz` explores.
const SEED = 20261202;

let target: FuzzTarget;
beforeAll(async () => {
  target = await FuzzTarget.start();
});
afterAll(() => target.close());

describe('generated requests (property)', () => {
  it('every answer is an OCS envelope or the real server own non-OCS answer, v1 never 5xx, v2 5xx only 996 or 999, no crash, state invariants hold', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(5), (fuzzCase) => target.check(fuzzCase)),
      { seed: SEED, numRuns: 100, endOnFailure: false },
    );
  });
});
