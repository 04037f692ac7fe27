import { describe, expect, it } from 'vitest';
import { checkFixture, DEFAULT_FIXTURE, loadFixtureFile } from '../../src/state/fixtureFile.js';
import { addGeneratedUsers } from '../../src/state/generateUsers.js';
import { createMock } from '../../src/mock.js';

const base = loadFixtureFile(DEFAULT_FIXTURE);

describe('generated users', () => {
  it('are identical for the same seed', () => {
    expect(addGeneratedUsers(base, 50, 42)).toEqual(addGeneratedUsers(base, 50, 42));
  });

  it('differ for another seed', () => {
    const ids = (seed: number) => addGeneratedUsers(base, 20, seed).users.slice(5).map((user) => user.id);
    expect(ids(1)).not.toEqual(ids(2));
  });

  it('are realistic, unique and valid fixture users', () => {
    const fixture = addGeneratedUsers(base, 300, 7);
    const generated = fixture.users.slice(base.users.length);
    expect(generated).toHaveLength(300);
    expect(new Set(fixture.users.map((user) => user.id.toLowerCase())).size).toBe(305);
    expect(() => checkFixture(fixture)).not.toThrow();
    for (const user of generated) {
      expect(user.displayname).toMatch(/^\S.* \S+$/);
      expect(user.email).toMatch(/@example\.com$/);
      expect(user.groups!.every((gid) => gid !== 'admin')).toBe(true);
    }
    expect(generated.some((user) => user.lastLogin === 0)).toBe(true);
    expect(generated.some((user) => (user.lastLogin as number) > 0)).toBe(true);
    expect(new Set(generated.map((user) => user.quota)).size).toBeGreaterThan(3);
  });

  it('are served by a mock created with users and seed', async () => {
    const mock = await createMock({ users: 25, seed: 3 });
    const again = await createMock({ users: 25, seed: 3 });
    expect(mock.state.users.size).toBe(30);
    expect([...mock.state.users.keys()]).toEqual([...again.state.users.keys()]);
    const sample = [...mock.state.users.values()][10];
    expect(again.state.users.get(sample.id)!.displayname).toBe(sample.displayname);
  });
});
