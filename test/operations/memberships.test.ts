import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs, type TestMock } from '../support/mock.js';
import { expectFramework996, expectOcs, httpStatusFor } from '../support/operations.js';
import { describeDenials } from '../support/operationsDenials.js';

describe.each(MATRIX)('memberships v$version $format', ({ version, format }) => {
  let t: TestMock;
  // One mock per version x format; reset() rebuilds its state from the fixture before each test.
  beforeAll(async () => {
    t = await freshMock();
  });
  beforeEach(() => t.mock.reset());
  const v = `v${version} ${format}`;
  const members = (gid: string) => [...t.mock.state.groups.get(gid)!.members].sort();
  const addTo = (uid: string, body: string, user = 'admin') =>
    ocs(t.app, 'post', version, `/cloud/users/${uid}/groups`, { user, format }).type('form').send(body);
  const removeFrom = (uid: string, query: string, user = 'admin') =>
    ocs(t.app, 'delete', version, `/cloud/users/${uid}/groups${query}`, { user, format });

  describe('GET /cloud/users/{userid}/groups', () => {
    it(`${v} admin reads bob's groups -> all of them`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/bob/groups', { format });
      await expectOcs(res, version, format, { code: 100, data: { groups: ['group1', 'group2'] } }, 'users-get-users-groups');
    });

    it(`${v} user reads their own groups -> all of them`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/bob/groups', { user: 'bob', format });
      await expectOcs(res, version, format, { code: 100, data: { groups: ['group1', 'group2'] } }, 'users-get-users-groups');
    });

    it(`${v} groups of a user without groups -> empty list`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/dave/groups', { format });
      await expectOcs(res, version, format, { code: 100, data: { groups: [] } }, 'users-get-users-groups');
    });

    it(`${v} sub-admin reads a member's groups -> only the groups they manage, keyed by id (array_intersect; users-get-users-groups/as-subadmin-accessible)`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/bob/groups', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 100, data: { groups: { group1: 'group1' } } });
    });

    it(`${v} sub-admin reads the groups of a user outside their groups -> 998 with empty message`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/carol/groups', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 998, message: '' });
    });

    it(`${v} plain user reads someone else's groups -> 998 with empty message, HTTP ${httpStatusFor(version, 998)}`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/alice/groups', { user: 'bob', format });
      await expectOcs(res, version, format, { code: 998, message: '' });
    });

    it(`${v} groups of a missing user -> 998 with empty message`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/users/nosuchuser/groups', { format });
      await expectOcs(res, version, format, { code: 998, message: '' });
    });
  });

  describe('POST /cloud/users/{userid}/groups', () => {
    it(`${v} add dave to group1 -> 100, member`, async () => {
      const res = await addTo('dave', 'groupid=group1');
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-add-to-group');
      expect(members('group1')).toEqual(['alice', 'bob', 'dave']);
      const groups = await ocs(t.app, 'get', 2, '/cloud/users/dave/groups', { format: 'json' });
      expect(JSON.parse(groups.text).ocs.data).toEqual({ groups: ['group1'] });
    });

    it(`${v} add a member again -> 100 (idempotent)`, async () => {
      const res = await addTo('bob', 'groupid=group1');
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-add-to-group');
      expect(members('group1')).toEqual(['alice', 'bob']);
    });

    it(`${v} sub-admin adds a user to the group they manage -> 100`, async () => {
      const res = await addTo('dave', 'groupid=group1', 'alice');
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-add-to-group');
      expect(members('group1')).toEqual(['alice', 'bob', 'dave']);
    });

    it(`${v} add with empty groupid -> 101 with empty message, HTTP ${httpStatusFor(version, 101)}`, async () => {
      const res = await addTo('dave', 'groupid=');
      await expectOcs(res, version, format, { code: 101, message: '' });
    });

    it(`${v} add without groupid -> 101 (the parameter defaults to '')`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/users/dave/groups', { format });
      await expectOcs(res, version, format, { code: 101, message: '' });
    });

    it(`${v} add to a missing group -> 102 with empty message, HTTP ${httpStatusFor(version, 102)}`, async () => {
      const res = await addTo('dave', 'groupid=nosuchgroup');
      await expectOcs(res, version, format, { code: 102, message: '' });
      expect(t.mock.state.groups.has('nosuchgroup')).toBe(false);
    });

    it(`${v} add a missing user -> 103 with empty message, HTTP ${httpStatusFor(version, 103)}`, async () => {
      const res = await addTo('nosuchuser', 'groupid=group1');
      await expectOcs(res, version, format, { code: 103, message: '' });
      expect(members('group1')).toEqual(['alice', 'bob']);
    });

    it(`${v} sub-admin adds to a group they do not manage -> 104 with empty message, HTTP ${httpStatusFor(version, 104)}`, async () => {
      const res = await addTo('bob', 'groupid=empty', 'alice');
      await expectOcs(res, version, format, { code: 104, message: '' });
      expect(members('empty')).toEqual([]);
    });
  });

  describe('DELETE /cloud/users/{userid}/groups', () => {
    it(`${v} remove bob from group2 -> 100, no longer a member`, async () => {
      const res = await removeFrom('bob', '?groupid=group2');
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-remove-from-group');
      expect(members('group2')).toEqual(['carol']);
      const groups = await ocs(t.app, 'get', 2, '/cloud/users/bob/groups', { format: 'json' });
      expect(JSON.parse(groups.text).ocs.data).toEqual({ groups: ['group1'] });
    });

    it(`${v} remove with groupid in a form body -> 100`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/users/bob/groups', { format }).type('form').send('groupid=group2');
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-remove-from-group');
      expect(members('group2')).toEqual(['carol']);
    });

    it(`${v} removing a sub-admin's membership keeps their sub-admin rights`, async () => {
      const res = await removeFrom('alice', '?groupid=group1');
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-remove-from-group');
      expect(members('group1')).toEqual(['bob']);
      expect([...t.mock.state.groups.get('group1')!.subadmins]).toEqual(['alice']);
    });

    it(`${v} remove with empty groupid -> 101 with empty message, HTTP ${httpStatusFor(version, 101)}`, async () => {
      const res = await removeFrom('bob', '?groupid=');
      await expectOcs(res, version, format, { code: 101, message: '' });
    });

    it(`${v} remove without groupid -> framework 996 (v2: 500)`, async () => {
      const res = await removeFrom('bob', '');
      expectFramework996(res, version, format);
      expect(members('group1')).toEqual(['alice', 'bob']);
    });

    it(`${v} remove from a missing group -> 102 with empty message, HTTP ${httpStatusFor(version, 102)}`, async () => {
      const res = await removeFrom('bob', '?groupid=nosuchgroup');
      await expectOcs(res, version, format, { code: 102, message: '' });
    });

    it(`${v} remove a missing user -> 103 with empty message, HTTP ${httpStatusFor(version, 103)}`, async () => {
      const res = await removeFrom('nosuchuser', '?groupid=group1');
      await expectOcs(res, version, format, { code: 103, message: '' });
    });

    it(`${v} sub-admin removes from a group they do not manage -> 104 with empty message`, async () => {
      const res = await removeFrom('bob', '?groupid=group2', 'alice');
      await expectOcs(res, version, format, { code: 104, message: '' });
      expect(members('group2')).toEqual(['bob', 'carol']);
    });

    it(`${v} admin removes themself from admin -> 105 "Cannot remove yourself from the admin group", HTTP ${httpStatusFor(version, 105)}`, async () => {
      const res = await removeFrom('admin', '?groupid=admin');
      await expectOcs(res, version, format, { code: 105, message: 'Cannot remove yourself from the admin group' });
      expect(members('admin')).toEqual(['admin']);
    });

    it(`${v} sub-admin removes themself -> 105 "Cannot remove yourself from this group as you are a sub-admin" (recording users-remove-from-group/as-subadmin-self)`, async () => {
      const res = await removeFrom('alice', '?groupid=group1', 'alice');
      await expectOcs(res, version, format, { code: 105, message: 'Cannot remove yourself from this group as you are a sub-admin' });
      expect(members('group1')).toEqual(['alice', 'bob']);
    });

    it(`${v} sub-admin removes a user from the last group they manage for them -> 105 "Not viable to remove user from the last group you are sub-admin of" (recording users-remove-from-group/as-subadmin-last-group)`, async () => {
      const res = await removeFrom('bob', '?groupid=group1', 'alice');
      await expectOcs(res, version, format, { code: 105, message: 'Not viable to remove user from the last group you are sub-admin of' });
      expect(members('group1')).toEqual(['alice', 'bob']);
    });

    it(`${v} sub-admin of two of the user's groups removes them from one -> 100`, async () => {
      t.mock.state.groups.get('group2')!.subadmins.add('alice');
      const res = await removeFrom('bob', '?groupid=group1', 'alice');
      await expectOcs(res, version, format, { code: 100, data: [] }, 'users-remove-from-group');
      expect(members('group1')).toEqual(['alice']);
    });
  });
});

describeDenials('memberships', [
  { method: 'get', path: '/cloud/users/bob/groups', access: 'user' },
  { method: 'post', path: '/cloud/users/dave/groups?groupid=group1', access: 'subadmin' },
  { method: 'delete', path: '/cloud/users/bob/groups?groupid=group1', access: 'subadmin' },
]);
