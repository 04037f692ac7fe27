import { afterEach, describe, expect, it, vi } from 'vitest';
import { useOcsMock, type TestHooks } from '../../src/testing/useOcsMock.js';

/** Hooks that only collect what useOcsMock registers, so a test can run them in order. */
function collectingHooks() {
  const registered: Record<keyof TestHooks, (() => Promise<void>)[]> = { beforeAll: [], afterEach: [], afterAll: [] };
  const hooks: TestHooks = {
    beforeAll: (fn) => registered.beforeAll.push(fn),
    afterEach: (fn) => registered.afterEach.push(fn),
    afterAll: (fn) => registered.afterAll.push(fn),
  };
  const run = async (hook: keyof TestHooks) => {
    for (const fn of registered[hook]) await fn();
  };
  return { hooks, registered, run };
}

const admin = { Authorization: `Basic ${btoa('admin:admin')}`, 'OCS-APIRequest': 'true' };
type Groups = { ocs: { meta: { statuscode: number }; data: { groups: string[] } } };

async function groupIds(url: string): Promise<string[]> {
  const res = await fetch(`${url}/ocs/v1.php/cloud/groups?format=json`, { headers: admin });
  return ((await res.json()) as Groups).ocs.data.groups;
}

describe('useOcsMock', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('registers one beforeAll, afterEach and afterAll with the hooks it is given', () => {
    const { hooks, registered } = collectingHooks();
    useOcsMock({}, hooks);
    expect(Object.values(registered).map((fns) => fns.length)).toEqual([1, 1, 1]);
  });

  it('beforeAll starts a server on a free port with the options; afterAll closes it', async () => {
    const { hooks, run } = collectingHooks();
    const nc = useOcsMock({ nextcloud: '29', fixture: { groups: [{ id: 'admin' }, { id: 'only' }], users: [{ id: 'admin', password: 'admin', groups: ['admin'] }] } }, hooks);
    await run('beforeAll');
    const server = nc.server;
    expect(nc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(nc.url).not.toBe('http://127.0.0.1:8080');
    expect(server.listening).toBe(true);
    expect(nc.mock.profile.release.version).toBe('29.0.6');
    expect(await groupIds(nc.url)).toEqual(['admin', 'only']);
    await run('afterAll');
    expect(server.listening).toBe(false);
    expect(() => nc.url).toThrow('useOcsMock: the mock is closed (afterAll ran); url is only available during the file\'s tests');
  });

  it('afterEach hard-resets the mock: state, fail() rules and the journal', async () => {
    const { hooks, run } = collectingHooks();
    const nc = useOcsMock({}, hooks);
    await run('beforeAll');
    try {
      await fetch(`${nc.url}/ocs/v1.php/cloud/groups?format=json`, { method: 'POST', headers: admin, body: new URLSearchParams({ groupid: 'qa' }) });
      nc.mock.fail('groups-get-groups', { http: 502 });
      expect((await fetch(`${nc.url}/ocs/v1.php/cloud/groups`, { headers: admin })).status).toBe(502);
      expect(nc.mock.requests()).toHaveLength(2);

      await run('afterEach');

      expect(nc.mock.scenarios.list()).toEqual([]);
      expect(nc.mock.requests()).toEqual([]);
      expect(await groupIds(nc.url)).toEqual(['admin', 'empty', 'group1', 'group2']); // the fixture's groups, qa gone
    } finally {
      await run('afterAll');
    }
  });

  it('reading url, mock or server before beforeAll ran throws an error that says when to read them', () => {
    const nc = useOcsMock({}, collectingHooks().hooks);
    expect(() => nc.url).toThrow('useOcsMock: the mock starts in beforeAll; read url inside a test or hook, not when the file is loaded');
    expect(() => nc.mock).toThrow('read mock inside a test or hook');
    expect(() => nc.server).toThrow('read server inside a test or hook');
  });

  it('without hooks it uses the global beforeAll/afterEach/afterAll (jest, vitest globals: true)', () => {
    const { hooks, registered } = collectingHooks();
    vi.stubGlobal('beforeAll', hooks.beforeAll);
    vi.stubGlobal('afterEach', hooks.afterEach);
    vi.stubGlobal('afterAll', hooks.afterAll);
    useOcsMock();
    expect(Object.values(registered).map((fns) => fns.length)).toEqual([1, 1, 1]);
  });

  it('without hooks and without globals it throws an error that says how to pass them', () => {
    expect(() => useOcsMock()).toThrow(
      "useOcsMock: no global beforeAll/afterEach/afterAll (vitest without `globals: true`?); pass the hooks: import { beforeAll, afterEach, afterAll } from 'vitest'; useOcsMock(options, { beforeAll, afterEach, afterAll })",
    );
    vi.stubGlobal('beforeAll', () => undefined);
    expect(() => useOcsMock()).toThrow('useOcsMock: no global afterEach/afterAll');
  });
});
