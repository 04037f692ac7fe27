import type { Fixture, FixtureUser } from './fixtureFile.js';
import { companyName, firstName, jobTitle, joined, lastName, loginText, password, phoneNumber, username } from './fakeNames.js';
import { SeededRandom } from './seededRandom.js';
import { ADMIN_GROUP } from './model.js';
import { generatedPassword } from './generatedPassword.js';

/** Fixed reference time so that the same seed always yields the same last logins. */
const REFERENCE_SECONDS = Date.UTC(2026, 0, 1) / 1000;
const DAY = 24 * 3600;
const QUOTAS = ['default', 'none', '1 GB', '5 GB', '10 GB', '50 GB'];
const LANGUAGES = ['en', 'en', 'de', 'fr', 'es'];
/** How many groups a user joins: 0, 1, 2 or 3, as likely as these weights. */
const GROUPS_PER_USER = [15, 40, 30, 15];
/** The random streams of one seed: the users' own values, and their memberships. */
const USERS_STREAM = 1;
const MEMBERSHIPS_STREAM = 3;

/**
 * Up to `count` distinct groups from `pool`. Group i is drawn as floor(n * r^2) for a uniform r:
 * the first groups of the pool gather many members and the last few, as teams do, and a draw costs
 * the same whatever the pool's size.
 */
function pickGroups(random: SeededRandom, pool: readonly string[], count: number): string[] {
  const picked: string[] = [];
  for (let attempt = 0; picked.length < count && attempt < 4 * count; attempt++) {
    const r = random.float();
    const gid = pool[Math.floor(pool.length * r * r)];
    if (!picked.includes(gid)) picked.push(gid);
  }
  return picked;
}

/**
 * Adds `count` realistic users to a fixture, identical for the same seed and fixture: unique ids,
 * names, e-mails, quotas, last logins (some never), phones, organisations and roles, and
 * memberships in the fixture's non-admin groups (generated groups included).
 */
export function addGeneratedUsers(fixture: Fixture, count: number, seed: number): Fixture {
  const random = new SeededRandom(seed, USERS_STREAM);
  const joins = new SeededRandom(seed, MEMBERSHIPS_STREAM);
  const taken = new Set(fixture.users.map((user) => user.id.toLowerCase()));
  const pool = fixture.groups.map((group) => group.id).filter((id) => id !== ADMIN_GROUP);
  const users: FixtureUser[] = [];
  for (let i = 0; i < count; i++) {
    const first = firstName(random);
    const last = lastName(random);
    const base = username(random, first, last) || `user${i}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = joined(base, n);
    taken.add(id);
    const neverLoggedIn = random.chance(0.15);
    const lastLogin = neverLoggedIn ? 0 : REFERENCE_SECONDS - random.below(90 * DAY);
    // The random password users had is still drawn, unused: each seed keeps the values drawn after it.
    password(random, 16);
    users.push({
      id,
      password: generatedPassword(id),
      displayname: joined(first, ' ', last),
      email: joined(loginText(first), '.', loginText(last), random.chance(0.3) ? random.below(100) : '', '@example.com'),
      groups: pickGroups(joins, pool, Math.min(pool.length, joins.weighted(GROUPS_PER_USER))),
      quota: random.pick(QUOTAS),
      usedBytes: neverLoggedIn ? 0 : random.below(800_000_001),
      enabled: random.chance(0.95),
      language: random.pick(LANGUAGES),
      lastLogin,
      firstLogin: neverLoggedIn ? 0 : lastLogin - random.below(365 * DAY + 1),
      properties: {
        phone: random.chance(0.4) ? phoneNumber(random) : '',
        organisation: random.chance(0.5) ? companyName(random) : '',
        role: random.chance(0.5) ? jobTitle(random) : '',
      },
    });
  }
  return { ...fixture, users: [...fixture.users, ...users] };
}
