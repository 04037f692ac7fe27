import type { ServerResponse } from 'node:http';
import { SERVER_VERSION } from '../domain/capabilities.js';
import { toPhpJson } from '../ocs/json.js';
import { resolveRelease } from '../releases/catalog.js';
import { scriptHeaders } from './answers.js';

/**
 * GET /status.php (status.php): the same HTTP 200 answer in maintenance mode as outside it, only
 * `"maintenance":true`; lib/base.php lets status.php through (recordings status.php/anonymous, head/status.php).
 */
export function writeStatus(res: ServerResponse, maintenance: boolean): void {
  const body = toPhpJson({
    installed: true,
    maintenance,
    needsDbUpgrade: false,
    version: resolveRelease(SERVER_VERSION.string).build,
    versionstring: SERVER_VERSION.string,
    edition: SERVER_VERSION.edition,
    productname: 'Nextcloud',
    extendedSupport: SERVER_VERSION.extendedSupport,
  });
  const headers = { ...scriptHeaders(), 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' };
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.statusCode = 200;
  res.end(body);
}
