import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { shippedScenarioNames } from '../../src/scenarios/shipped.js';
import { freshMock, ocs } from '../support/mock.js';
import { expectOcs } from './support.js';

describe('X-Mock-Scenario: one shipped scenario for one request', () => {
  it('applies to the request that carries it only; the next one reaches the real handler', async () => {
    const { mock, app } = await freshMock();
    const forced = await ocs(app, 'post', 1, '/cloud/groups').set('X-Mock-Scenario', 'group-exists').send({ groupid: 'new' });
    expectOcs(forced, 1, 'xml', { code: 102, message: 'group exists' });
    expect(mock.state.groups.has('new')).toBe(false);
    expectOcs(await ocs(app, 'post', 1, '/cloud/groups').send({ groupid: 'new' }), 1, 'xml', { code: 100, message: 'OK' });
    expect(mock.scenarios.list()).toEqual([]);
  });

  it('a request its rules do not match goes on as usual', async () => {
    const { app } = await freshMock();
    expect((await ocs(app, 'get', 2, '/cloud/groups').set('X-Mock-Scenario', 'group-exists')).status).toBe(200);
  });

  it('maintenance-mode by header: this request gets the maintenance answer, status.php stays as it is', async () => {
    const { app } = await freshMock();
    expectOcs(await ocs(app, 'get', 2, '/cloud/users').set('X-Mock-Scenario', 'maintenance-mode'), 2, 'xml', {
      code: 503,
      message: 'Service unavailable',
      origin: 'framework',
    });
    expect(JSON.parse((await request(app).get('/status.php')).text).maintenance).toBe(false);
  });

  it('shared scenarios are neither counted nor consumed by a forced request', async () => {
    const { mock, app } = await freshMock();
    const once = mock.fail('groups-add-group', { ocs: 103 }, 'once');
    expectOcs(await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Scenario', 'group-exists').send({ groupid: 'x' }), 2, 'xml', { code: 102, message: 'group exists' });
    expect(once.summary()?.rules[0]).toMatchObject({ matched: 0, applied: 0 });
    expectOcs(await ocs(app, 'post', 2, '/cloud/groups').send({ groupid: 'x' }), 2, 'xml', { code: 103, message: '' });
  });

  it('an unknown name -> 400 JSON naming the known ones (not an OCS answer), nothing changed', async () => {
    const { mock, app } = await freshMock();
    const res = await ocs(app, 'post', 2, '/cloud/groups').set('X-Mock-Scenario', 'group-exist').send({ groupid: 'x' });
    const known = shippedScenarioNames();
    expect({ status: res.status, type: res.headers['content-type'], body: res.body }).toEqual({
      status: 400,
      type: 'application/json; charset=utf-8',
      body: { error: 'unknown scenario in X-Mock-Scenario', reason: `no shipped scenario named "group-exist"; known: ${known.join(', ')}`, known },
    });
    expect(mock.state.groups.has('x')).toBe(false);
  });
});
