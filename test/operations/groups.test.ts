import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs, type TestMock } from '../support/mock.js';
import { expectFramework996, expectOcs, httpStatusFor, type Php } from '../support/operations.js';
import { describeDenials } from '../support/operationsDenials.js';

const ALL_GROUPS = ['admin', 'empty', 'group1', 'group2'];

async function jsonData(t: TestMock, path: string): Promise<Php> {
  const res = await ocs(t.app, 'get', 2, path, { format: 'json' });
  return (JSON.parse(res.text) as { ocs: { data: Php } }).ocs.data;
}

describe.each(MATRIX)('groups v$version $format', ({ version, format }) => {
  let t: TestMock;
  // One mock per version x format; reset() rebuilds its state from the fixture before each test.
  beforeAll(async () => {
    t = await freshMock();
  });
  beforeEach(() => t.mock.reset());
  const v = `v${version} ${format}`;

  describe('GET /cloud/groups', () => {
    it(`${v} list groups -> every group, ordered by id`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups', { format });
      await expectOcs(res, version, format, { code: 100, data: { groups: ALL_GROUPS } }, 'groups-get-groups');
    });

    it(`${v} search=adm -> admin`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups?search=adm', { format });
      await expectOcs(res, version, format, { code: 100, data: { groups: ['admin'] } }, 'groups-get-groups');
    });

    it(`${v} search matches the display name, case-insensitively`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups?search=one', { format });
      await expectOcs(res, version, format, { code: 100, data: { groups: ['group1'] } }, 'groups-get-groups');
    });

    it(`${v} search without match -> empty list`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups?search=nomatch', { format });
      await expectOcs(res, version, format, { code: 100, data: { groups: [] } }, 'groups-get-groups');
    });

    it(`${v} limit=2 -> the first two groups`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups?limit=2', { format });
      await expectOcs(res, version, format, { code: 100, data: { groups: ['admin', 'empty'] } }, 'groups-get-groups');
    });

    it(`${v} limit=2&offset=1 -> the second and third groups`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups?limit=2&offset=1', { format });
      await expectOcs(res, version, format, { code: 100, data: { groups: ['empty', 'group1'] } }, 'groups-get-groups');
    });

    it(`${v} offset=3 without limit -> the rest`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups?offset=3', { format });
      await expectOcs(res, version, format, { code: 100, data: { groups: ['group2'] } }, 'groups-get-groups');
    });

    it(`${v} a sub-admin sees all groups`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 100, data: { groups: ALL_GROUPS } }, 'groups-get-groups');
    });
  });

  describe('GET /cloud/groups/{groupid}', () => {
    it(`${v} members of group1 -> alice and bob`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups/group1', { format });
      await expectOcs(res, version, format, { code: 100, data: { users: ['alice', 'bob'] } }, 'groups-get-group');
    });

    it(`${v} members of a group without members -> empty list`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups/empty', { format });
      await expectOcs(res, version, format, { code: 100, data: { users: [] } }, 'groups-get-group');
    });

    it(`${v} members of a missing group -> 404 "The requested group could not be found", HTTP ${httpStatusFor(version, 404)}`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups/nosuchgroup', { format });
      await expectOcs(res, version, format, { code: 404, message: 'The requested group could not be found' });
    });

    it(`${v} sub-admin reads members of the group they manage -> 100`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups/group1', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 100, data: { users: ['alice', 'bob'] } }, 'groups-get-group');
    });

    it(`${v} sub-admin reads members of a group they do not manage -> 403 with empty message, HTTP ${httpStatusFor(version, 403)}`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups/group2', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 403, message: '' });
    });

    it(`${v} sub-admin reads members of a missing group -> 404 (existence is checked first)`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups/nosuchgroup', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 404, message: 'The requested group could not be found' });
    });
  });

  describe('POST /cloud/groups', () => {
    it(`${v} add group with a display name -> 100, readable in /cloud/groups/details`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/groups', { format }).type('form').send({ groupid: 'newgroup', displayname: 'New Group' });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'groups-add-group');
      expect(await jsonData(t, '/cloud/groups/details?search=newgroup')).toEqual({
        groups: [{ id: 'newgroup', displayname: 'New Group', usercount: 0, disabled: 0, canAdd: true, canRemove: true }],
      });
    });

    it(`${v} add group without display name -> display name is the id`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/groups', { format }).type('form').send({ groupid: 'plain' });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'groups-add-group');
      const { members, subadmins, ...group } = t.mock.state.groups.get('plain')!;
      expect({ ...group, members: [...members], subadmins: [...subadmins] }).toEqual({ id: 'plain', displayname: 'plain', members: [], subadmins: [] });
    });

    it(`${v} add group with groupid in the query string alone -> 100`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/groups?groupid=fromquery', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'groups-add-group');
      expect(await jsonData(t, '/cloud/groups?search=fromquery')).toEqual({ groups: ['fromquery'] });
    });

    it(`${v} add group with a JSON body -> 100`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/groups', { format }).send({ groupid: 'fromjson', displayname: 'From JSON' });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'groups-add-group');
      expect(t.mock.state.groups.get('fromjson')!.displayname).toBe('From JSON');
    });

    it(`${v} add group with an empty id -> 101 "Invalid group name", HTTP ${httpStatusFor(version, 101)}`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/groups', { format }).type('form').send({ groupid: '' });
      await expectOcs(res, version, format, { code: 101, message: 'Invalid group name' });
      expect(t.mock.state.groups.has('')).toBe(false);
    });

    it(`${v} add group that exists -> 102 "group exists", HTTP ${httpStatusFor(version, 102)}`, async () => {
      const res = await ocs(t.app, 'post', version, '/cloud/groups', { format }).type('form').send({ groupid: 'group1', displayname: 'Changed' });
      await expectOcs(res, version, format, { code: 102, message: 'group exists' });
      expect(t.mock.state.groups.get('group1')!.displayname).toBe('Group One');
    });

    it(`${v} add group without groupid -> framework 996 (v2: 500), nothing created`, async () => {
      const before = t.mock.state.groups.size;
      const res = await ocs(t.app, 'post', version, '/cloud/groups', { format });
      expectFramework996(res, version, format);
      expect(t.mock.state.groups.size).toBe(before);
    });
  });

  describe('PUT /cloud/groups/{groupid}', () => {
    it(`${v} update displayname -> 100, display name changed`, async () => {
      const res = await ocs(t.app, 'put', version, '/cloud/groups/group2', { format }).type('form').send({ key: 'displayname', value: 'Group Two' });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'groups-update-group');
      expect(await jsonData(t, '/cloud/groups/details?search=group2')).toEqual({
        groups: [{ id: 'group2', displayname: 'Group Two', usercount: 2, disabled: 1, canAdd: true, canRemove: true }],
      });
    });

    it(`${v} update with another key -> 999 with empty message, HTTP ${httpStatusFor(version, 999)}`, async () => {
      const res = await ocs(t.app, 'put', version, '/cloud/groups/group2', { format }).type('form').send({ key: 'name', value: 'x' });
      await expectOcs(res, version, format, { code: 999, message: '' });
      expect(t.mock.state.groups.get('group2')!.displayname).toBe('group2');
    });

    it(`${v} update a missing group -> 998 "Group does not exist", HTTP ${httpStatusFor(version, 998)}`, async () => {
      const res = await ocs(t.app, 'put', version, '/cloud/groups/nosuchgroup', { format }).type('form').send({ key: 'displayname', value: 'x' });
      await expectOcs(res, version, format, { code: 998, message: 'Group does not exist' });
      expect(t.mock.state.groups.has('nosuchgroup')).toBe(false);
    });
  });

  describe('DELETE /cloud/groups/{groupid}', () => {
    it(`${v} delete group1 -> 100, memberships and sub-admin rights removed`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/groups/group1', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'groups-delete-group');
      expect(await jsonData(t, '/cloud/groups')).toEqual({ groups: ['admin', 'empty', 'group2'] });
      expect(await jsonData(t, '/cloud/users/bob/groups')).toEqual({ groups: ['group2'] });
      expect(await jsonData(t, '/cloud/users/alice/groups')).toEqual({ groups: [] });
      expect(await jsonData(t, '/cloud/users/alice/subadmins')).toEqual([]);
    });

    it(`${v} deleted group's former sub-admin is no sub-admin any more -> 403 on GET /cloud/groups`, async () => {
      await ocs(t.app, 'delete', version, '/cloud/groups/group1', { format });
      const res = await ocs(t.app, 'get', version, '/cloud/groups', { user: 'alice', format });
      await expectOcs(res, version, format, { code: 403, message: 'Logged in account must be at least a sub admin' });
    });

    it(`${v} delete a missing group -> 101 with empty message, HTTP ${httpStatusFor(version, 101)}`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/groups/nosuchgroup', { format });
      await expectOcs(res, version, format, { code: 101, message: '' });
    });

    it(`${v} delete the admin group -> 102 with empty message, HTTP ${httpStatusFor(version, 102)}`, async () => {
      const res = await ocs(t.app, 'delete', version, '/cloud/groups/admin', { format });
      await expectOcs(res, version, format, { code: 102, message: '' });
      expect(t.mock.state.groups.get('admin')!.members.has('admin')).toBe(true);
    });
  });

  describe('GET /cloud/groups/{groupid}/subadmins', () => {
    it(`${v} sub-admins of group1 -> bare list [alice]`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups/group1/subadmins', { format });
      await expectOcs(res, version, format, { code: 100, data: ['alice'] }, 'groups-get-sub-admins-of-group');
    });

    it(`${v} sub-admins of a group without any -> empty list`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups/group2/subadmins', { format });
      await expectOcs(res, version, format, { code: 100, data: [] }, 'groups-get-sub-admins-of-group');
    });

    it(`${v} sub-admins of a missing group -> 101 "Group does not exist", HTTP ${httpStatusFor(version, 101)}`, async () => {
      const res = await ocs(t.app, 'get', version, '/cloud/groups/nosuchgroup/subadmins', { format });
      await expectOcs(res, version, format, { code: 101, message: 'Group does not exist' });
    });
  });
});

