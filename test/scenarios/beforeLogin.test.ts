import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { freshMock } from '../support/mock.js';

const MAINTENANCE = fileURLToPath(new URL('../../scenarios/maintenance-mode.json', import.meta.url));

describe('scenarios run before the login check', () => {
  it('v2 maintenance mode answers 503 even to a wrong password, as ocs/v1.php checks maintenance first', async () => {
    const { app } = await freshMock({ scenarios: [MAINTENANCE] });
    const res = await request(app).get('/ocs/v2.php/cloud/users').auth('admin', 'wrong').set('OCS-APIRequest', 'true');
    expect(res.status).toBe(503);
    expect(res.headers['x-nextcloud-maintenance-mode']).toBe('1');
    expect(res.headers['www-authenticate']).toBeUndefined();
    expect(res.text).toBe(
      '<?xml version="1.0"?>\n<ocs>\n <meta>\n  <status>failure</status>\n  <statuscode>503</statuscode>\n  <message>Service unavailable</message>\n </meta>\n <data/>\n</ocs>\n',
    );
  });

  it('v1 without scenarios a wrong password is still 997 Unauthorised, HTTP 401', async () => {
    const { app } = await freshMock();
    const res = await request(app).get('/ocs/v1.php/cloud/users').auth('admin', 'wrong').set('OCS-APIRequest', 'true');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="Authorisation Required"');
    expect(res.text).toContain('<statuscode>997</statuscode>\n  <message>Unauthorised</message>\n </meta>');
  });
});
