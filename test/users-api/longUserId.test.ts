import { describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs } from '../support/mock.js';
import { expectFramework996 } from '../support/operations.js';

const LONG = 'u'.repeat(65);

/**
 * 29 creates a 65-character user (no length check before 31.0.6; recording users-add-user/id-too-long),
 * and deleting it fails halfway: the account is gone, then the notification cleanup throws
 * (recording users-delete-user/delete-leftover-uuu…): 996.
 */
describe.each(MATRIX)('a 65-character user id on 29, v$version $format', ({ version, format }) => {
  it('delete -> 996 (v1 HTTP 200, v2 HTTP 500), and the user is gone all the same', async () => {
    const t = await freshMock();
    const created = await ocs(t.app, 'post', 2, '/cloud/users', { format: 'json' }).send({ userid: LONG, password: 'Long-user-secret-42' });
    expect(created.status).toBe(200);
    expectFramework996(await ocs(t.app, 'delete', version, `/cloud/users/${LONG}`, { format }), version, format);
    expect(t.mock.state.users.has(LONG)).toBe(false);
    expect((await ocs(t.app, 'post', 2, '/cloud/users', { format: 'json' }).send({ userid: LONG, password: 'Long-user-secret-42' })).status).toBe(200);
  });
});
