import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/contract/index.js';
import { NEWEST_RELEASE, RELEASES } from '../../src/releases/catalog.js';
import { operationIdsOf, releaseSpec } from '../../src/releases/spec.js';
import { startServer } from '../../src/server.js';
import { ALWAYS_SKIPPED } from './support/skipped.js';

/** `check` holds our mock of every release to that release's own contract, and it passes. */
const NEWEST_IDS = operationIdsOf(releaseSpec(NEWEST_RELEASE));

describe.each(RELEASES)('ocs-mock check against our own mock of Nextcloud $version', (release) => {
  it('read-only: its own contract, every operation reported, none fails, the newer ones absent', async () => {
    const own = await startServer({ port: 0, nextcloud: release.version });
    try {
      const result = await runCheck({ url: own.url, user: 'admin', password: 'admin' });
      expect(result.target).toEqual({ serverVersion: release.version, release: release.version, chosenBy: 'status.php', spec: `releases/${release.version}` });
      expect(result.cases.filter((c) => c.status === 'FAIL')).toEqual([]);
      expect(result.exitCode).toBe(0);
      const ownIds = new Set(operationIdsOf(releaseSpec(release)));
      expect(result.cases.filter((c) => c.status === 'ABSENT').map((c) => c.id).sort()).toEqual(NEWEST_IDS.filter((id) => !ownIds.has(id)).sort());
      const skipped = result.cases.filter((c) => c.status === 'SKIP');
      expect(skipped.filter((c) => c.reason?.startsWith('not exercised: it would have real side effects')).map((c) => c.id).sort()).toEqual(ALWAYS_SKIPPED);
    } finally {
      await own.close();
    }
  });
});

