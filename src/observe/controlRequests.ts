import express from 'express';
import type { Journal } from './journal.js';
import { parseRequestQuery } from './requestQuery.js';

/**
 * /__admin/requests (WireMock's name): GET lists the journal, oldest first, as `{ requests, count }`
 * (`?count=true`: only `{ count }`), filtered by the query; DELETE clears it.
 */
export function requestRoutes(journal: Journal): express.Router {
  const router = express.Router();
  router.get('/__admin/requests', (req, res) => {
    const query = parseRequestQuery(req.query as Record<string, unknown>);
    if (!query.ok) {
      res.status(400).json({ error: query.error });
      return;
    }
    const requests = journal.list(query.filter);
    res.json(query.countOnly ? { count: requests.length } : { requests, count: requests.length });
  });
  router.delete('/__admin/requests', (_req, res) => {
    journal.clear();
    res.status(204).end();
  });
  return router;
}
