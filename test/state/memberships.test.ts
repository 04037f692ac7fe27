import { describe, expect, it } from 'vitest';
import { freshMock, ocs } from '../support/mock.js';
import { okJsonOf } from '../support/oracle.js';

/** A user's groups are listed in the order they were joined (Database::getUserGroups; recording users-get-user/created-full). */
describe("a user's groups in the order joined", () => {
  it('joining, leaving and joining again moves a group to the end; a deleted group leaves every list', async () => {
    const { app } = await freshMock();
    const groups = async () => (await ocs(app, 'get', 2, '/cloud/users/dave/groups', { format: 'json' })).text;
    await ocs(app, 'post', 2, '/cloud/users', { format: 'json' }).type('form').send('userid=erin&password=Erin-secret-4242&groups[]=group2&groups[]=empty');
    for (const [method, gid] of [['post', 'group2'], ['post', 'group1'], ['post', 'empty'], ['delete', 'group2'], ['post', 'group2']] as const) {
      const path = method === 'post' ? '/cloud/users/dave/groups' : '/cloud/users/dave/groups?groupid=group2';
      const res = method === 'post' ? await ocs(app, 'post', 2, path, { format: 'json' }).send({ groupid: gid }) : await ocs(app, 'delete', 2, path, { format: 'json' });
      expect(res.status).toBe(200);
    }
    expect(await groups()).toBe(okJsonOf(2, { groups: ['group1', 'empty', 'group2'] }));
    expect((await ocs(app, 'delete', 2, '/cloud/groups/empty', { format: 'json' })).status).toBe(200);
    expect(await groups()).toBe(okJsonOf(2, { groups: ['group1', 'group2'] }));
    expect((await ocs(app, 'get', 2, '/cloud/users/erin/groups', { format: 'json' })).text).toBe(okJsonOf(2, { groups: ['group2'] }));
  });
});
