import { describe, expect, it } from 'vitest';
import { freshMock, ocs } from '../support/mock.js';
import { okJsonOf } from '../support/oracle.js';

/** GET /cloud/user/fields per release (DIFFERENCES.md §6, UsersController::getEditableFieldsForUser). */
const UP_TO_30 = ['displayname', 'email', 'additional_mail', 'phone', 'address', 'website', 'twitter', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled'];
const FROM_31 = [...UP_TO_30, 'pronouns'];
const FROM_32 = ['displayname', 'email', 'additional_mail', 'phone', 'address', 'website', 'twitter', 'bluesky', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled', 'pronouns'];
const FROM_34 = ['address', 'biography', 'birthdate', 'displayname', 'email', 'fediverse', 'headline', 'organisation', 'phone', 'profile_enabled', 'pronouns', 'role', 'twitter', 'bluesky', 'website', 'additional_mail'];

const EXPECTED: [string, string[]][] = [
  ['27', UP_TO_30],
  ['29', UP_TO_30],
  ['30', UP_TO_30],
  ['31.0.2', FROM_31],
  ['31', FROM_31],
  ['32', FROM_32],
  ['33', FROM_32],
  ['34', FROM_34],
];

describe.each(EXPECTED)('%s: editable fields', (release, fields) => {
  it('GET /cloud/user/fields and /cloud/user/fields/bob (as admin) list them in the release order', async () => {
    const { app } = await freshMock({ nextcloud: release });
    const own = await ocs(app, 'get', 2, '/cloud/user/fields', { user: 'bob', format: 'json' });
    expect(own.text).toBe(okJsonOf(2, fields));
    const other = await ocs(app, 'get', 2, '/cloud/user/fields/bob', { format: 'json' });
    expect(other.text).toBe(okJsonOf(2, fields));
  });
});
