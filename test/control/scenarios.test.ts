import { readdirSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS_DIR } from '../../src/scenarios/scenarioFile.js';
import { startServer } from '../../src/server.js';
import { freshMock, ocs } from '../support/mock.js';
import { ADMIN_AUTH, expectOcs } from '../scenarios/support.js';

const taken = { name: 'taken', rules: [{ name: 'add group -> 102', match: { operationId: 'groups-add-group' }, answer: { ocs: { statuscode: 102, message: 'group exists' } } }] };

describe('/__admin/scenarios', () => {
  it('GET lists nothing on a mock without scenarios', async () => {
    const { app } = await freshMock();
    expect((await request(app).get('/__admin/scenarios').expect(200)).body).toEqual({ scenarios: [] });
  });

  it('POST loads a document that applies at once; GET shows its counters', async () => {
    const { app } = await freshMock();
    const created = await request(app).post('/__admin/scenarios').send(taken).expect(201);
    expect(created.body).toEqual({ name: 'taken', rules: [{ name: 'add group -> 102', matched: 0, applied: 0, active: true }] });
    expectOcs(await ocs(app, 'post', 2, '/cloud/groups', { format: 'json' }).send({ groupid: 'x' }), 2, 'json', { code: 102, message: 'group exists' });
    expect((await ocs(app, 'get', 2, '/cloud/groups')).status).toBe(200);
    expect((await request(app).get('/__admin/scenarios')).body).toEqual({
      scenarios: [{ name: 'taken', rules: [{ name: 'add group -> 102', matched: 1, applied: 1, active: true }] }],
    });
  });

  it('POST with the name of a loaded scenario replaces it; unnamed ones are numbered', async () => {
    const { app } = await freshMock();
    await request(app).post('/__admin/scenarios').send(taken).expect(201);
    await ocs(app, 'post', 1, '/cloud/groups').send({ groupid: 'x' });
    await request(app).post('/__admin/scenarios').send(taken).expect(201);
    const unnamed = await request(app).post('/__admin/scenarios').send({ rules: [{ name: 'slow', delay: 1 }] }).expect(201);
    expect(unnamed.body.name).toBe('runtime-1');
    expect((await request(app).get('/__admin/scenarios')).body.scenarios.map((s: { name: string; rules: { matched: number }[] }) => [s.name, s.rules[0].matched])).toEqual([
      ['taken', 0],
      ['runtime-1', 0],
    ]);
  });

  it('POST refuses an invalid document with 400 and where the mistake is', async () => {
    const { app } = await freshMock();
    const res = await request(app)
      .post('/__admin/scenarios')
      .send({ rules: [{ name: 'r', answer: { ocs: { statuscode: 102, origin: 'proxy' } } }] })
      .expect(400);
    expect(res.body).toEqual({
      error: 'POST /__admin/scenarios: rule 0 ("r"): answer.ocs.origin: must be one of: "controller", "framework"',
      file: 'POST /__admin/scenarios',
      rule: 0,
      reason: 'answer.ocs.origin: must be one of: "controller", "framework"',
    });
    expect((await request(app).get('/__admin/scenarios')).body).toEqual({ scenarios: [] });
  });

  it('POST /shipped/:name loads a ready-made scenario; unknown names are 404', async () => {
    const { app } = await freshMock();
    const res = await request(app).post('/__admin/scenarios/shipped/maintenance-mode').expect(201);
    expect(res.body).toEqual({
      name: 'maintenance-mode',
      file: `${SHIPPED_SCENARIOS_DIR}maintenance-mode.json`,
      description:
        'The server is in maintenance mode: status.php says "maintenance":true, and every OCS request gets 503 \'Service unavailable\' with X-Nextcloud-Maintenance-Mode: 1, HTTP 503 on v1 and v2.',
      maintenance: true,
      rules: [],
    });
    expectOcs(await ocs(app, 'get', 1, '/cloud/users'), 1, 'xml', { code: 503, message: 'Service unavailable', origin: 'framework' });
    const known = readdirSync(SHIPPED_SCENARIOS_DIR).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json').map((f) => f.slice(0, -5)).sort();
    expect((await request(app).post('/__admin/scenarios/shipped/nosuch').expect(404)).body).toEqual({
      error: 'unknown scenario',
      reason: `no shipped scenario named "nosuch"; known: ${known.join(', ')}`,
      known,
    });
    await request(app).post('/__admin/scenarios/shipped/scenario.schema').expect(404);
  });

  it('DELETE /:name removes one scenario, DELETE removes all', async () => {
    const { app } = await freshMock();
    await request(app).post('/__admin/scenarios').send(taken).expect(201);
    await request(app).post('/__admin/scenarios/shipped/throttled').expect(201);
    await request(app).delete('/__admin/scenarios/throttled').expect(204);
    expect((await request(app).delete('/__admin/scenarios/throttled').expect(404)).body).toEqual({
      error: 'unknown scenario',
      reason: 'no scenario named "throttled" is loaded',
      loaded: ['taken'],
    });
    expect((await request(app).get('/__admin/scenarios')).body.scenarios.map((s: { name: string }) => s.name)).toEqual(['taken']);
    await request(app).delete('/__admin/scenarios').expect(204);
    expect((await request(app).get('/__admin/scenarios')).body).toEqual({ scenarios: [] });
    expect((await ocs(app, 'post', 2, '/cloud/groups').send({ groupid: 'x' })).status).toBe(200);
  });

  it('POST /__admin/reset rewinds the counters of start-up scenarios and retires until-reset rules', async () => {
    const { app } = await freshMock({
      scenarios: [
        {
          name: 'r',
          rules: [
            { name: 'until reset', match: { path: '/cloud/users' }, answer: { fault: 'empty' }, lifetime: 'until-reset' },
            { name: 'once', match: { path: '/cloud/groups' }, answer: { ocs: { statuscode: 102, message: 'x' } }, lifetime: 'once' },
          ],
        },
      ],
    });
    await ocs(app, 'get', 2, '/cloud/groups');
    await ocs(app, 'get', 2, '/cloud/groups');
    await request(app).post('/__admin/reset').expect(204);
    expect((await request(app).get('/__admin/scenarios')).body.scenarios[0].rules).toEqual([
      { name: 'until reset', matched: 0, applied: 0, active: false },
      { name: 'once', matched: 0, applied: 0, active: true },
    ]);
    expect((await ocs(app, 'get', 2, '/cloud/users')).status).toBe(200);
  });

  it('on a real server, scenarios loaded at run time apply to the OCS traffic', async () => {
    const running = await startServer({ port: 0 });
    try {
      const post = await fetch(`${running.url}/__admin/scenarios/shipped/throttled`, { method: 'POST' });
      expect(post.status).toBe(201);
      const res = await fetch(`${running.url}/ocs/v2.php/cloud/groups?format=json`, { headers: ADMIN_AUTH });
      expect({ status: res.status, body: await res.text() }).toEqual({
        status: 429,
        body: '{"ocs":{"meta":{"status":"failure","statuscode":429,"message":"Reached maximum delay"},"data":[]}}',
      });
    } finally {
      await running.close();
    }
  });
});
