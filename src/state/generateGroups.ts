import type { Fixture } from './fixtureFile.js';
import { joined, teamName } from './fakeNames.js';
import { SeededRandom } from './seededRandom.js';

/** The random stream of generated groups, apart from the users' so that adding groups keeps the same users. */
const GROUPS_STREAM = 2;

/** "Akron Marketing Engineers" -> "akron-marketing-engineers". */
function groupIdOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Adds `count` groups named like an organisation's teams to a fixture, identical for the same seed
 * and fixture: an id such as `akron-marketing` and a display name such as "Akron Marketing"; a name
 * drawn again gets a number ("Akron Marketing 2"). Ids never equal one already there, ignoring case.
 */
export function addGeneratedGroups(fixture: Fixture, count: number, seed: number): Fixture {
  const random = new SeededRandom(seed, GROUPS_STREAM);
  const taken = new Set(fixture.groups.map((group) => group.id.toLowerCase()));
  const groups: Fixture['groups'] = [];
  for (let i = 0; i < count; i++) {
    const name = teamName(random);
    const base = groupIdOf(name);
    let id = base;
    let n = 1;
    while (taken.has(id)) id = joined(base, '-', ++n);
    taken.add(id);
    groups.push({ id, displayname: n === 1 ? name : joined(name, ' ', n) });
  }
  return { ...fixture, groups: [...fixture.groups, ...groups] };
}
