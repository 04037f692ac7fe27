import { describe, expect, it } from 'vitest';
import { freshMock, ocs } from '../support/mock.js';

describe('notify_email needs a locally verified additional address', () => {
  // 102 up to 29 (recording users-edit-user/as-subadmin-notify-email), 101 from 30.
  it('v2 self-added additional mail cannot become the notification address -> 102, HTTP 400', async () => {
    const { app, mock } = await freshMock();
    await ocs(app, 'put', 2, '/cloud/users/bob', { user: 'bob', format: 'json' }).send({ key: 'additional_mail', value: 'rob@example.com' }).expect(200);
    const res = await ocs(app, 'put', 2, '/cloud/users/bob', { user: 'bob', format: 'json' }).send({ key: 'notify_email', value: 'rob@example.com' });
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"ocs":{"meta":{"status":"failure","statuscode":102,"message":""},"data":[]}}');
    expect(mock.state.users.get('bob')!.notifyEmail).toBeNull();
  });

  it('v1 an address an admin added through the multi-value route is verified and can be chosen -> 100', async () => {
    const { app, mock } = await freshMock();
    await ocs(app, 'put', 1, '/cloud/users/bob/additional_mail', { format: 'json' }).send({ key: '', value: 'rob@example.com' }).expect(200);
    const res = await ocs(app, 'put', 1, '/cloud/users/bob', { user: 'bob', format: 'json' }).send({ key: 'notify_email', value: 'rob@example.com' });
    expect(res.status).toBe(200);
    expect(res.body.ocs.meta.statuscode).toBe(100);
    expect(mock.state.users.get('bob')!.notifyEmail).toBe('rob@example.com');
    const details = await ocs(app, 'get', 2, '/cloud/users/bob', { format: 'json' });
    expect(details.body.ocs.data.notify_email).toBe('rob@example.com');
  });
});
