import { describe, expect, it } from 'vitest';
import { freshMock, MATRIX, ocs } from '../support/mock.js';
import { expectOcs } from '../support/operations.js';

/**
 * Account property values through PUT /cloud/users/{id} (AccountManager::updateAccount): up to 30 an
 * invalid phone number or website is stored as '' and the edit succeeds, twitter and fediverse are
 * not checked (30.0.5 source; recording users-edit-user/phone-invalid on 29); from 31.0.2 all four
 * are refused with "Invalid <name>" and a twitter handle loses its "@".
 */
const CASES: { key: string; value: string; lenient: string; strict: string | null }[] = [
  { key: 'phone', value: 'not a number', lenient: '', strict: null },
  { key: 'website', value: 'ftp://example.com', lenient: '', strict: null },
  { key: 'twitter', value: '@nextcloud', lenient: '@nextcloud', strict: 'nextcloud' },
  { key: 'twitter', value: 'not a handle', lenient: 'not a handle', strict: null },
  { key: 'fediverse', value: 'nobody', lenient: 'nobody', strict: null },
];

describe.each(MATRIX)('property values v$version $format', ({ version, format }) => {
  for (const { key, value, lenient, strict } of CASES) {
    it(`30: ${key} '${value}' -> ok, stored as '${lenient}'`, async () => {
      const t = await freshMock({ nextcloud: '30' });
      const res = await ocs(t.app, 'put', version, '/cloud/users/bob', { user: 'bob', format }).send({ key, value });
      await expectOcs(res, version, format, { code: 200 }, undefined, '30');
      expect(t.mock.state.users.get('bob')!.properties[key as 'phone'].value).toBe(lenient);
    });

    it(`31.0.2: ${key} '${value}' -> ${strict === null ? `101 'Invalid ${key}', unchanged` : `ok, stored as '${strict}'`}`, async () => {
      const t = await freshMock({ nextcloud: '31.0.2' });
      const before = t.mock.state.users.get('bob')!.properties[key as 'phone'].value;
      const res = await ocs(t.app, 'put', version, '/cloud/users/bob', { user: 'bob', format }).send({ key, value });
      await expectOcs(res, version, format, strict === null ? { code: 101, message: `Invalid ${key}` } : { code: 200 }, undefined, '31.0.2');
      expect(t.mock.state.users.get('bob')!.properties[key as 'phone'].value).toBe(strict ?? before);
    });
  }
});
