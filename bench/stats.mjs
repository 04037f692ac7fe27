// Small statistics shared by every section of the benchmark.

/** The middle value (the lower middle for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Runs `measure` `times` times in a row and returns every figure. */
export async function repeat(times, measure) {
  const figures = [];
  for (let i = 0; i < times; i++) figures.push(await measure(i));
  return figures;
}
