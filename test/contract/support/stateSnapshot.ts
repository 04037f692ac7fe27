import type { State } from '../../../src/state/model.js';

/** Everything a write run could leave behind, as comparable JSON (lastLogin moves with every login). */
export function stateSnapshot(state: State): string {
  return JSON.stringify({
    // Stored accounts serialise every field, their accessors too (StoredUser.toJSON).
    users: [...state.users.values()].map((user) => ({ ...(JSON.parse(JSON.stringify(user)) as object), lastLogin: 0 })),
    groups: [...state.groups.values()].map((group) => ({ ...group, members: [...group.members], subadmins: [...group.subadmins] })),
    // An app whose last key was deleted keeps an empty map inside the mock; no API shows it.
    appConfig: [...state.appConfig].filter(([, values]) => values.size > 0).map(([app, values]) => [app, [...values]]),
    apps: [...state.apps.values()].map((app) => [app.id, app.enabled]),
  });
}