describe('groups-api.rst.txt examples on the mock (v1, XML)', () => {
  // The documentation omits message/totalitems/itemsperpage and lists statuscode first; the real
  // server sends status, statuscode, message, totalitems, itemsperpage in that order.
  const V1_OK_META = ' <meta>\n  <status>ok</status>\n  <statuscode>100</statuscode>\n  <message>OK</message>\n  <totalitems></totalitems>\n  <itemsperpage></itemsperpage>\n </meta>\n';

  it('GET /ocs/v1.php/cloud/groups?search=adm -> the documented <groups><element>admin</element></groups>', async () => {
    const t = await freshMock();
    const res = await ocs(t.app, 'get', 1, '/cloud/groups?search=adm');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.text).toBe(`<?xml version="1.0"?>\n<ocs>\n${V1_OK_META} <data>\n  <groups>\n   <element>admin</element>\n  </groups>\n </data>\n</ocs>\n`);
  });

  it('GET /ocs/v1.php/cloud/groups/admin -> the documented <users> list (admin instead of Frank)', async () => {
    const t = await freshMock();
    const res = await ocs(t.app, 'get', 1, '/cloud/groups/admin');
    expect(res.status).toBe(200);
    expect(res.text).toBe(`<?xml version="1.0"?>\n<ocs>\n${V1_OK_META} <data>\n  <users>\n   <element>admin</element>\n  </users>\n </data>\n</ocs>\n`);
  });

  it('POST /ocs/v1.php/cloud/groups -d groupid=newgroup -> the documented <data/>', async () => {
    const t = await freshMock();
    const res = await ocs(t.app, 'post', 1, '/cloud/groups').type('form').send('groupid=newgroup');
    expect(res.text).toBe(`<?xml version="1.0"?>\n<ocs>\n${V1_OK_META} <data/>\n</ocs>\n`);
    expect(t.mock.state.groups.has('newgroup')).toBe(true);
  });

  it('GET /ocs/v1.php/cloud/groups/group1/subadmins -> the documented bare <element> list', async () => {
    const t = await freshMock();
    const res = await ocs(t.app, 'get', 1, '/cloud/groups/group1/subadmins');
    expect(res.text).toBe(`<?xml version="1.0"?>\n<ocs>\n${V1_OK_META} <data>\n  <element>alice</element>\n </data>\n</ocs>\n`);
  });

  it('PUT /ocs/v1.php/cloud/groups/group2 -d key=displayname -d value="My Group Name" -> the documented <data/>', async () => {
    const t = await freshMock();
    const res = await ocs(t.app, 'put', 1, '/cloud/groups/group2').type('form').send('key=displayname&value=My%20Group%20Name');
    expect(res.text).toBe(`<?xml version="1.0"?>\n<ocs>\n${V1_OK_META} <data/>\n</ocs>\n`);
    expect(t.mock.state.groups.get('group2')!.displayname).toBe('My Group Name');
  });

  it('DELETE /ocs/v1.php/cloud/groups/group2 -> the documented <data/>', async () => {
    const t = await freshMock();
    const res = await ocs(t.app, 'delete', 1, '/cloud/groups/group2');
    expect(res.text).toBe(`<?xml version="1.0"?>\n<ocs>\n${V1_OK_META} <data/>\n</ocs>\n`);
    expect(t.mock.state.groups.has('group2')).toBe(false);
  });
});

describeDenials('groups', [
  { method: 'get', path: '/cloud/groups', access: 'subadmin' },
  { method: 'get', path: '/cloud/groups/details', access: 'admin-setting' },
  { method: 'get', path: '/cloud/groups/group1', access: 'subadmin' },
  { method: 'post', path: '/cloud/groups?groupid=denied', access: 'admin' },
  { method: 'put', path: '/cloud/groups/group1?key=displayname&value=denied', access: 'admin' },
  { method: 'delete', path: '/cloud/groups/group2', access: 'admin' },
  { method: 'get', path: '/cloud/groups/group1/subadmins', access: 'admin' },
]);
