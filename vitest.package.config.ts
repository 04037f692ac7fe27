import { defineConfig } from 'vitest/config';

// `npm run test:package` (CI, .ci/run): the packed tarball installed into an empty project under the
// lowest Node we promise (test/package/*.package.ts). Outside `npm test`: it packs, installs from the
// registry and may download a Node binary the first time (~20 s on a warm npm cache).
export default defineConfig({
  test: {
    include: ['test/package/**/*.package.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
