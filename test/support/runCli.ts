import { spawn, type ChildProcess } from 'node:child_process';
import { onTestFinished } from 'vitest';
import { BIN, ROOT } from './builtCli.js';

/** Runs of the built CLI (bin/ocs-mock.js) for test/cli: each child is killed after its test. */

export interface CliOptions {
  /** Added to (or, as undefined, removed from) the test's own environment. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Node's own options, before the script (e.g. `--trace-gc`). */
  nodeArgs?: string[];
  /** The script to run instead of bin/ocs-mock.js. */
  entry?: string;
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Killed when the test that started it finishes (passed or failed). A module-level afterEach would
// bind to the first test file that imports this module only: vitest shares modules between files
// (isolate: false), and children of the other files outlived the run.
function killWhenTestEnds(child: ChildProcess): void {
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
}

function start(args: string[], options: CliOptions): ChildProcess {
  // PORT and HOST are left out unless a test gives them: the CLI reads them.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: undefined, HOST: undefined, OCS_PASSWORD: undefined, ...options.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry ?? BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  killWhenTestEnds(child);
  return child;
}

/** Runs the CLI to its end (help, a refused start). */
export function runCli(args: string[], options: CliOptions = {}): Promise<Finished> {
  const child = start(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

export interface Serving {
  url: string;
  /** Everything printed on stdout up to the start-up banner's last line. */
  banner: string;
  /** Everything printed on stdout so far (the request log grows after the banner). */
  output: () => string;
}

/** Starts the CLI and resolves once its start-up banner is complete (its "Ctrl-C stops." line). */
export function serveCli(args: string[], options: CliOptions = {}): Promise<Serving> {
  const child = start(args, options);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (https?:\/\/\S+)/.exec(out);
      if (url && out.includes('Ctrl-C stops.\n')) {
        resolve({ url: url[1], banner: out.slice(0, out.indexOf('Ctrl-C stops.\n') + 'Ctrl-C stops.\n'.length), output: () => out });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code} before it served:\n${out}\n${err}`)));
  });
}
