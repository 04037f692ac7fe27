import { defineConfig } from 'vitest/config';

// `npm run fuzz`: the long generated-request run, outside `npm test` (test/fuzz/*.fuzz.ts).
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    testTimeout: 60 * 60_000,
    hookTimeout: 60_000,
  },
});
