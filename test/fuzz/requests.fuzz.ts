import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseArb, FuzzTarget } from './driver.js';

// `npm run fuzz`: FUZZ_REQUESTS (default 100,000) generated requests, FUZZ_SEED to replay a run.
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 100_000);
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
const PER_CASE = 8;

let target: FuzzTarget;
beforeAll(async () => {
  target = await FuzzTarget.start();
});
afterAll(() => target.close());

describe('fuzz', () => {
  it(`${REQUESTS} generated requests`, async () => {
    const started = performance.now();
    let failures = 0;
    let casesRun = 0;
    const property = fc.asyncProperty(caseArb(PER_CASE), async (fuzzCase) => {
      // The budget is spent: the remaining runs pass without sending.
      if (target.sent >= REQUESTS) return;
      casesRun++;
      try {
        await target.check(fuzzCase);
      } catch (error) {
        failures++;
        throw error;
      }
    });
    // Each case sends 1-8 requests (4.5 on average): enough runs to spend the budget.
    const details = await fc.check(property, { seed: SEED, numRuns: Math.ceil(REQUESTS / 4), interruptAfterTimeLimit: 55 * 60_000 });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`fuzz: seed ${SEED}: ${target.sent} requests in ${seconds} s, ${Math.min(details.numRuns, casesRun)} cases, ${details.failed ? 1 : 0} failure (${failures} failing runs while shrinking)`);
    if (details.failed) {
      console.log(`fuzz: counterexample after ${details.numShrinks} shrinks (replay with FUZZ_SEED=${SEED}, path ${details.counterexamplePath ?? ''}):`);
      console.log(JSON.stringify(details.counterexample, (key, value: unknown) => (value instanceof Buffer || (value as { type?: string })?.type === 'Buffer' ? Buffer.from(value as Buffer).toString('utf8').slice(0, 2000) : value), 2));
      console.log(`fuzz: ${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}`);
    }
    expect(details.failed).toBe(false);
  });
});
