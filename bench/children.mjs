// Child processes under test: spawn, wait for "listening on <url>", stop, and read /proc figures.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LISTENING = /listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;

/**
 * Spawns `command args` and resolves once it prints "listening on <url>", with the child, its URL
 * and `stop()`. Anything it prints to stderr is passed through.
 */
export function startChild(command, args, { timeoutMs = START_TIMEOUT_MS } = {}) {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')}: no "listening" line in ${timeoutMs} ms`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString();
      const found = LISTENING.exec(seen);
      if (found) {
        clearTimeout(timer);
        resolve(found[1].replace(/\/$/, ''));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code} before listening:\n${seen}`));
    });
  });
  // Keep draining stdout so a chatty child never blocks on a full pipe.
  child.stdout.resume();
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return url.then(
    (found) => ({ child, url: found, stop }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}

/** The built CLI: `bin/ocs-mock.js serve --port 0 --log-level silent ...extra`. */
export function startMock(extra = [], options = {}) {
  return startChild(process.execPath, ['bin/ocs-mock.js', 'serve', '--port', '0', '--log-level', 'silent', ...extra], options);
}

/** The bare node:http ceiling answering the answers stored in `answersFile`. */
export function startCeiling(answersFile) {
  return startChild(process.execPath, ['bench/ceiling.mjs', answersFile]);
}

/** Resident memory of a process in bytes (VmRSS in /proc/<pid>/status). */
export function rssBytes(pid) {
  const found = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(found[1]) * 1024;
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system) a process has used so far, in milliseconds (/proc/<pid>/stat). */
export function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}
