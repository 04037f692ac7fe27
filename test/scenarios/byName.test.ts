import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/mock.js';
import { shippedScenarioNames, UnknownScenarioError } from '../../src/scenarios/shipped.js';
import { startServer } from '../../src/server.js';
import { freshMock, ocs } from '../support/mock.js';
import { expectOcs } from './support.js';

const MAINTENANCE = { code: 503, message: 'Service unavailable', origin: 'framework' as const };

describe('shipped scenarios by name', () => {
  it('library: scenarios: ["maintenance-mode"] loads the shipped file', async () => {
    const { app } = await freshMock({ scenarios: ['maintenance-mode'] });
    expectOcs(await ocs(app, 'get', 1, '/cloud/users'), 1, 'xml', MAINTENANCE);
  });

  it('library: an unknown name is refused, listing the known ones', async () => {
    const known = shippedScenarioNames();
    expect(known).toContain('throttled');
    await expect(createMock({ scenarios: ['no-such'] })).rejects.toThrow(new UnknownScenarioError('no-such', known));
    await expect(startServer({ scenarios: ['maintenance'] })).rejects.toMatchObject({
      name: 'UnknownScenarioError',
      reason: `no shipped scenario named "maintenance"; known: ${known.join(', ')}`,
    });
  });

  it('a path (with "/" or ".json") is still a file', async () => {
    await expect(createMock({ scenarios: ['./no-such.json'] })).rejects.toMatchObject({ name: 'ScenarioError', reason: 'cannot read file (ENOENT)' });
  });

  it('control API: POST /__admin/scenarios {"shipped": "maintenance-mode"} -> 201 and applies', async () => {
    const { app } = await freshMock();
    const res = await request(app).post('/__admin/scenarios').send({ shipped: 'maintenance-mode' }).expect(201);
    expect({ name: res.body.name, maintenance: res.body.maintenance }).toEqual({ name: 'maintenance-mode', maintenance: true });
    expectOcs(await ocs(app, 'get', 2, '/cloud/users'), 2, 'xml', MAINTENANCE);
  });

  it('control API: an unknown shipped name -> 404 listing the known ones', async () => {
    const { app } = await freshMock();
    const known = shippedScenarioNames();
    expect((await request(app).post('/__admin/scenarios').send({ shipped: 'nope' }).expect(404)).body).toEqual({
      error: 'unknown scenario',
      reason: `no shipped scenario named "nope"; known: ${known.join(', ')}`,
      known,
    });
  });
});
