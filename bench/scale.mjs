// Cost at scale: start-up and memory of a large store, server CPU per request, search latency.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { HEADERS } from './cases.mjs';
import { send } from './capture.mjs';
import { cpuMs, rssBytes, startMock } from './children.mjs';
import { fire } from './load.mjs';
import { SCALE_GROUPS, SCALE_USERS } from './scaleFixture.mjs';

const CPU_REQUESTS = 1000;
const CPU_ROUNDS = 3;
const CPU_BUDGET_MS = 4000;
const WARM_UP = 20;
/** A large store may take long to build; the figure says how long, the bench only gives up late. */
const LARGE_START_TIMEOUT_MS = 300_000;
const SEARCH = { method: 'GET', path: '/ocs/v2.php/cloud/users?search=an&limit=25&format=json' };

const get = (path) => ({ method: 'GET', path });

/** Spawns a mock with `args`; resolves once it has answered its first 200, with the time and RSS then. */
export async function startLarge(args) {
  const started = performance.now();
  const server = await startMock(args, { timeoutMs: LARGE_START_TIMEOUT_MS });
  const answer = await send(server.url, get('/ocs/v2.php/cloud/users?limit=1&format=json'));
  if (answer.status !== 200) throw new Error(`first request answered ${answer.status}`);
  return { server, startMs: performance.now() - started, rssBytes: rssBytes(server.child.pid) };
}

/** Sends the requests one after another on one keep-alive connection. */
async function sequential(url, path, count, agent) {
  for (let i = 0; i < count; i++) {
    await new Promise((resolve, reject) => {
      http
        .get(`${url}${path}`, { agent, headers: HEADERS }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`${path} answered ${res.statusCode}`));
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject);
    });
  }
}

/**
 * Server CPU (user + system, /proc/<pid>/stat) per request for `path`: sequential requests until
 * CPU_REQUESTS are sent or CPU_BUDGET_MS have passed, after a short warm-up; the median of
 * CPU_ROUNDS such rounds (a garbage collection of the large heap can land in any one of them).
 */
export async function cpuPerRequest(server, path) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await sequential(server.url, path, WARM_UP, agent);
    const rounds = [];
    for (let round = 0; round < CPU_ROUNDS; round++) {
      const before = cpuMs(server.child.pid);
      const started = performance.now();
      let sent = 0;
      while (sent < CPU_REQUESTS && performance.now() - started < CPU_BUDGET_MS) {
        await sequential(server.url, path, 10, agent);
        sent += 10;
      }
      rounds.push({ ms: (cpuMs(server.child.pid) - before) / sent, requests: sent });
    }
    rounds.sort((a, b) => a.ms - b.ms);
    return rounds[Math.floor(rounds.length / 2)];
  } finally {
    agent.destroy();
  }
}

/** A request that does no work: what one request costs on this machine (wake-ups, HTTP parsing, the socket). */
export const FLOOR_CASE = { key: 'floor', label: 'GET /status.php (no work: the floor of one request)', path: '/status.php' };

/** The same request shapes on the default fixture: cost that grows with the store shows as a difference. */
export function smallCases() {
  return [
    { key: 'userDetails', path: '/ocs/v2.php/cloud/users/alice?format=json' },
    { key: 'usersPage', path: '/ocs/v2.php/cloud/users?limit=25&format=json' },
    { key: 'groupsPage', path: '/ocs/v2.php/cloud/groups?limit=25&format=json' },
    { key: 'floor', path: FLOOR_CASE.path },
  ];
}

/** The cases measured on the large store: pages from the middle of the lists, and a user from there. */
export async function scaleCases(server) {
  const users = Math.floor(SCALE_USERS / 2);
  const groups = Math.floor(SCALE_GROUPS / 2);
  const middle = await send(server.url, get(`/ocs/v2.php/cloud/users?limit=1&offset=${users}&format=json`));
  const [userId] = JSON.parse(middle.body.toString()).ocs.data.users;
  return [
    { key: 'userDetails', label: `GET /cloud/users/{id} (a generated user)`, path: `/ocs/v2.php/cloud/users/${encodeURIComponent(userId)}?format=json` },
    { key: 'usersPage', label: `GET /cloud/users?limit=25&offset=${users}`, path: `/ocs/v2.php/cloud/users?limit=25&offset=${users}&format=json` },
    { key: 'groupsPage', label: `GET /cloud/groups?limit=25&offset=${groups}`, path: `/ocs/v2.php/cloud/groups?limit=25&offset=${groups}&format=json` },
    FLOOR_CASE,
  ];
}

/** p99 latency (ms) of the user search at 10 connections. */
export async function searchP99(server) {
  const result = await fire(server.url, SEARCH, { connections: 10 });
  return { p99Ms: result.latency.p99, rps: result.requests.average, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}
