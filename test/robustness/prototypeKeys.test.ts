import { beforeAll, beforeEach, describe, it } from 'vitest';
import { freshMock, MATRIX, ocs, type TestMock } from '../support/mock.js';
import { expectOcs, type Php } from '../support/operations.js';
import { ADMIN_VIEW, createdAccount, userDetails } from '../support/operationsUsers.js';

// Issue 11 item 5: ids and client keys that are names of Object.prototype members must be kept as
// any other key. Nextcloud's user ids allow `_` (Manager::validateUserId: a-zA-Z0-9 _.@-'), so
// `__proto__` and `constructor` are valid user ids, and phone-search keys are free text.
const ODD_IDS = ['__proto__', 'constructor'];
const GROUP = 'protos';

/** An object with own keys in this order; `{ __proto__: x }` as a literal would set the prototype instead. */
const mapOf = (entries: [string, Php][]): { [key: string]: Php } => Object.fromEntries(entries);

const created = (id: string) => userDetails(id, ADMIN_VIEW, createdAccount(id, { groups: [GROUP] }));

describe.each(MATRIX)('user ids named like Object.prototype members, v$version $format', ({ version, format }) => {
  let t: TestMock;
  beforeAll(async () => {
    t = await freshMock();
  });
  beforeEach(async () => {
    t.mock.reset();
    await ocs(t.app, 'post', 2, '/cloud/groups').type('form').send(`groupid=${GROUP}`).expect(200);
    for (const id of ODD_IDS) {
      const body = JSON.stringify({ userid: id, password: `${id}-secret-42`, groups: [GROUP] });
      await ocs(t.app, 'post', 2, '/cloud/users').type('json').send(body).expect(200);
    }
  });
  const v = `v${version} ${format}`;

  it(`${v} /cloud/users/details?search=__proto__ -> {users: {__proto__: details}}, as /cloud/users lists it`, async () => {
    const list = await ocs(t.app, 'get', version, '/cloud/users?search=__proto__', { format });
    await expectOcs(list, version, format, { code: 100, data: { users: ['__proto__'] } }, 'users-get-users');
    const res = await ocs(t.app, 'get', version, '/cloud/users/details?search=__proto__', { format });
    await expectOcs(res, version, format, { code: 100, data: { users: mapOf([['__proto__', created('__proto__')]]) } }, 'users-get-users-details');
  });

  it(`${v} group member details hold __proto__ and constructor`, async () => {
    const res = await ocs(t.app, 'get', version, `/cloud/groups/${GROUP}/users/details`, { format });
    const users = mapOf(ODD_IDS.map((id) => [id, created(id)]));
    await expectOcs(res, version, format, { code: 100, data: { users } }, 'groups-get-group-users-details');
  });

  it(`${v} phone search with the key __proto__ alone -> {__proto__: alice's cloud id}`, async () => {
    const host = t.mock.state.settings.cloudHost;
    const body = '{"location":"DE","search":{"__proto__":["+49 711 / 25 24 28-90"]}}';
    const res = await ocs(t.app, 'post', version, '/cloud/users/search/by-phone', { user: 'bob', format }).type('json').send(body);
    await expectOcs(res, version, format, { code: 200, data: mapOf([['__proto__', `alice@${host}`]]) }, 'users-search-by-phone-numbers');
  });
});
