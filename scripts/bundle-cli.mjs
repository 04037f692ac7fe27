// Build step after tsc: the CLI as one module (plus lazily loaded chunks) in dist/bin/. Loading
// ~120 small modules one by one was a third of the start-up; one bundle is read and compiled at
// once. Dependencies stay external; dist/bin is two levels deep like every dist/<area> module, so
// the paths they resolve against import.meta.url (../../releases, ../state/...) hold in the bundle too.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: last build's chunks would stay behind.
rmSync('dist/bin', { recursive: true, force: true });

await build({
  entryPoints: ['dist/cli.js'],
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
