import { MOCK_ROUTES } from './mockRoutes.js';
import { REQUEST_ROUTES } from './requestRoutes.js';
import type { ControlRoute } from './route.js';
import { SCENARIO_ROUTES } from './scenarioRoutes.js';
import { SESSION_ROUTES } from './sessionRoutes.js';

/**
 * The control API, one section per concern; control-api.json describes exactly these routes
 * (test/control/openapi.test.ts keeps the two equal).
 */
export const CONTROL_ROUTES: readonly ControlRoute[] = [...MOCK_ROUTES, ...SCENARIO_ROUTES, ...REQUEST_ROUTES, ...SESSION_ROUTES];

export { CONTROL_PREFIX } from './prefix.js';
