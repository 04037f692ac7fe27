import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { freshMock, ocs } from '../support/mock.js';
import { expectedAnswer, frameworkStyleOf, okJsonOf, type Format, type Version } from '../support/oracle.js';

/**
 * What ocs/v1.php and the request layer do differently per release (DIFFERENCES.md §8, §9). One
 * release per behaviour boundary; expected answers from the test oracle, never from src/.
 */
const NOT_FOUND =
  'Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n';
const INTERNAL = 'Internal Server Error\n';
const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`;

const RELEASES = ['27', '28', '29', '30', '31.0.2', '31', '32', '33', '34'];
const MATRIX = RELEASES.flatMap((release) => ([1, 2] as Version[]).flatMap((version) => (['json', 'xml'] as Format[]).map((format) => ({ release, version, format }))));

function expectAnswer(res: { status: number; headers: Record<string, string>; text: string }, expected: ReturnType<typeof expectedAnswer>): void {
  expect({ status: res.status, contentType: res.headers['content-type'], body: res.text }).toEqual(expected);
}

describe.each(MATRIX)('$release v$version $format: ocs/v1.php framing', ({ release, version, format }) => {
  const style = frameworkStyleOf(release);
  const query = format === 'json' ? '?format=json' : '';

  it('an unknown route -> 998 as that release frames it (v2 meta 404 up to 30, 998 from 31; v1 counts from 31)', async () => {
    const { app } = await freshMock({ nextcloud: release });
    const res = await ocs(app, 'get', version, `/cloud/nothing-here${query}`);
    expectAnswer(res, expectedAnswer(version, format, { code: 998, message: NOT_FOUND, origin: 'framework', style }));
  });

  it('a wrong password -> 997; up to 30 always XML (login runs before parameters are read)', async () => {
    const { app } = await freshMock({ nextcloud: release });
    const res = await request(app).get(`/ocs/v${version}.php/cloud/users${query}`).auth('admin', 'wrong').set('OCS-APIRequest', 'true');
    const forcedFormat = Number.parseInt(release, 10) <= 30 ? 'xml' : undefined;
    expectAnswer(res, expectedAnswer(version, format, { code: 997, message: 'Unauthorised', origin: 'framework', style, forcedFormat }));
    expect(res.headers['www-authenticate']).toBe('Basic realm="Authorisation Required"');
  });
});

describe.each(RELEASES)('%s: format negotiation (§9.2, §9.3)', (release) => {
  const major = Number.parseInt(release, 10);

  it('Accept: application/json on an unknown route: the format parameter only up to 31, Accept too from 32', async () => {
    const { app } = await freshMock({ nextcloud: release });
    const res = await ocs(app, 'get', 2, '/cloud/nothing-here').set('Accept', 'application/json');
    const format: Format = major >= 32 ? 'json' : 'xml';
    expectAnswer(res, expectedAnswer(2, format, { code: 998, message: NOT_FOUND, origin: 'framework', style: frameworkStyleOf(release) }));
  });

  it('Accept: application/xhtml+xml, application/json: up to 31 the first known responder (JSON), from 32.0.2 the first application/ entry (unknown -> XML)', async () => {
    const { app } = await freshMock({ nextcloud: release });
    const res = await ocs(app, 'get', 2, '/cloud/groups').set('Accept', 'application/xhtml+xml, application/json');
    const data = { groups: ['admin', 'empty', 'group1', 'group2'] };
    expectAnswer(res, expectedAnswer(2, major >= 32 ? 'xml' : 'json', { code: 200, data }));
  });

  it('format=html: 996 up to 31 (no responder), an XML answer from 32.0.2 (falls back to XML)', async () => {
    const { app } = await freshMock({ nextcloud: release });
    const res = await ocs(app, 'get', 2, '/cloud/groups?format=html');
    if (major >= 32) {
      expectAnswer(res, expectedAnswer(2, 'xml', { code: 200, data: { groups: ['admin', 'empty', 'group1', 'group2'] } }));
    } else {
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toBe('application/octet-stream; charset=utf-8');
    }
  });
});

describe.each(RELEASES)('%s: request checks (§8, §9.1)', (release) => {
  const major = Number.parseInt(release, 10);

  it('OCS-APIRequest: 1 passes the CSRF check from 30 (any non-empty value), not before (exactly "true")', async () => {
    const { app } = await freshMock({ nextcloud: release });
    const res = await request(app).get('/ocs/v2.php/cloud/groups?format=json').set('Authorization', ADMIN).set('OCS-APIRequest', '1');
    if (major >= 30) {
      expect(res.status).toBe(200);
      expect(res.text).toBe(okJsonOf(2, { groups: ['admin', 'empty', 'group1', 'group2'] }));
    } else {
      expect(res.status).toBe(412);
      expect(res.text).toBe('{"message":"CSRF check failed"}');
    }
  });

  it('a malformed JSON body: ignored up to 31 (query parameters still apply), 996 before login from 32', async () => {
    const { mock, app } = await freshMock({ nextcloud: release });
    const res = await request(app)
      .post('/ocs/v2.php/cloud/groups?format=json&groupid=fromQuery')
      .set('Authorization', `Basic ${Buffer.from('admin:wrong').toString('base64')}`)
      .set('OCS-APIRequest', 'true')
      .set('Content-Type', 'application/json')
      .send('{"groupid": ');
    if (major >= 32) {
      expectAnswer(res, expectedAnswer(2, 'json', { code: 996, message: INTERNAL, origin: 'framework', style: 'ApiHelper' }));
    } else {
      expect(res.status).toBe(401);
      const ok = await request(app)
        .post('/ocs/v2.php/cloud/groups?format=json&groupid=fromQuery')
        .set('Authorization', ADMIN)
        .set('OCS-APIRequest', 'true')
        .set('Content-Type', 'application/json')
        .send('{"groupid": ');
      expect(ok.text).toBe(okJsonOf(2, []));
      expect(mock.state.groups.has('fromQuery')).toBe(true);
    }
  });
});
