import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { freshMock, ocs } from '../support/mock.js';
import { loggedMock } from './support.js';

const SECRETS = ['s3cret-Passw0rd!', 'alice-password', 'app-token-xyz', Buffer.from('alice:alice-password').toString('base64')];

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('redaction: never a password, token or Authorization value', () => {
  it('addUser password, editUser key=password value, Basic credentials (debug, text and json)', async () => {
    for (const format of ['text', 'json'] as const) {
      const { app, mock, lines } = await loggedMock({ level: 'debug', format });
      await ocs(app, 'post', 2, '/cloud/users?userid=zed&password=s3cret-Passw0rd!');
      await ocs(app, 'put', 2, '/cloud/users/alice', { user: 'alice' }).send('key=password&value=s3cret-Passw0rd!');
      await request(app).get('/ocs/v2.php/cloud/groups').auth('alice', 'alice-password').set('OCS-APIRequest', 'true');
      await request(app).get('/ocs/v2.php/cloud/groups').set('Authorization', 'Bearer app-token-xyz').set('OCS-APIRequest', 'true');
      expectNoSecret(lines.join('\n'));
      expectNoSecret(JSON.stringify(mock.requests()));
      expect(mock.requests()[0].params).toMatchObject({ userid: 'zed', password: '[redacted]' });
      expect(mock.requests()[1].params).toMatchObject({ key: 'password', value: '[redacted]' });
    }
  });

  it('PATCH password (34+ editUserMultiField)', async () => {
    const { app, mock, lines } = await loggedMock({ level: 'debug', format: 'json' }, { nextcloud: '34.0.1' });
    await request(app)
      .patch('/ocs/v2.php/cloud/users/alice')
      .auth('admin', 'admin')
      .set('OCS-APIRequest', 'true')
      .send({ password: 's3cret-Passw0rd!', displayname: 'Alice' });
    expectNoSecret(lines.join('\n'));
    expect(mock.requests()[0].operationId).toBe('users-edit-user-multi-field');
    expectNoSecret(JSON.stringify(mock.requests()));
  });
});

describe('journal keys', () => {
  it('a JSON parameter named __proto__ is journaled as a parameter, not lost', async () => {
    const { mock, app } = await freshMock();
    await ocs(app, 'post', 2, '/cloud/users/search/by-phone', { user: 'bob', format: 'json' }).send(JSON.parse('{"location":"DE","search":{"__proto__":["+49 30 123456"]}}'));
    const [record] = mock.requests({ operationId: 'users-search-by-phone-numbers' });
    expect(Object.keys(record.params.search as object)).toEqual(['__proto__']);
  });
});
