// Cold start: from spawning a server process to its first HTTP 200 for a real request.
import { performance } from 'node:perf_hooks';
import { CASES } from './cases.mjs';
import { send } from './capture.mjs';
import { median, repeat } from './stats.mjs';

const COLD_RUNS = 5;
const FIRST_REQUEST = CASES[0];

/** Spawn-to-first-200 of `start()` (which resolves with { url, stop }), median of COLD_RUNS. */
export async function coldStart(start) {
  const runs = await repeat(COLD_RUNS, async () => {
    const started = performance.now();
    const server = await start();
    try {
      const answer = await send(server.url, FIRST_REQUEST);
      if (answer.status !== 200) throw new Error(`first request answered ${answer.status}`);
      return performance.now() - started;
    } finally {
      await server.stop();
    }
  });
  return { ms: median(runs), runs };
}
