import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ocs } from '../support/mock.js';
import { oneRule } from '../scenarios/support.js';
import { loggedMock, stable } from './support.js';

describe('request log, text, one line per request', () => {
  it('ok: user, operationId, HTTP status, OCS code', async () => {
    const { app, lines } = await loggedMock();
    await ocs(app, 'get', 1, '/cloud/groups');
    await ocs(app, 'get', 2, '/cloud/groups');
    expect(lines.map(stable)).toEqual([
      '<time> GET /ocs/v1.php/cloud/groups admin groups-get-groups 200 ocs 100 <d>ms',
      '<time> GET /ocs/v2.php/cloud/groups admin groups-get-groups 200 ocs 200 <d>ms',
    ]);
  });

  it('controller error: the OCS message', async () => {
    const { app, lines } = await loggedMock();
    await ocs(app, 'post', 1, '/cloud/groups?groupid=admin');
    expect(lines.map(stable)).toEqual(['<time> POST /ocs/v1.php/cloud/groups admin groups-add-group 200 ocs 102 <d>ms - group exists']);
  });

  it('998: no route and the nearest routes', async () => {
    const { app, lines } = await loggedMock();
    await ocs(app, 'get', 2, '/cloud/usrs');
    expect(lines.map(stable)).toEqual([
      '<time> GET /ocs/v2.php/cloud/usrs admin no route 404 ocs 404 <d>ms - no route; nearest: GET /cloud/users, GET /cloud/user, GET /cloud/apps',
    ]);
  });

  it('405: the allowed methods', async () => {
    const { app, lines } = await loggedMock();
    await ocs(app, 'post', 2, '/cloud/users/alice');
    expect(lines.map(stable)).toEqual(['<time> POST /ocs/v2.php/cloud/users/alice admin no route 405 ocs - <d>ms - method not allowed; allowed: GET, PUT, DELETE']);
  });

  it('412: no OCS-APIRequest header', async () => {
    const { app, lines } = await loggedMock();
    await request(app).get('/ocs/v2.php/cloud/groups').auth('admin', 'admin');
    expect(lines.map(stable)).toEqual(['<time> GET /ocs/v2.php/cloud/groups admin groups-get-groups 412 ocs - <d>ms - CSRF check failed: no OCS-APIRequest header']);
  });

  it('997: wrong password, disabled account and unknown user are told apart', async () => {
    const { app, mock, lines } = await loggedMock();
    mock.state.users.get('bob')!.enabled = false;
    await request(app).get('/ocs/v1.php/cloud/groups').auth('alice', 'wrong').set('OCS-APIRequest', 'true');
    await request(app).get('/ocs/v1.php/cloud/groups').auth('bob', 'bob-password').set('OCS-APIRequest', 'true');
    await request(app).get('/ocs/v1.php/cloud/groups').auth('nobody', 'x').set('OCS-APIRequest', 'true');
    expect(lines.map(stable)).toEqual([
      '<time> GET /ocs/v1.php/cloud/groups login failed (alice: wrong password) groups-get-groups 401 ocs 997 <d>ms - login failed: wrong password (alice)',
      '<time> GET /ocs/v1.php/cloud/groups login failed (bob: account disabled) groups-get-groups 401 ocs 997 <d>ms - login failed: account disabled (bob)',
      '<time> GET /ocs/v1.php/cloud/groups login failed (nobody: unknown user) groups-get-groups 401 ocs 997 <d>ms - login failed: unknown user (nobody)',
    ]);
  });

  it('anonymous, and an operation that needs a user', async () => {
    const { app, lines } = await loggedMock();
    await ocs(app, 'get', 1, '/cloud/groups', { user: null });
    expect(lines.map(stable)).toEqual([
      '<time> GET /ocs/v1.php/cloud/groups anonymous groups-get-groups 401 ocs 997 <d>ms - the operation needs a logged-in user',
    ]);
  });

  it('996: the missing parameter by name (v1 answers HTTP 200)', async () => {
    const { app, lines } = await loggedMock();
    await ocs(app, 'post', 1, '/cloud/groups');
    expect(lines.map(stable)).toEqual(['<time> POST /ocs/v1.php/cloud/groups admin groups-add-group 200 ocs 996 <d>ms - parameter "groupid" is missing']);
  });

  it('scenario rule that answered', async () => {
    const { app, lines } = await loggedMock({}, { scenarios: [oneRule({ name: 'groups down', answer: { ocs: { statuscode: 996, message: 'down', origin: 'framework' } } })] });
    await ocs(app, 'get', 1, '/cloud/groups');
    expect(lines.map(stable)).toEqual(['<time> GET /ocs/v1.php/cloud/groups admin groups-get-groups 200 ocs 996 <d>ms rule "groups down" - down']);
  });

  it('no colour when the writer is not a TTY; colour on request', async () => {
    const plain = await loggedMock();
    await ocs(plain.app, 'get', 1, '/cloud/groups');
    expect(plain.lines[0]).not.toContain('\u001b[');
    const coloured = await loggedMock({ colour: true });
    await ocs(coloured.app, 'get', 1, '/cloud/groups');
    expect(coloured.lines[0]).toContain('\u001b[32m200\u001b[0m');
  });

  it('silent (the library default) writes nothing', async () => {
    const { app, lines } = await loggedMock({ level: 'silent' });
    await ocs(app, 'get', 1, '/cloud/groups');
    expect(lines).toEqual([]);
  });
});

