// Build step after tsc: every release's routes as openapi-backend's router reads them from the
// release's spec, one JSON file each, so that start-up reads them instead (src/releases/releaseRoutes.ts).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { RELEASES } from '../dist/releases/catalog.js';
import { PRECOMPILED_ROUTES_DIR, precompiledRoutesFile, readReleaseRoutes } from '../dist/releases/releaseRoutes.js';

rmSync(PRECOMPILED_ROUTES_DIR, { recursive: true, force: true });
mkdirSync(PRECOMPILED_ROUTES_DIR, { recursive: true });
for (const release of RELEASES) writeFileSync(precompiledRoutesFile(release), JSON.stringify(await readReleaseRoutes(release)));
