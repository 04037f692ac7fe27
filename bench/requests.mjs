// Benchmark: cold start of the CLI, in-process start-up, and request throughput on loopback.
// Bounded: a fixed number of requests per case, against 127.0.0.1 only.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createMock } from '../dist/mock.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20000);
const CONCURRENCY = 16;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Starts the built CLI; resolves with its URL once it listens. */
async function serve(args) {
  const child = spawn(process.execPath, ['bin/ocs-mock.js', 'serve', '--port', '0', '--log-level', 'silent', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const found = /listening on (\S+)/.exec(chunk.toString());
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  return { url, stop };
}

async function coldStart() {
  const started = performance.now();
  const { stop } = await serve([]);
  const elapsed = performance.now() - started;
  await stop();
  return elapsed;
}

async function run(url, path, headers) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  let next = 0;
  const one = () =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      http
        .get(`${url}${path}`, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            resolve(res.statusCode);
          });
        })
        .on('error', reject);
    });
  const worker = async () => {
    while (next++ < REQUESTS) await one();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(REQUESTS / seconds),
    p50: latencies[Math.floor(latencies.length * 0.5)].toFixed(2),
    p99: latencies[Math.floor(latencies.length * 0.99)].toFixed(2),
  };
}

const colds = [];
for (let i = 0; i < 5; i++) colds.push(await coldStart());
console.log(`CLI cold start to "listening" (median of 5): ${median(colds).toFixed(0)} ms`);

const inProcess = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  await createMock();
  inProcess.push(performance.now() - started);
}
console.log(`createMock() in process (median of 5): ${median(inProcess).toFixed(1)} ms`);

// The server runs in its own process, so the client's work does not count against it.
const server = await serve(['--users', '1000', '--seed', '7']);
const auth = { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'ocs-apirequest': 'true' };
const cases = [
  ['v1 XML  GET /cloud/groups', '/ocs/v1.php/cloud/groups'],
  ['v2 JSON GET /cloud/users/alice', '/ocs/v2.php/cloud/users/alice?format=json'],
  ['v2 JSON GET /cloud/users?limit=50 (1005 users)', '/ocs/v2.php/cloud/users?format=json&limit=50'],
  ['v2 JSON unknown route (998)', '/ocs/v2.php/cloud/nothing?format=json'],
];
console.log(`\n${REQUESTS} requests per case, ${CONCURRENCY} concurrent, keep-alive:`);
for (const [name, path] of cases) {
  const result = await run(server.url, path, auth);
  console.log(`${name.padEnd(48)} ${String(result.rps).padStart(6)} req/s   p50 ${result.p50} ms   p99 ${result.p99} ms`);
}
await server.stop();
