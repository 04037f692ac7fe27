import type { ServerResponse } from 'node:http';
import { RuleProblem } from './requestMatcher.js';
import type { Delay } from './types.js';

/** Milliseconds to wait for one request: fixed, or drawn uniformly from [min, max]. */
export type DelayPicker = () => number;

export function compileDelay(delay: Delay): DelayPicker {
  if (typeof delay === 'number') return () => delay;
  const { min, max } = delay;
  if (min > max) throw new RuleProblem('delay', `min (${min}) is greater than max (${max})`);
  return () => min + Math.floor(Math.random() * (max - min + 1));
}

/** Waits `ms`, or less if the client goes away first (nothing is left to answer then). */
export function wait(ms: number, res: ServerResponse): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.once('close', done);
  });
}
