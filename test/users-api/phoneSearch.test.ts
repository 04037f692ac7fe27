import { beforeEach, describe, expect, it } from 'vitest';
import { freshMock, MATRIX, VERSIONS, type TestMock } from '../support/mock.js';
import { expectFramework996 } from '../support/operations.js';
import { call, expectAnswer } from '../support/usersApi.js';

/** POST /cloud/users/search/by-phone — users-search-by-phone-numbers. */
const OP = 'users-search-by-phone-numbers';

let t: TestMock;
let host: string;
beforeEach(async () => {
  t = await freshMock();
  host = t.mock.state.settings.cloudHost;
});

function search(version: 1 | 2, body: Record<string, unknown>, options: { user?: string | null; format?: 'json' | 'xml'; form?: boolean } = {}) {
  return call(t, 'post', version, '/cloud/users/search/by-phone', { user: options.user === undefined ? 'bob' : options.user, format: options.format ?? 'json', form: options.form, body });
}

describe.each(MATRIX)('search by phone v$version $format', ({ version, format }) => {
  it(`v${version} ${format} DE, contact1 '+49 711 / 25 24 28-90' -> {contact1: 'alice@<host>'}`, async () => {
    const res = await search(version, { location: 'DE', search: { contact1: ['+49 711 / 25 24 28-90'] } }, { format });
    await expectAnswer(res, version, format, { code: 200, data: { contact1: `alice@${host}` } }, OP);
  });

  it(`v${version} ${format} invalid region 'XX' -> 400 with data [] (v1 HTTP 200, v2 HTTP 400)`, async () => {
    const res = await search(version, { location: 'XX', search: { contact1: ['+49 711 / 25 24 28-90'] } }, { format });
    await expectAnswer(res, version, format, { code: 400, message: '', data: [] });
    expect(res.status).toBe(version === 1 ? 200 : 400);
  });
});

describe.each(VERSIONS)('search by phone v%s', (version) => {
  it(`v${version} national numbers are read in the given region (integration test)`, async () => {
    const res = await search(version, {
      location: 'DE',
      search: { 'random-string1': ['0711 / 123 456 78', '0711 / 252 428-90'], 'random-string2': ['0711 / 90-824 252'] },
    });
    await expectAnswer(res, version, 'json', { code: 200, data: { 'random-string1': `alice@${host}` } }, OP);
  });

  it(`v${version} form body search[contact1][]=... works like JSON`, async () => {
    const res = await search(version, { location: 'DE', 'search[contact1][]': '0711 25242890' }, { form: true });
    await expectAnswer(res, version, 'json', { code: 200, data: { contact1: `alice@${host}` } }, OP);
  });

  it(`v${version} lower-case region 'de' is accepted`, async () => {
    const res = await search(version, { location: 'de', search: { c: ['0711 25242890'] } });
    await expectAnswer(res, version, 'json', { code: 200, data: { c: `alice@${host}` } }, OP);
  });

  it(`v${version} no match -> ok with data []`, async () => {
    const res = await search(version, { location: 'DE', search: { c: ['+49 30 1234567'] } });
    // DataResponse() with an empty array: `[]`, which openapi.json's object schema does not admit.
    await expectAnswer(res, version, 'json', { code: 200, data: [] });
  });

  it(`v${version} no valid number at all -> ok with data []`, async () => {
    const res = await search(version, { location: 'DE', search: { c: ['not a number'] } });
    await expectAnswer(res, version, 'json', { code: 200, data: [] });
  });

  it(`v${version} a number set through editUser is found afterwards`, async () => {
    await call(t, 'put', version, '/cloud/users/dave', { format: 'json', body: { key: 'phone', value: '+44 20 7946 0958' } });
    const res = await search(version, { location: 'GB', search: { friend: ['020 7946 0958'], boss: ['+4971125242890'] } }, { user: 'dave' });
    // Key order follows the account search's rows, which nothing specifies: compare as objects.
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).ocs.data).toEqual({ friend: `dave@${host}`, boss: `alice@${host}` });
  });

  it(`v${version} any logged-in user may search (plain user dave)`, async () => {
    const res = await search(version, { location: 'DE', search: { c: ['+4971125242890'] } }, { user: 'dave' });
    await expectAnswer(res, version, 'json', { code: 200, data: { c: `alice@${host}` } }, OP);
  });

  it(`v${version} empty region -> 400 data []`, async () => {
    const res = await search(version, { location: '', search: { c: ['+4971125242890'] } });
    await expectAnswer(res, version, 'json', { code: 400, message: '', data: [] });
  });

  it(`v${version} without search (required argument) -> framework 996 (v2: 500)`, async () => {
    expectFramework996(await search(version, { location: 'DE' }), version, 'json');
  });

  it(`v${version} anonymous -> 997 'Current user is not logged in', HTTP 401`, async () => {
    const res = await search(version, { location: 'DE', search: { c: ['+4971125242890'] } }, { user: null });
    await expectAnswer(res, version, 'json', { code: 997, message: 'Current user is not logged in' });
  });
});
