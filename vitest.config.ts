import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The README's examples (test/readme) import the package by name, and the jest one '@jest/globals':
  // the source stands in for the package, and vitest for jest (the API the example uses exists in both).
  resolve: {
    alias: [
      { find: /^ocs-mock$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^@jest\/globals$/, replacement: 'vitest' },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // No module-level state in src/ or test/support (DESIGN.md), so files can share a worker's
    // module graph: 2.5x faster on two cores than a fresh graph per file.
    isolate: false,
    // vitest keeps one core free by default; the suite is CPU-bound, so use them all (two cores:
    // 34 s instead of 51 s).
    maxWorkers: availableParallelism(),
    globalSetup: ['test/support/builtCli.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
