import type { ServerResponse } from 'node:http';
import { toPhpJson } from '../ocs/json.js';
import type { Release } from '../releases/catalog.js';
import { scriptHeaders } from './answers.js';

/**
 * GET /status.php (status.php): the same HTTP 200 answer in maintenance mode as outside it, only
 * `"maintenance":true`; lib/base.php lets status.php through (recordings status.php/anonymous, head/status.php).
 */
export function writeStatus(res: ServerResponse, release: Release, maintenance: boolean): void {
  const body = toPhpJson({
    installed: true,
    maintenance,
    needsDbUpgrade: false,
    version: release.build,
    versionstring: release.version,
    edition: '',
    productname: 'Nextcloud',
    extendedSupport: false,
  });
  const headers = { ...scriptHeaders(), 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' };
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.statusCode = 200;
  res.end(body);
}
