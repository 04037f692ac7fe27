// The library entry in fresh processes: the time of `import('ocs-mock')` (dist/index.js), and of
// startServer() until it listens, in a warm process after one warm-up.
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ROOT } from './children.mjs';
import { median, repeat } from './stats.mjs';

const ENTRY = pathToFileURL(`${ROOT}dist/index.js`).href;
const RUNS = 5;
const STARTS = 10;

function runNode(source) {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: ROOT }).toString());
}

/** Median over RUNS fresh `node` processes of the time the dynamic import of dist/index.js takes. */
export async function importTime() {
  const source = `const started = performance.now(); await import(${JSON.stringify(ENTRY)}); console.log(JSON.stringify(performance.now() - started));`;
  const runs = await repeat(RUNS, () => runNode(source));
  return { ms: median(runs), runs };
}

/** Median of STARTS startServer() calls (each closed again) in one process, after one warm-up. */
export async function startServerTime() {
  const source = `
    const { startServer } = await import(${JSON.stringify(ENTRY)});
    const options = { log: { level: 'silent' } };
    await (await startServer(options)).close();
    const runs = [];
    for (let i = 0; i < ${STARTS}; i++) {
      const started = performance.now();
      const running = await startServer(options);
      runs.push(performance.now() - started);
      await running.close();
    }
    console.log(JSON.stringify(runs));`;
  const runs = runNode(source);
  return { ms: median(runs), runs };
}
