import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELEASES } from '../../src/releases/catalog.js';
import { readReleaseRoutes, releaseRoutes } from '../../src/releases/releaseRoutes.js';
import { ROOT } from '../support/builtCli.js';

// The build writes every release's routes (scripts/compile-routes.mjs) so that start-up loads
// neither openapi-backend's router nor the spec; they must be the routes the router reads now.
describe("the build's route tables", () => {
  for (const release of RELEASES) {
    it(`${release.version}: the routes openapi-backend's router reads from the release's spec`, async () => {
      const built = JSON.parse(readFileSync(join(ROOT, 'dist', 'releases', 'routes', `${release.version}.json`), 'utf8')) as unknown;
      const read = await readReleaseRoutes(release);
      expect(read.length).toBeGreaterThan(40);
      expect(built).toEqual(read);
    });
  }

  it('without a build copy (the sources) the routes are read from the spec', async () => {
    const release = RELEASES[0];
    expect(await releaseRoutes(release)).toEqual(await readReleaseRoutes(release));
  });
});
