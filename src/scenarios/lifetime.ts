import type { Lifetime } from './types.js';

/** A lifetime in numbers: skip the first `after` matches, then apply `times` times (null: no end). */
export interface LifetimeLimits {
  after: number;
  times: number | null;
  /** Stops applying at the next reset (POST /__admin/reset), until loaded again. */
  untilReset: boolean;
}

export function lifetimeLimits(lifetime: Lifetime = 'always'): LifetimeLimits {
  switch (lifetime) {
    case 'always':
      return { after: 0, times: null, untilReset: false };
    case 'once':
      return { after: 0, times: 1, untilReset: false };
    case 'until-reset':
      return { after: 0, times: null, untilReset: true };
    default:
      return { after: lifetime.after ?? 0, times: lifetime.times ?? null, untilReset: lifetime.untilReset ?? false };
  }
}
