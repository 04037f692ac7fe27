import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { RELEASES } from '../../src/releases/catalog.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { TEST_NOW } from '../support/mock.js';
import { allSpecRoutes, requestArb, type FuzzRequest } from './arbitraries.js';
import { stateViolations } from './invariants.js';
import { invalidAnswer, type FuzzAnswer } from './validAnswer.js';

/** Every release the mock emulates. */
export const FUZZ_RELEASES = RELEASES.map((release) => release.version);

const WARNING_PREFIX = 'ocs-mock: unexpected error';
const REQUEST_TIMEOUT_MS = 10_000;

/** One generated case: a release, and requests sent in order to its mock on a fresh state. */
export interface FuzzCase {
  release: number;
  requests: FuzzRequest[];
}

export function caseArb(maxRequests: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    release: fc.nat({ max: FUZZ_RELEASES.length - 1 }),
    requests: fc.array(requestArb(allSpecRoutes()), { minLength: 1, maxLength: maxRequests }),
  });
}

/** Servers on 127.0.0.1 for every fuzzed release, and what a request must satisfy. */
export class FuzzTarget {
  sent = 0;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });
  private readonly unexpected: string[] = [];
  private readonly onWarning = (warning: Error): void => {
    if (warning.message.startsWith(WARNING_PREFIX)) this.unexpected.push(warning.message.split('\n')[0]);
  };

  private constructor(readonly servers: RunningServer[]) {
    process.on('warning', this.onWarning);
  }

  static async start(): Promise<FuzzTarget> {
    const servers = await Promise.all(FUZZ_RELEASES.map((nextcloud) => startServer({ port: 0, host: '127.0.0.1', nextcloud, clock: () => TEST_NOW })));
    return new FuzzTarget(servers);
  }

  async close(): Promise<void> {
    process.off('warning', this.onWarning);
    this.agent.destroy();
    await Promise.all(this.servers.map((server) => server.close()));
  }

  send(server: RunningServer, req: FuzzRequest): Promise<FuzzAnswer> {
    const { port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) };
      const outgoing = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: this.agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
  }

  /** Runs one case on a fresh state; throws (for fast-check to shrink) at the first broken promise. */
  async check(fuzzCase: FuzzCase): Promise<void> {
    const server = this.servers[fuzzCase.release];
    server.mock.reset();
    for (const req of fuzzCase.requests) {
      this.unexpected.length = 0;
      const answer = await this.send(server, req);
      this.sent++;
      // The warning is emitted on the next tick after the answer was written.
      await new Promise((resolve) => setImmediate(resolve));
      const where = `${FUZZ_RELEASES[fuzzCase.release]} ${req.method} ${req.path}`;
      if (this.unexpected.length > 0) throw new Error(`${where}: the mock crashed: ${this.unexpected.join('; ')}`);
      const invalid = invalidAnswer(req, answer);
      if (invalid) throw new Error(`${where}: ${invalid}`);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const violations = stateViolations(server.mock.state);
        if (violations.length > 0) throw new Error(`${where}: state invariants broken: ${violations.join('; ')}`);
      }
    }
  }
}
