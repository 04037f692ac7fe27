// Throughput with autocannon (the tool): 50 connections, the median of several rounds.
import autocannon from 'autocannon';
import { headersOf } from './cases.mjs';
import { median } from './stats.mjs';

export const CONNECTIONS = 50;
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** One autocannon run of a case against `url`; a case with a body function gets a fresh body each request. */
export function fire(url, testCase, { connections = CONNECTIONS, duration = DURATION_S } = {}) {
  const request = { method: testCase.method, path: testCase.path, headers: headersOf(testCase) };
  if (typeof testCase.body === 'function') request.setupRequest = (req) => ({ ...req, body: testCase.body() });
  else if (testCase.body) request.body = testCase.body;
  return autocannon({ url, connections, duration, requests: [request] });
}

/** Median requests/s over ROUNDS runs, with the errors and non-2xx answers seen. */
export async function throughput(url, testCase) {
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    const result = await fire(url, testCase);
    rounds.push({
      rps: result.requests.average,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      bytesPerAnswer: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
    });
  }
  return { rps: median(rounds.map((round) => round.rps)), rounds };
}
