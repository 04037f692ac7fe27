import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { routesFromSpec, specRouter } from '../http/specRoutes.js';
import type { RouteDefinition } from '../http/routeTable.js';
import type { Release } from './catalog.js';
import { releaseSpec } from './spec.js';

/**
 * Where the build keeps each release's routes as read by openapi-backend's router
 * (`scripts/compile-routes.mjs`). `../releases/` from dist/releases and from the CLI bundle in dist/bin alike.
 */
export const PRECOMPILED_ROUTES_DIR = fileURLToPath(new URL('../releases/routes/', import.meta.url));

export function precompiledRoutesFile(release: Release): string {
  return `${PRECOMPILED_ROUTES_DIR}${release.version}.json`;
}

/** A release's routes read from its spec now, through openapi-backend's router. */
export async function readReleaseRoutes(release: Release): Promise<RouteDefinition[]> {
  return routesFromSpec(await specRouter(releaseSpec(release)));
}

/**
 * A release's routes: the build's copy when there is one (start-up then loads neither the router,
 * lodash and the rest of its modules nor 430 KB of spec, ~40 ms), else read from the spec now
 * (tests run the sources). A test holds the build's copies to the spec's routes.
 */
export async function releaseRoutes(release: Release): Promise<RouteDefinition[]> {
  let text: string;
  try {
    text = readFileSync(precompiledRoutesFile(release), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return readReleaseRoutes(release);
  }
  return JSON.parse(text) as RouteDefinition[];
}
