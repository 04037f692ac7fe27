// `npm start`'s prestart: builds only when the build is missing or older than what it is made from,
// so a fresh clone still starts with `npm install && npm start` while a start on an up-to-date
// build runs no tsc (~1 s of `npm run build` before the first answer otherwise).
// `--check` reports and exits 1 when a build is due, without building.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What `npm run build` reads: the sources, the compiler settings, the fixture schema, the releases' specs and the build steps. */
const INPUTS = ['src', 'tsconfig.base.json', 'tsconfig.build.json', 'fixtures/fixture.schema.json', 'releases', 'scripts/compile-schemas.mjs', 'scripts/compile-routes.mjs', 'scripts/bundle-cli.mjs'];
/** The library entry: tsc rewrites only the modules whose output changed, so only its presence tells. */
const ENTRY = 'dist/index.js';
/** The last steps of `npm run build` rewrite these on every build: a complete build leaves them newer than every input. */
const OUTPUTS = ['dist/state/fixtureValidator.cjs', 'dist/bin/cli.js'];

function mtimeOrNull(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** The newest file under `path` (a file or a directory) and its mtime. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { file: path, mtime: stat.mtimeMs };
  let found = { file: path, mtime: -Infinity };
  for (const entry of readdirSync(path)) {
    const candidate = newest(join(path, entry));
    if (candidate.mtime > found.mtime) found = candidate;
  }
  return found;
}

/** Why a build is due, or null when the build is up to date. */
function staleReason() {
  if (mtimeOrNull(ENTRY) === null) return `${ENTRY} is missing`;
  const outputTimes = OUTPUTS.map((file) => ({ file, mtime: mtimeOrNull(file) }));
  const missing = outputTimes.find((output) => output.mtime === null);
  if (missing) return `${missing.file} is missing`;
  const oldest = outputTimes.reduce((a, b) => (b.mtime < a.mtime ? b : a));
  const input = INPUTS.map(newest).reduce((a, b) => (b.mtime > a.mtime ? b : a));
  return input.mtime > oldest.mtime ? `${input.file} is newer than ${oldest.file}` : null;
}

const reason = staleReason();
if (process.argv.includes('--check')) {
  console.log(reason ? `build due: ${reason}` : 'build up to date');
  process.exit(reason ? 1 : 0);
}
if (reason) {
  console.error(`ocs-mock: building (${reason})`);
  const npm = process.env.npm_execpath;
  const build = npm ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], { stdio: 'inherit' }) : spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', shell: true });
  process.exit(build.status ?? 1);
}
