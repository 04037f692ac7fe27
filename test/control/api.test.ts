import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp, type RequestHandler } from '../../src/http/app.js';
import { createMock } from '../../src/mock.js';
import { CONTROL_ROUTES } from '../../src/control/routes.js';
import { startServer } from '../../src/server.js';
import { freshMock, ocs } from '../support/mock.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Status, Content-Type and the whole JSON body. */
function answer(res: request.Response): { status: number; type: string | undefined; body: unknown } {
  return { status: res.status, type: res.headers['content-type'], body: res.body };
}

async function groupNames(app: RequestHandler): Promise<string[]> {
  return (await ocs(app, 'get', 2, '/cloud/groups', { format: 'json' })).body.ocs.data.groups;
}

describe('control API routes and refusals', () => {
  it('GET /__admin/health -> 200 JSON with the user and group counts', async () => {
    const { app } = await freshMock();
    expect(answer(await request(app).get('/__admin/health'))).toEqual({ status: 200, type: JSON_TYPE, body: { status: 'ok', users: 5, groups: 4 } });
  });

  it('an unknown control route -> 404 JSON', async () => {
    const { app } = await freshMock();
    expect(answer(await request(app).get('/__admin/nope'))).toEqual({
      status: 404,
      type: JSON_TYPE,
      body: { error: 'unknown route', reason: 'no control route /__admin/nope; see control-api.json' },
    });
  });

  it('a known control route with the wrong method -> 405 JSON with Allow', async () => {
    const { app } = await freshMock();
    const res = await request(app).get('/__admin/reset');
    expect({ ...answer(res), allow: res.headers.allow }).toEqual({
      status: 405,
      type: JSON_TYPE,
      body: { error: 'method not allowed', reason: '/__admin/reset takes POST' },
      allow: 'POST',
    });
    expect((await request(app).put('/__admin/scenarios').send({})).headers.allow).toBe('GET, POST, DELETE');
  });

  it('POST /__admin/scenarios with a text/plain body -> 400 JSON (not a 500 stack trace), nothing loaded', async () => {
    const { app } = await freshMock();
    const res = await request(app).post('/__admin/scenarios').set('Content-Type', 'text/plain').send('{"shipped":"throttled"}');
    expect(answer(res)).toEqual({
      status: 400,
      type: JSON_TYPE,
      body: { error: 'not JSON', reason: "a write's body must be sent as Content-Type: application/json (got text/plain)" },
    });
    expect((await request(app).get('/__admin/scenarios')).body).toEqual({ scenarios: [] });
  });

  it('a form-encoded write -> 400, and a JSON body that does not parse -> 400', async () => {
    const { app } = await freshMock();
    expect((await request(app).post('/__admin/reset').type('form').send('keep=state')).status).toBe(400);
    const broken = await request(app).post('/__admin/scenarios').set('Content-Type', 'application/json').send('{"rules": [');
    expect({ status: broken.status, error: broken.body.error }).toEqual({ status: 400, error: 'not JSON' });
    expect(broken.body.reason).toMatch(/^the body does not parse as JSON \(/);
  });

  it('POST /__admin/reset from a web page of another origin -> 403, state untouched', async () => {
    const { app } = await freshMock();
    await ocs(app, 'post', 2, '/cloud/groups').send({ groupid: 'kept' }).expect(200);
    const res = await request(app).post('/__admin/reset').set('Origin', 'http://evil.example').set('Content-Type', 'text/plain').send('x');
    expect(answer(res)).toEqual({
      status: 403,
      type: JSON_TYPE,
      body: { error: 'cross-origin write refused', reason: "Origin: http://evil.example is not the mock's own origin; the control API takes no writes from web pages" },
    });
    expect(await groupNames(app)).toContain('kept');
  });

  it('Sec-Fetch-Site: cross-site and Origin: null are refused too; a shipped scenario cannot be installed that way', async () => {
    const { app } = await freshMock();
    expect((await request(app).post('/__admin/scenarios/shipped/throttled').set('Sec-Fetch-Site', 'cross-site')).status).toBe(403);
    expect((await request(app).delete('/__admin/scenarios').set('Origin', 'null')).status).toBe(403);
    expect((await request(app).get('/__admin/scenarios')).body).toEqual({ scenarios: [] });
  });

  it('a write from the mock\'s own origin passes', async () => {
    const { app } = await freshMock();
    await request(app).post('/__admin/reset').set('Host', 'localhost:8080').set('Origin', 'http://localhost:8080').set('Sec-Fetch-Site', 'same-origin').expect(204);
  });

  it('POST /__admin/reset with an invalid body -> 400 naming the parts', async () => {
    const { app } = await freshMock();
    expect(answer(await request(app).post('/__admin/reset').send({ keep: ['sessions'] }))).toEqual({
      status: 400,
      type: JSON_TYPE,
      body: { error: 'invalid reset body', reason: 'expected no body or {"keep": [...]} with parts from: state, scenarios, journal' },
    });
  });

  it('POST /__admin/scenarios with {"shipped": 3} or no body -> 400', async () => {
    const { app } = await freshMock();
    expect((await request(app).post('/__admin/scenarios').send({ shipped: 3 })).body).toEqual({
      error: 'invalid shipped scenario request',
      reason: 'expected {"shipped": "<name>"} and nothing else',
    });
    expect((await request(app).post('/__admin/scenarios')).body).toEqual({
      error: 'missing body',
      reason: 'send a scenario document or {"shipped": "<name>"} as JSON',
    });
  });

  it('GET /__admin/scenarios/shipped lists the shipped names', async () => {
    const { app } = await freshMock();
    const names = (await request(app).get('/__admin/scenarios/shipped').expect(200)).body.shipped;
    expect(names).toContain('maintenance-mode');
    expect(names).toEqual([...names].sort());
  });
});

describe('control token', () => {
  it('without the token -> 401 with WWW-Authenticate, reads and writes alike; with it -> served', async () => {
    const app = createApp(await createMock(), { controlToken: 's3cret' });
    const refused = await request(app).get('/__admin/health');
    expect({ ...answer(refused), challenge: refused.headers['www-authenticate'] }).toEqual({
      status: 401,
      type: JSON_TYPE,
      body: { error: 'unauthorised', reason: 'the control API needs Authorization: Bearer <control token>' },
      challenge: 'Bearer realm="ocs-mock control"',
    });
    expect((await request(app).post('/__admin/reset').set('Authorization', 'Bearer wrong')).status).toBe(401);
    expect((await request(app).post('/__admin/reset').set('Authorization', 'Basic czNjcmV0')).status).toBe(401);
    await request(app).get('/__admin/health').set('Authorization', 'Bearer s3cret').expect(200);
    await request(app).post('/__admin/reset').set('Authorization', 'Bearer s3cret').expect(204);
  });

  it('OCS traffic and status.php need no control token', async () => {
    const app = createApp(await createMock(), { controlToken: 's3cret' });
    await ocs(app, 'get', 2, '/cloud/users').expect(200);
    await request(app).get('/status.php').expect(200);
  });
});

describe('control API turned off', () => {
  it('/__admin answers 404 like any unknown path; status.php stays served', async () => {
    const app = createApp(await createMock(), { control: false });
    const admin = await request(app).post('/__admin/reset');
    const unknown = await request(app).post('/elsewhere');
    expect({ status: admin.status, type: admin.headers['content-type'], text: admin.text }).toEqual({
      status: 404,
      type: unknown.headers['content-type'],
      text: unknown.text,
    });
    expect((await request(app).get('/status.php')).status).toBe(200);
  });

  it('startServer({ control: false, controlToken }) on port 0 by default', async () => {
    const off = await startServer({ control: false });
    const guarded = await startServer({ controlToken: 't' });
    try {
      expect(off.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(off.server.address()).not.toMatchObject({ port: 8080 });
      expect((await fetch(`${off.url}/__admin/health`)).status).toBe(404);
      expect((await fetch(`${guarded.url}/__admin/health`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/__admin/health`, { headers: { Authorization: 'Bearer t' } })).status).toBe(200);
    } finally {
      await off.close();
      await guarded.close();
    }
  });
});

describe('control-api.json', () => {
  const spec = JSON.parse(readFileSync(new URL('../../control-api.json', import.meta.url), 'utf8')) as {
    paths: Record<string, Record<string, { summary: string }>>;
  };

  it('describes exactly the routes of the table, with the same summaries', () => {
    const described = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => `${method.toUpperCase()} ${path}: ${operation.summary}`),
    );
    expect(described.sort()).toEqual(CONTROL_ROUTES.map((route) => `${route.method} ${route.path}: ${route.summary}`).sort());
  });

  it('every write refuses cross-origin requests (403) and every route answers 401 under a token', () => {
    for (const route of CONTROL_ROUTES) {
      const responses = (spec.paths[route.path][route.method.toLowerCase()] as unknown as { responses: Record<string, unknown> }).responses;
      expect({ route: `${route.method} ${route.path}`, writes: route.writes, codes: '403' in responses, auth: '401' in responses }).toEqual({
        route: `${route.method} ${route.path}`,
        writes: route.method !== 'GET',
        codes: route.method !== 'GET',
        auth: true,
      });
    }
  });

  it('is shipped with the package', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('control-api.json');
  });
});
