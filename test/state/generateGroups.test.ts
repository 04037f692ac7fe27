import { describe, expect, it } from 'vitest';
import { createMock, type OcsMock } from '../../src/mock.js';
import { freshMock, MATRIX } from '../support/mock.js';
import { call, expectAnswer } from '../support/usersApi.js';

const FIXTURE_GROUPS = ['admin', 'group1', 'group2', 'empty'];

/** Every group with its display name and members, in the state's order. */
function groupsOf(mock: OcsMock): [string, string, string[]][] {
  return [...mock.state.groups.values()].map((group) => [group.id, group.displayname, [...group.members]]);
}

function generatedGroups(mock: OcsMock) {
  return [...mock.state.groups.values()].filter((group) => !FIXTURE_GROUPS.includes(group.id));
}

describe('generated groups (createMock({ groups }), serve --groups)', () => {
  it('groups: 50 adds exactly 50 groups beside the fixture\'s, named like teams, ids unique ignoring case', async () => {
    const mock = await createMock({ groups: 50, seed: 4 });
    expect(mock.state.groups.size).toBe(54);
    expect(mock.state.users.size).toBe(5);
    expect([...mock.state.groups.keys()].slice(0, 4)).toEqual(FIXTURE_GROUPS);
    expect(new Set([...mock.state.groups.keys()].map((id) => id.toLowerCase())).size).toBe(54);
    for (const group of generatedGroups(mock)) {
      // "Akron Marketing Engineers" is akron-marketing-engineers; a name drawn again gets a number.
      expect(group.displayname).toMatch(/^[A-Z][^ ]*( [^ ]+)+$/);
      expect(group.id).toBe(group.displayname.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
      expect(group.members.size).toBe(0);
    }
  });

  it('the same seed gives the same groups and memberships; another seed other groups', async () => {
    const options = { users: 200, groups: 30, seed: 4 };
    const first = groupsOf(await createMock(options));
    expect(first).toHaveLength(34);
    expect(groupsOf(await createMock(options))).toEqual(first);
    expect(groupsOf(await createMock({ ...options, seed: 5 }))).not.toEqual(first);
  });

  it('generated users join 0 to 3 distinct non-admin groups, generated ones included, as members on both sides', async () => {
    const mock = await createMock({ users: 2000, groups: 200, seed: 9 });
    const generated = [...mock.state.users.values()].slice(5);
    const counts = [0, 0, 0, 0];
    for (const user of generated) {
      const joined = [...(mock.state.userGroups.get(user.id) ?? [])];
      counts[joined.length]++;
      expect(joined).not.toContain('admin');
      for (const gid of joined) expect(mock.state.groups.get(gid)!.members.has(user.id)).toBe(true);
    }
    expect(counts.every((count) => count > 0)).toBe(true);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(2000);
    const sizes = generatedGroups(mock).map((group) => group.members.size);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeGreaterThan(1000);
  });

  it('members spread as in an organisation: some large groups, many small ones, none holding most users', async () => {
    const mock = await createMock({ users: 2000, groups: 200, seed: 9 });
    const sizes = generatedGroups(mock)
      .map((group) => group.members.size)
      .sort((a, b) => b - a);
    expect(sizes.filter((size) => size > 0).length).toBeGreaterThan(150);
    expect(sizes[0]).toBeGreaterThan(4 * sizes[100]);
    expect(Math.max(...[...mock.state.groups.values()].map((group) => group.members.size))).toBeLessThan(500);
  });

  it('adding groups keeps the same generated users (ids, names, e-mails) for a seed', async () => {
    const people = (mock: OcsMock) => [...mock.state.users.values()].map((user) => [user.id, user.displayname, user.email]);
    const withGroups = await createMock({ users: 30, groups: 100, seed: 5 });
    expect(withGroups.state.groups.size).toBe(104);
    expect(people(withGroups)).toEqual(people(await createMock({ users: 30, seed: 5 })));
  });

  it('seed 1 with 6 users and 3 groups gives these users, groups and memberships', async () => {
    const mock = await createMock({ users: 6, groups: 3, seed: 1 });
    expect(groupsOf(mock)).toEqual([
      ['admin', 'admin', ['admin']],
      ['group1', 'Group One', ['alice', 'bob', 'zachariah_hodkiewicz3', 'ressie339']],
      ['group2', 'group2', ['bob', 'carol', 'mariannakuhn', 'montebauch', 'jpacocha']],
      ['empty', 'empty', ['mariannakuhn']],
      ['baytown-optimization-coordinators', 'Baytown Optimization Coordinators', []],
      ['porterville-response-specialists', 'Porterville Response Specialists', ['mariannakuhn']],
      ['santa-barbara-markets', 'Santa Barbara Markets', []],
    ]);
    expect([...mock.state.users.values()].slice(5).map((user) => [user.id, user.displayname, user.email])).toEqual([
      ['mariannakuhn', 'Marianna Kuhn', 'marianna.kuhn@example.com'],
      ['montebauch', 'Monte Bauch', 'monte.bauch@example.com'],
      ['zachariah_hodkiewicz3', 'Zachariah Hodkiewicz', 'zachariah.hodkiewicz@example.com'],
      ['retamuller', 'Reta Muller', 'reta.muller@example.com'],
      ['ressie339', 'Ressie Lind', 'ressie.lind@example.com'],
      ['jpacocha', 'Josefina Pacocha', 'josefina.pacocha@example.com'],
    ]);
  });
});

describe.each(MATRIX)('generated groups over OCS v$version $format', ({ version, format }) => {
  it(`v${version} ${format} GET /cloud/groups/details -> the fixture's and the generated groups by id, with their member counts`, async () => {
    const t = await freshMock({ users: 6, groups: 3, seed: 1 });
    const res = await call(t, 'get', version, '/cloud/groups/details', { format });
    const group = (id: string, displayname: string, usercount: number, disabled: number) => ({ id, displayname, usercount, disabled, canAdd: true, canRemove: true });
    const groups = [
      group('admin', 'admin', 1, 0),
      group('baytown-optimization-coordinators', 'Baytown Optimization Coordinators', 0, 0),
      group('empty', 'empty', 1, 0),
      group('group1', 'Group One', 4, 0),
      group('group2', 'group2', 5, 1),
      group('porterville-response-specialists', 'Porterville Response Specialists', 1, 0),
      group('santa-barbara-markets', 'Santa Barbara Markets', 0, 0),
    ];
    await expectAnswer(res, version, format, { code: 100, data: { groups } }, 'groups-get-groups-details');
  });

  it(`v${version} ${format} GET /cloud/users/mariannakuhn/groups -> a generated user's groups in the order joined`, async () => {
    const t = await freshMock({ users: 6, groups: 3, seed: 1 });
    const res = await call(t, 'get', version, '/cloud/users/mariannakuhn/groups', { format });
    await expectAnswer(res, version, format, { code: 100, data: { groups: ['porterville-response-specialists', 'group2', 'empty'] } }, 'users-get-users-groups');
  });
});
