import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs, type TestMock } from '../support/mock.js';
import { expectFramework996, expectOcs, httpStatusFor } from '../support/operations.js';
import { describeDenials } from '../support/operationsDenials.js';

describe.each(MATRIX)('sub-admins v$version $format', ({ version, format }) => {
  let t: TestMock;
  // One mock per version x format; reset() rebuilds its state from the fixture before each test.
  beforeAll(async () => {
    t = await freshMock();
  });
  beforeEach(() => t.mock.reset());
  const v = `v${version} ${format}`;
  const subadminsOf = (gid: string) => [...t.mock.state.groups.get(gid)!.subadmins].sort();

  describe('GET /cloud/users/{userid}/subadmins', () => {
    it(`${v} sub-admin groups of alice -> bare list [group1]`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/alice/subadmins', { format });
      await expectOcs(res, version, format, { code: 100, data: ['group1'] }, 'users-get-user-sub-admin-groups');
    });

    it(`${v} sub-admin groups of a user without any -> empty list`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/bob/subadmins', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-get-user-sub-admin-groups');
    });

    it(`${v} sub-admin groups of a missing user -> 404 "User does not exist", HTTP ${httpStatusFor(version, 404)}`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/nosuchuser/subadmins', { format });
      await expectOcs(res, version, format, { code: 404, message: 'User does not exist' });
    });
  });

  describe('POST /cloud/users/{userid}/subadmins', () => {
    it(`${v} make bob sub-admin of group2 -> 100, listed and effective`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/users/bob/subadmins', { format }).type('form').send({ groupid: 'group2' });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-add-sub-admin');
      expect(subadminsOf('group2')).toEqual(['bob']);
      const groups = await ocs(t.app, 'get', 2, '/cloud/users/bob/subadmins', { format: 'json' });
      expect(JSON.parse(groups.text).ocs.data).toEqual(['group2']);
      const members = await ocs(t.app, 'get', 2, '/cloud/groups/group2', { user: 'bob', format: 'json' });
      expect(JSON.parse(members.text).ocs.data).toEqual({ users: ['bob', 'carol'] });
    });

    it(`${v} make a non-member sub-admin (dave of group1) -> 100`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/users/dave/subadmins', { format }).type('form').send({ groupid: 'group1' });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-add-sub-admin');
      expect(subadminsOf('group1')).toEqual(['alice', 'dave']);
      expect(t.mock.state.groups.get('group1')!.members.has('dave')).toBe(false);
    });

    it(`${v} add an existing assignment again -> 100, unchanged`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/users/alice/subadmins', { format }).type('form').send({ groupid: 'group1' });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-add-sub-admin');
      expect(subadminsOf('group1')).toEqual(['alice']);
    });

    it(`${v} add for a missing user -> 101 "User does not exist", HTTP ${httpStatusFor(version, 101)}`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/users/nosuchuser/subadmins', { format }).type('form').send({ groupid: 'group1' });
      await expectOcs(res, version, format, { code: 101, message: 'User does not exist' });
      expect(subadminsOf('group1')).toEqual(['alice']);
    });

    it(`${v} add for a missing user and a missing group -> 101 (the user is checked first)`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/users/nosuchuser/subadmins', { format }).type('form').send({ groupid: 'nosuchgroup' });
      await expectOcs(res, version, format, { code: 101, message: 'User does not exist' });
    });

    it(`${v} add to a missing group -> 102 "Group does not exist", HTTP ${httpStatusFor(version, 102)}`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/users/bob/subadmins', { format }).type('form').send({ groupid: 'nosuchgroup' });
      await expectOcs(res, version, format, { code: 102, message: 'Group does not exist' });
      expect(t.mock.state.groups.has('nosuchgroup')).toBe(false);
    });

    it(`${v} add to the admin group -> 103 "Cannot create sub-admins for admin group", HTTP ${httpStatusFor(version, 103)}`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/users/bob/subadmins', { format }).type('form').send({ groupid: 'admin' });
      await expectOcs(res, version, format, { code: 103, message: 'Cannot create sub-admins for admin group' });
      expect(subadminsOf('admin')).toEqual([]);
    });

    it(`${v} add without groupid -> framework 996 (v2: 500)`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/users/bob/subadmins', { format });
      expectFramework996(res, version, format);
    });
  });

  describe('DELETE /cloud/users/{userid}/subadmins', () => {
    it(`${v} remove alice's rights over group1 (groupid in the query) -> 100`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/alice/subadmins?groupid=group1', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-remove-sub-admin');
      expect(subadminsOf('group1')).toEqual([]);
      const groups = await ocs(t.app, 'get', 2, '/cloud/users/alice/subadmins', { format: 'json' });
      expect(JSON.parse(groups.text).ocs.data).toEqual([]);
      expect(t.mock.state.groups.get('group1')!.members.has('alice')).toBe(true);
    });

    it(`${v} remove with groupid in a form body -> 100`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/alice/subadmins', { format }).type('form').send({ groupid: 'group1' });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-remove-sub-admin');
      expect(subadminsOf('group1')).toEqual([]);
    });

    it(`${v} remove for a missing user -> 101 "User does not exist", HTTP ${httpStatusFor(version, 101)}`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/nosuchuser/subadmins?groupid=group1', { format });
      await expectOcs(res, version, format, { code: 101, message: 'User does not exist' });
    });

    it(`${v} remove from a missing group -> 101 "Group does not exist", HTTP ${httpStatusFor(version, 101)}`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/alice/subadmins?groupid=nosuchgroup', { format });
      await expectOcs(res, version, format, { code: 101, message: 'Group does not exist' });
    });

    it(`${v} remove a user who is not sub-admin of the group -> 102 "User is not a sub-admin of this group", HTTP ${httpStatusFor(version, 102)}`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/bob/subadmins?groupid=group1', { format });
      await expectOcs(res, version, format, { code: 102, message: 'User is not a sub-admin of this group' });
      expect(subadminsOf('group1')).toEqual(['alice']);
    });

    it(`${v} remove rights over the admin group -> 102 "User is not a sub-admin of this group"`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/admin/subadmins?groupid=admin', { format });
      await expectOcs(res, version, format, { code: 102, message: 'User is not a sub-admin of this group' });
    });

    it(`${v} remove without groupid -> framework 996 (v2: 500)`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/alice/subadmins', { format });
      expectFramework996(res, version, format);
      expect(subadminsOf('group1')).toEqual(['alice']);
    });
  });
});

describeDenials('sub-admins', [
  { method: 'get', path: '/cloud/users/alice/subadmins', access: 'admin' },
  { method: 'post', path: '/cloud/users/bob/subadmins?groupid=group1', access: 'admin' },
  { method: 'delete', path: '/cloud/users/alice/subadmins?groupid=group1', access: 'admin' },
]);
