import express, { type Express } from 'express';
import type { OcsMock } from '../mock.js';
import { requestRoutes } from '../observe/controlRequests.js';
import { scenarioRoutes } from '../scenarios/controlRoutes.js';
import { scenariosOf } from '../scenarios/install.js';
import { writeStatus } from './statusPhp.js';

/** The control API (WireMock-style, under /__admin) and status.php, next to the OCS pipeline. */
export function createControlRouter(mock: OcsMock): express.Router {
  const router = express.Router();
  router.get('/__admin/health', (_req, res) => {
    res.json({ status: 'ok', users: mock.state.users.size, groups: mock.state.groups.size });
  });
  router.post('/__admin/reset', (_req, res) => {
    mock.reset();
    res.status(204).end();
  });
  const scenarios = scenariosOf(mock);
  router.use(scenarioRoutes(scenarios));
  router.use(requestRoutes(mock.journal));
  router.get('/status.php', (_req, res) => writeStatus(res, mock.profile.release, scenarios.maintenance));
  return router;
}

/** An express app serving one mock: control API, status.php and every OCS route. */
export function createApp(mock: OcsMock): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(createControlRouter(mock));
  app.use((req, res) => mock.handle(req, res));
  return app;
}
