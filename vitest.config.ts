import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No module-level state in src/ or test/support (DESIGN.md), so files can share a worker's
    // module graph: 2.5x faster on two cores than a fresh graph per file.
    isolate: false,
    globalSetup: ['test/support/builtCli.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
