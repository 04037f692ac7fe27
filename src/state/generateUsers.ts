import { Faker, en } from '@faker-js/faker';
import type { Fixture, FixtureUser } from './fixtureFile.js';

/** Fixed reference time so that the same seed always yields the same last logins. */
const REFERENCE_DATE = Date.UTC(2026, 0, 1);
const QUOTAS = ['default', 'none', '1 GB', '5 GB', '10 GB', '50 GB'];

/**
 * Adds `count` realistic users to a fixture, identical for the same seed and fixture: unique ids,
 * names, e-mails, quotas, last logins (some never) and memberships in the fixture's non-admin groups.
 */
export function addGeneratedUsers(fixture: Fixture, count: number, seed: number): Fixture {
  const faker = new Faker({ locale: [en], seed });
  faker.setDefaultRefDate(REFERENCE_DATE);
  const taken = new Set(fixture.users.map((user) => user.id.toLowerCase()));
  const groups = fixture.groups.map((group) => group.id).filter((id) => id !== 'admin');
  const users: FixtureUser[] = [];
  for (let i = 0; i < count; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const base = faker.internet.username({ firstName, lastName }).toLowerCase().replace(/[^a-z0-9_.-]/g, '');
    let id = base || `user${i}`;
    for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
    taken.add(id);
    const neverLoggedIn = faker.number.float() < 0.15;
    const lastLogin = neverLoggedIn ? 0 : Math.floor(faker.date.recent({ days: 90 }).getTime() / 1000);
    users.push({
      id,
      password: faker.internet.password({ length: 16 }),
      displayname: `${firstName} ${lastName}`,
      email: faker.internet.email({ firstName, lastName, provider: 'example.com' }).toLowerCase(),
      groups: groups.length > 0 ? faker.helpers.arrayElements(groups, { min: 0, max: Math.min(2, groups.length) }) : [],
      quota: faker.helpers.arrayElement(QUOTAS),
      usedBytes: neverLoggedIn ? 0 : faker.number.int({ min: 0, max: 800_000_000 }),
      enabled: faker.number.float() > 0.05,
      language: faker.helpers.arrayElement(['en', 'en', 'de', 'fr', 'es']),
      lastLogin,
      firstLogin: neverLoggedIn ? 0 : lastLogin - faker.number.int({ min: 0, max: 3600 * 24 * 365 }),
      properties: {
        phone: faker.number.float() < 0.4 ? faker.phone.number({ style: 'international' }) : '',
        organisation: faker.number.float() < 0.5 ? faker.company.name() : '',
        role: faker.number.float() < 0.5 ? faker.person.jobTitle() : '',
      },
    });
  }
  return { ...fixture, users: [...fixture.users, ...users] };
}
