import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createState } from '../../src/state/createState.js';
import { checkFixture, DEFAULT_FIXTURE, FixtureError, loadFixtureFile, type Fixture } from '../../src/state/fixtureFile.js';

const dir = mkdtempSync(join(tmpdir(), 'ocs-mock-fixtures-'));

function writeFixture(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

function minimal(): Fixture {
  return { groups: [{ id: 'admin' }, { id: 'staff' }], users: [{ id: 'admin', password: 'admin', groups: ['admin'] }] };
}

function failure(run: () => unknown): FixtureError {
  try {
    run();
  } catch (error) {
    if (error instanceof FixtureError) return error;
    throw error;
  }
  throw new Error('expected a FixtureError');
}

describe('fixture files', () => {
  it('loads the default fixture', () => {
    const fixture = loadFixtureFile(DEFAULT_FIXTURE);
    expect(fixture.users.map((user) => user.id)).toEqual(['admin', 'alice', 'bob', 'carol', 'dave']);
  });

  it('names the file when it cannot be read', () => {
    const error = failure(() => loadFixtureFile(join(dir, 'missing.json')));
    expect(error.message).toBe(`${join(dir, 'missing.json')}: /: cannot read file (ENOENT)`);
  });

  it('names the file when it is not JSON', () => {
    const file = writeFixture('broken.json', '{"users": [');
    const error = failure(() => loadFixtureFile(file));
    expect(error.file).toBe(file);
    expect(error.path).toBe('');
    expect(error.message).toBe(`${file}:1:12: not valid JSON: Unexpected end of JSON input`);
  });

  it('reports the JSON path and the reason of a schema violation', () => {
    const file = writeFixture('bad-quota.json', JSON.stringify({ ...minimal(), users: [{ id: 'admin', password: 'x', quota: 'lots' }] }));
    const error = failure(() => loadFixtureFile(file));
    expect(error.message).toBe(`${file}: /users/0/quota: must match pattern "^(none|default|[0-9]+(\\.[0-9]+)? ?([kKmMgGtTpP]?[bB]?))$"`);
  });

  it('names an unknown property', () => {
    const error = failure(() => checkFixture({ ...minimal(), extra: true }, 'x.json'));
    expect(error.message).toBe('x.json: /: unknown property "extra"');
  });

  it('refuses a membership in an undeclared group', () => {
    const fixture = minimal();
    fixture.users.push({ id: 'jane', password: 'pw', groups: ['staff', 'ghosts'] });
    expect(failure(() => checkFixture(fixture, 'f.json')).message).toBe('f.json: /users/1/groups/1: group "ghosts" is not declared in /groups');
  });

  it('refuses sub-admins of the admin group, duplicates, unknown managers and a missing admin group', () => {
    const subadmin = minimal();
    subadmin.users[0].subadmin = ['admin'];
    expect(failure(() => checkFixture(subadmin)).path).toBe('/users/0/subadmin/0');

    const duplicate = minimal();
    duplicate.users.push({ id: 'admin', password: 'again' });
    expect(failure(() => checkFixture(duplicate)).reason).toBe('duplicate user id "admin"');

    const manager = minimal();
    manager.users[0].manager = 'nobody';
    expect(failure(() => checkFixture(manager)).message).toBe('<fixture>: /users/0/manager: user "nobody" is not declared in /users');

    expect(failure(() => checkFixture({ groups: [{ id: 'staff' }], users: [] })).message).toBe('<fixture>: /groups: the "admin" group must exist');
  });

  it('refuses an always-enabled app that is disabled', () => {
    const fixture = { ...minimal(), apps: [{ id: 'files', enabled: false, alwaysEnabled: true }] };
    expect(failure(() => checkFixture(fixture)).message).toBe('<fixture>: /apps/0/enabled: always-enabled app "files" must be enabled');
  });
});

describe('state from a fixture', () => {
  it('applies Nextcloud defaults and records memberships on the groups', () => {
    const fixture = minimal();
    fixture.users.push({ id: 'jane', password: 'pw', groups: ['staff'], subadmin: ['staff'], lastLogin: '2026-11-01T10:00:00Z' });
    const state = createState(fixture);
    const jane = state.users.get('jane')!;
    // No display name given: none stored, as for an account created without one (it shows its id).
    expect(jane).toMatchObject({ displayname: null, quota: 'default', language: 'en', email: null, enabled: true, lastLogin: 1793527200, hasHome: true });
    expect(jane.displaynameScope).toBe('v2-federated');
    expect(jane.properties.phone).toEqual({ value: '', scope: 'v2-local' });
    expect(jane.properties.profile_enabled.value).toBe('1');
    expect([...state.groups.get('staff')!.members]).toEqual(['jane']);
    expect([...state.groups.get('staff')!.subadmins]).toEqual(['jane']);
  });

  it('gives enabled apps their installation keys', () => {
    const state = createState({ ...minimal(), apps: [{ id: 'files', enabled: true, version: '2.1.0' }, { id: 'encryption', enabled: false }] });
    expect(Object.fromEntries(state.appConfig.get('files')!)).toEqual({ enabled: 'yes', installed_version: '2.1.0', types: '' });
    expect(state.appConfig.has('encryption')).toBe(false);
  });

  it('builds independent states from one fixture', () => {
    const fixture = minimal();
    const first = createState(fixture);
    const second = createState(fixture);
    first.groups.get('staff')!.members.add('admin');
    expect(second.groups.get('staff')!.members.size).toBe(0);
  });
});
