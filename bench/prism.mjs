// Prism 5.14.2, the comparison: not a dependency; run only with BENCH_PRISM=1 or --prism.
// `npx -y` fetches it into npx's cache once; the server is then spawned from there, so its cold
// start does not include npx's own resolution.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { ROOT } from './children.mjs';

export const PRISM_PACKAGE = '@stoplight/prism-cli@5.14.2';
const POLL_MS = 20;
const START_TIMEOUT_MS = 60_000;

/** The path of the `prism` binary in npx's cache (installed there on first use). */
export function prismBinary() {
  return execFileSync('npx', ['-y', '-p', PRISM_PACKAGE, '-c', 'command -v prism'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Any HTTP answer from `url` at all (Prism logs nothing when silent, so readiness is polled). */
function answers(url) {
  return new Promise((resolve) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(true);
      })
      .on('error', () => resolve(false));
  });
}

/** Starts `prism mock` on openapi.json with logging off; resolves once it answers HTTP. */
export async function startPrism(binary) {
  const port = await freePort();
  const child = spawn(binary, ['mock', '-p', String(port), '-v', 'silent', 'openapi.json'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  const started = Date.now();
  while (!(await answers(`${url}/status.php`))) {
    if (child.exitCode !== null || Date.now() - started > START_TIMEOUT_MS) {
      await stop();
      throw new Error(`prism did not answer on ${url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { child, url, stop };
}
