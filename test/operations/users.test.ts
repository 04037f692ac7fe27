import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs, type TestMock } from '../support/mock.js';
import { expectFramework996, expectOcs, httpStatusFor, type Php } from '../support/operations.js';
import { describeDenials } from '../support/operationsDenials.js';
import { ACCOUNTS, ADMIN_VIEW, afterLogin, createdAccount, userDetails } from '../support/operationsUsers.js';

async function jsonData(t: TestMock, path: string, user = 'admin'): Promise<Php> {
  const res = await ocs(t.app, 'get', 2, path, { user, format: 'json' });
  return (JSON.parse(res.text) as { ocs: { data: Php } }).ocs.data;
}

const details = (...ids: string[]) => ({ users: Object.fromEntries(ids.map((id) => [id, userDetails(id)])) });

describe.each(MATRIX)('users v$version $format', ({ version, format }) => {
  let t: TestMock;
  // One mock per version x format; reset() rebuilds its state from the fixture before each test.
  beforeAll(async () => {
    // GET /cloud/users/recent came with 30 (DIFFERENCES.md §3); the answers below are 30.0.5's.
    t = await freshMock({ nextcloud: '30' });
  });
  beforeEach(() => t.mock.reset());
  const v = `v${version} ${format}`;
  const add = (body: string, user = 'admin') => ocs(t.app, 'post', version, '/cloud/users', { user, format }).type('form').send(body);

  describe('GET /cloud/users/recent', () => {
    it(`${v} recent users -> details by last login, most recent first, never-logged-in users left out`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/recent', { format });
      await expectOcs(res, version, format, { code: 100, data: details('admin', 'alice', 'bob', 'carol') }, 'users-get-last-logged-in-users', '30');
    });

    it(`${v} recent users with search=brown -> bob (display name match)`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/recent?search=brown', { format });
      await expectOcs(res, version, format, { code: 100, data: details('bob') }, 'users-get-last-logged-in-users', '30');
    });

    it(`${v} recent users with limit=2 -> the two most recent`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/recent?limit=2', { format });
      await expectOcs(res, version, format, { code: 100, data: details('admin', 'alice') }, 'users-get-last-logged-in-users', '30');
    });

    it(`${v} recent users with limit=2&offset=1 -> second and third`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/recent?limit=2&offset=1', { format });
      await expectOcs(res, version, format, { code: 100, data: details('alice', 'bob') }, 'users-get-last-logged-in-users', '30');
    });

    it(`${v} recent users matching only a never-logged-in user -> empty users`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/recent?search=dave', { format });
      // PHP's empty array is [] in JSON, which the spec's `users: object` does not allow (see schema.test.ts).
      await expectOcs(res, version, format, { code: 100, data: { users: [] } });
    });
  });

  describe('GET /cloud/users', () => {
    it(`${v} list users -> every user id, ordered`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users', { format });
      await expectOcs(res, version, format, { code: 100, data: { users: ['admin', 'alice', 'bob', 'carol', 'dave'] } }, 'users-get-users');
    });

    it(`${v} search=CLARK -> carol (display name, case-insensitive)`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users?search=CLARK', { format });
      await expectOcs(res, version, format, { code: 100, data: { users: ['carol'] } }, 'users-get-users');
    });

    it(`${v} search=example.com -> users with an e-mail address`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users?search=example.com', { format });
      await expectOcs(res, version, format, { code: 100, data: { users: ['alice', 'bob', 'carol'] } }, 'users-get-users');
    });

    it(`${v} limit=2&offset=2 -> third and fourth user`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users?limit=2&offset=2', { format });
      await expectOcs(res, version, format, { code: 100, data: { users: ['bob', 'carol'] } }, 'users-get-users');
    });

    it(`${v} as sub-admin of group1 -> only the members of group1`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 100, data: { users: ['alice', 'bob'] } }, 'users-get-users');
    });
  });

  describe('POST /cloud/users', () => {
    it(`${v} add user with password -> {id}, display name defaults to the id`, async () => {
      const res = await add('userid=erin&password=erin-secret-42');
      await expectOcs(res, version, format, { code: 100, data: { id: 'erin' } }, 'users-add-user');
      expect(await jsonData(t, '/cloud/users/erin')).toEqual(userDetails('erin', ADMIN_VIEW, createdAccount('erin')));
    });

    it(`${v} add user with display name, email, groups and subadmin groups -> all applied`, async () => {
      const res = await add('userid=erin&password=erin-secret-42&displayName=Erin%20Evans&email=erin@example.com&groups[]=group1&groups[]=group2&subadmin[]=group2');
      await expectOcs(res, version, format, { code: 100, data: { id: 'erin' } }, 'users-add-user');
      expect(await jsonData(t, '/cloud/users/erin')).toEqual(
        userDetails('erin', ADMIN_VIEW, createdAccount('erin', {
          displayname: 'Erin Evans', email: 'erin@example.com', groups: ['group1', 'group2'], subadmin: ['group2'],
        })),
      );
      expect(t.mock.state.users.get('erin')!.welcomeMessagesSent).toBe(1);
    });

    it(`${v} add user with email and no password -> 100 (a set-password link is mailed)`, async () => {
      const res = await add('userid=erin&email=erin@example.com');
      await expectOcs(res, version, format, { code: 100, data: { id: 'erin' } }, 'users-add-user');
      expect(t.mock.state.users.get('erin')!.email).toBe('erin@example.com');
    });

    it(`${v} sub-admin adds a user to the group they manage -> 100`, async () => {
      const res = await add('userid=erin&password=erin-secret-42&groups[]=group1', 'alice');
      await expectOcs(res, version, format, { code: 100, data: { id: 'erin' } }, 'users-add-user');
      expect(await jsonData(t, '/cloud/groups/group1', 'alice')).toEqual({ users: ['alice', 'bob', 'erin'] });
    });

    it(`${v} add user that exists -> 102 "User already exists", HTTP ${httpStatusFor(version, 102)}, account untouched`, async () => {
      const res = await add('userid=bob&password=other-secret-42&displayName=Changed');
      await expectOcs(res, version, format, { code: 102, message: 'User already exists' });
      expect(await jsonData(t, '/cloud/users/bob')).toEqual(userDetails('bob'));
    });

    it(`${v} add user without password and email -> 108 (30's wording), HTTP ${httpStatusFor(version, 108)}`, async () => {
      const res = await add('userid=erin');
      await expectOcs(res, version, format, { code: 108, message: 'An email address is required, to send a password link to the user.' });
      expect(t.mock.state.users.has('erin')).toBe(false);
    });

    it(`${v} add user to a missing group -> 104 "Group nosuchgroup does not exist" (29+ wording, recording users-add-user/unknown-group), HTTP ${httpStatusFor(version, 104)}`, async () => {
      const res = await add('userid=erin&password=erin-secret-42&groups[]=nosuchgroup');
      await expectOcs(res, version, format, { code: 104, message: 'Group nosuchgroup does not exist' });
      expect(t.mock.state.users.has('erin')).toBe(false);
    });

    it(`${v} sub-admin adds a user to a group they do not manage -> 105 (recording users-add-user/as-subadmin-other-group), HTTP ${httpStatusFor(version, 105)}`, async () => {
      const res = await add('userid=erin&password=erin-secret-42&groups[]=group2', 'alice');
      await expectOcs(res, version, format, { code: 105, message: 'Insufficient privileges for group group2' });
      expect(t.mock.state.users.has('erin')).toBe(false);
    });

    it(`${v} sub-admin adds a user without groups -> 106 (recording users-add-user/as-subadmin-no-group), HTTP ${httpStatusFor(version, 106)}`, async () => {
      const res = await add('userid=erin&password=erin-secret-42', 'alice');
      await expectOcs(res, version, format, { code: 106, message: 'No group specified (required for sub-admins)' });
      expect(t.mock.state.users.has('erin')).toBe(false);
    });

    it(`${v} add user as sub-admin of a missing group -> 109 "Sub-admin group does not exist" (102 up to 29)`, async () => {
      const res = await add('userid=erin&password=erin-secret-42&subadmin[]=nosuchgroup');
      await expectOcs(res, version, format, { code: 109, message: 'Sub-admin group does not exist' });
      expect(t.mock.state.users.has('erin')).toBe(false);
    });

    it(`${v} add user as sub-admin of the admin group -> 103 (recording users-add-user/subadmin-admin-group), HTTP ${httpStatusFor(version, 103)}`, async () => {
      const res = await add('userid=erin&password=erin-secret-42&subadmin[]=admin');
      await expectOcs(res, version, format, { code: 103, message: 'Cannot create sub-admins for admin group' });
      expect(t.mock.state.users.has('erin')).toBe(false);
    });

    it(`${v} add user without userid -> framework 996 (v2: 500)`, async () => {
      const res = await add('password=erin-secret-42');
      expectFramework996(res, version, format);
      expect(t.mock.state.users.size).toBe(5);
    });
  });

  describe('GET /cloud/users/{userid}', () => {
    for (const uid of ['alice', 'bob', 'carol', 'dave']) {
      it(`${v} admin reads ${uid} -> UserDetails without *Scope keys`, async () => {
        const res = await ocs(t.app, 'get', version, `/cloud/users/${uid}`, { format });
        await expectOcs(res, version, format, { code: 100, data: userDetails(uid) }, 'users-get-user');
      });
    }

    it(`${v} admin reads themself -> UserDetails with scopes`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/admin', { format });
      await expectOcs(res, version, format, { code: 100, data: userDetails('admin', { enabled: true, storageLocation: true, scopes: true }) }, 'users-get-user');
      if (format === 'xml') {
        // null -> <email/>, '' -> <manager></manager>, [] -> <subadmin/> (findings 14).
        expect(res.text).toContain('  <subadmin/>\n');
        expect(res.text).toContain('  <manager></manager>\n');
        expect(res.text).toContain('  <email/>\n');
        expect(res.text).toContain('  <enabled>1</enabled>\n');
      }
    });

    it(`${v} plain user reads themself -> scopes, no enabled, no storageLocation`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/bob', { user: 'bob', format });
      // Reading himself is bob's login: his last login is now the test clock.
      await expectOcs(res, version, format, { code: 100, data: userDetails('bob', { enabled: false, storageLocation: false, scopes: true }, afterLogin(ACCOUNTS.bob)) }, 'users-get-user');
    });

    it(`${v} sub-admin reads a member of their group -> enabled but no storageLocation`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/bob', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 100, data: userDetails('bob', { enabled: true, storageLocation: false, scopes: false }) }, 'users-get-user');
    });

    it(`${v} plain user reads another user -> 998 with empty message, HTTP ${httpStatusFor(version, 998)}`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/alice', { user: 'bob', format });
      await expectOcs(res, version, format, { code: 998, message: '' });
    });

    it(`${v} read a missing user -> 404 "User does not exist", HTTP ${httpStatusFor(version, 404)}`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/nosuchuser', { format });
      await expectOcs(res, version, format, { code: 404, message: 'User does not exist' });
    });
  });

  describe('DELETE /cloud/users/{userid}', () => {
    it(`${v} delete bob -> 100, gone and removed from his groups`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/bob', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-delete-user');
      expect(t.mock.state.users.has('bob')).toBe(false);
      expect(await jsonData(t, '/cloud/groups/group1')).toEqual({ users: ['alice'] });
      expect(await jsonData(t, '/cloud/groups/group2')).toEqual({ users: ['carol'] });
      const read = await ocs(t.app, 'get', 2, '/cloud/users/bob', { format: 'json' });
      expect(read.status).toBe(404);
    });

    it(`${v} delete alice -> her sub-admin rights go too`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/alice', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-delete-user');
      expect(await jsonData(t, '/cloud/groups/group1/subadmins')).toEqual([]);
    });

    it(`${v} sub-admin deletes a member of their group -> 100`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/bob', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-delete-user');
      expect(t.mock.state.users.has('bob')).toBe(false);
    });

    it(`${v} sub-admin deletes a user outside their groups -> 998 with empty message`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/carol', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 998, message: '' });
      expect(t.mock.state.users.has('carol')).toBe(true);
    });

    it(`${v} delete a missing user -> 998 with empty message, HTTP ${httpStatusFor(version, 998)}`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/nosuchuser', { format });
      await expectOcs(res, version, format, { code: 998, message: '' });
    });

    it(`${v} delete yourself -> 101 with empty message, HTTP ${httpStatusFor(version, 101)}`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/admin', { format });
      await expectOcs(res, version, format, { code: 101, message: '' });
      expect(t.mock.state.users.has('admin')).toBe(true);
    });
  });
});

describeDenials('users', [
  { method: 'get', path: '/cloud/users/recent', access: 'admin' },
  { method: 'get', path: '/cloud/users', access: 'subadmin' },
  { method: 'post', path: '/cloud/users?userid=denied&password=denied-secret-42', access: 'subadmin' },
  { method: 'get', path: '/cloud/users/bob', access: 'user' },
  { method: 'delete', path: '/cloud/users/bob', access: 'subadmin' },
  // GET /cloud/users/recent came with 30.
], { nextcloud: '30' });
