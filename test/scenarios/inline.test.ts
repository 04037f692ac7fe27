import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenarios/scenarioFile.js';
import { freshMock, ocs } from '../support/mock.js';
import { expectOcs } from './support.js';

const addGroup = (app: Parameters<typeof ocs>[0], groupid: string) => ocs(app, 'post', 2, '/cloud/groups', { format: 'json' }).send({ groupid });

describe('mock.fail: inline rules', () => {
  it("mock.fail('groups-add-group', { ocs: 102 }, { times: 1 }) fails the next add once, then the real handler answers", async () => {
    const { mock, app } = await freshMock();
    const handle = mock.fail('groups-add-group', { ocs: 102 }, { times: 1 });
    expectOcs(await addGroup(app, 'a'), 2, 'json', { code: 102, message: '' });
    expectOcs(await addGroup(app, 'a'), 2, 'json', { code: 200, message: 'OK' });
    expect(mock.state.groups.has('a')).toBe(true);
    expect(handle.summary()).toEqual({ name: 'fail-1', rules: [{ name: 'groups-add-group fails', matched: 2, applied: 1, active: true }] });
  });

  it('without a lifetime it fails every time; only the named operation is touched', async () => {
    const { mock, app } = await freshMock();
    mock.fail('groups-add-group', { ocs: { statuscode: 103, message: 'Not supported by backend' } });
    expectOcs(await addGroup(app, 'a'), 2, 'json', { code: 103, message: 'Not supported by backend' });
    expectOcs(await addGroup(app, 'b'), 2, 'json', { code: 103, message: 'Not supported by backend' });
    expect((await ocs(app, 'get', 2, '/cloud/groups')).status).toBe(200);
  });

  it('an http status or a fault as the answer; { after: 1 } lets the first through', async () => {
    const { mock, app } = await freshMock();
    mock.fail('groups-get-groups', { http: 502 }, { after: 1 });
    expect((await ocs(app, 'get', 2, '/cloud/groups')).status).toBe(200);
    const proxy = await ocs(app, 'get', 2, '/cloud/groups');
    expect({ status: proxy.status, text: proxy.text }).toEqual({ status: 502, text: '' });
  });

  it('the handle removes it; a reset removes it too', async () => {
    const { mock, app } = await freshMock();
    const first = mock.fail('groups-add-group', { ocs: 102 });
    expect(first.remove()).toBe(true);
    expect(first.remove()).toBe(false);
    expectOcs(await addGroup(app, 'a'), 2, 'json', { code: 200, message: 'OK' });
    const second = mock.fail('groups-add-group', { ocs: 102 }, 'always');
    mock.reset();
    expect(second.summary()).toBeUndefined();
    expectOcs(await addGroup(app, 'b'), 2, 'json', { code: 200, message: 'OK' });
  });

  it('an unknown operationId or an invalid answer is refused like a scenario file', async () => {
    const { mock } = await freshMock();
    expect(() => mock.fail('groups-ad-group', { ocs: 102 })).toThrow(
      new ScenarioError('mock.fail("groups-ad-group")', 0, 'match.operationId: unknown operationId "groups-ad-group" (not a route of the spec)', 'groups-ad-group fails'),
    );
    expect(() => mock.fail('groups-add-group', { http: 99 })).toThrow(ScenarioError);
    expect(mock.scenarios.list()).toEqual([]);
  });
});
