/**
 * The current time as ISO 8601 text, made at most once per millisecond: every request's record
 * carries it, and toISOString costs more than the rest of the record (bench/, BENCHMARKS.md).
 */
let madeAt = Number.NaN;
let text = '';

export function nowIsoText(): string {
  const now = Date.now();
  if (now !== madeAt) {
    text = new Date(now).toISOString();
    madeAt = now;
  }
  return text;
}
