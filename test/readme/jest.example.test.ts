import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { useOcsMock } from 'ocs-mock';

// One mock for the file: started before the first test, reset after each, closed after the last.
const nc = useOcsMock({ nextcloud: '29' }, { beforeAll, afterEach, afterAll });

type Ocs<T> = { ocs: { meta: { statuscode: number }; data: T } };
const admin = { Authorization: `Basic ${btoa('admin:admin')}`, 'OCS-APIRequest': 'true' };

async function addGroup(groupid: string) {
  const res = await fetch(`${nc.url}/ocs/v2.php/cloud/groups?format=json`, {
    method: 'POST',
    headers: admin,
    body: new URLSearchParams({ groupid }),
  });
  return { status: res.status, body: (await res.json()) as Ocs<unknown> };
}

async function groupIds(): Promise<string[]> {
  const res = await fetch(`${nc.url}/ocs/v2.php/cloud/groups?format=json`, { headers: admin });
  return ((await res.json()) as Ocs<{ groups: string[] }>).ocs.data.groups;
}

test('creates a group', async () => {
  const { status } = await addGroup('qa');
  expect(status).toBe(200);
  expect(await groupIds()).toEqual(['admin', 'empty', 'group1', 'group2', 'qa']);
});

test('each test starts from the fixture: the group from the test before is gone', async () => {
  expect(await groupIds()).toEqual(['admin', 'empty', 'group1', 'group2']);
});

test('a one-off failure, and what the client sent', async () => {
  nc.mock.fail('groups-add-group', { ocs: 102 }, { times: 1 });

  const first = await addGroup('qa');
  expect(first.status).toBe(400);
  expect(first.body.ocs.meta.statuscode).toBe(102);
  expect((await addGroup('qa')).status).toBe(200); // the rule was used up

  // Only this test's requests: the reset after each test empties the journal too.
  const sent = nc.mock.requests({ operationId: 'groups-add-group' });
  expect(sent.map((r) => [r.user, r.params.groupid, r.status])).toEqual([
    ['admin', 'qa', 400],
    ['admin', 'qa', 200],
  ]);
});
