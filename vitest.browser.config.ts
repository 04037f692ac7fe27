import { defineConfig } from 'vitest/config';

// `npm run test:browser` (CI, .ci/run): a page in headless Chromium on another origin calls the mock
// (test/browser/*.browser.ts). Outside `npm test`, which must pass on a machine without a browser;
// .ci/run installs Debian's chromium when it is missing and runs it.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
