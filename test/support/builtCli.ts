import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'ocs-mock.js');

/**
 * vitest global setup: the CLI tests run the built dist/. `npm test` builds first (pretest); a bare
 * `npx vitest` on a fresh clone builds here, once for the whole run.
 */
export default function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'bin', 'cli.js')) && existsSync(join(ROOT, 'dist', 'releases', 'routes'))) return;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