describe('request log, debug and json', () => {
  it('debug adds the bound arguments and the answer body', async () => {
    const { app, lines } = await loggedMock({ level: 'debug' });
    const res = await ocs(app, 'get', 2, '/cloud/groups?search=adm', { format: 'json' });
    expect(lines.map(stable)).toEqual([
      '<time> GET /ocs/v2.php/cloud/groups admin groups-get-groups 200 ocs 200 <d>ms',
      '  arguments {"search":"adm","limit":null,"offset":0}',
      `  body ${JSON.stringify(res.text)}`,
    ]);
  });

  it('a request of a session names it in its line and its record', async () => {
    const t = await loggedMock({});
    await ocs(t.app, 'get', 2, '/cloud/groups').set('X-Mock-Session', 'worker-3');
    expect(t.lines).toHaveLength(1);
    expect(t.lines[0]).toMatch(/ GET \/ocs\/v2\.php\/cloud\/groups admin groups-get-groups 200 ocs 200 [\d.]+ms session worker-3$/);
    expect(t.mock.session('worker-3').requests().map((record) => record.session)).toEqual(['worker-3']);
    expect(t.mock.requests()).toEqual([]);
  });

  it('json: one object a line; params and body only at debug', async () => {
    const info = await loggedMock({ format: 'json' });
    await ocs(info.app, 'get', 1, '/cloud/usrs');
    const line = JSON.parse(info.lines[0]) as Record<string, unknown>;
    expect(info.lines).toHaveLength(1);
    expect(line).toEqual({
      id: 1,
      time: expect.any(String),
      durationMs: expect.any(Number),
      method: 'GET',
      version: 1,
      path: '/cloud/usrs',
      session: null,
      user: 'admin',
      who: 'admin',
      login: { kind: 'user' },
      operationId: null,
      unmatched: { reason: 'no-route', nearest: ['GET /cloud/users', 'GET /cloud/user', 'GET /cloud/apps'] },
      status: 200,
      ocsCode: 998,
      ocsMessage: 'Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n',
      rule: null,
      refusal: 'no route; nearest: GET /cloud/users, GET /cloud/user, GET /cloud/apps',
    });
    expect(line.durationMs as number).toBeGreaterThanOrEqual(0);

    const debug = await loggedMock({ format: 'json', level: 'debug' });
    const res = await ocs(debug.app, 'get', 1, '/cloud/groups?limit=1', { format: 'json' });
    expect(JSON.parse(debug.lines[0])).toMatchObject({ params: { search: '', limit: 1, offset: 0 }, bound: true, body: res.text });
  });
});
