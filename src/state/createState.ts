import { GroupMap, UserMap } from './accounts.js';
import { buildListIndex } from './listIndex.js';
import type { Fixture, FixtureUser } from './fixtureFile.js';
import { appTypesOf } from '../domain/appInfo.js';
import type { App, ProfileProperty, State, User } from './model.js';
import { newUser } from './user.js';
import { emptyLookupIndex } from './userLookup.js';

const DEFAULT_FREE_SPACE = 84_134_703_104;
/** The skeleton a first login copied into the recorded server's home folders (recordings first-login/*: used 164). */
const DEFAULT_SKELETON_BYTES = 164;

function toSeconds(value: number | string | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : Math.floor(Date.parse(value) / 1000);
}

// Absent fixture fields keep newUser's defaults without allocating: paid once per user of a large store.
function userFromFixture(entry: FixtureUser): User {
  const user = newUser(entry.id, entry.password);
  if (entry.appPasswords) user.appPasswords = entry.appPasswords;
  user.displayname = entry.displayname ?? null;
  user.email = entry.email ?? null;
  if (entry.additionalMail) user.additionalMail = entry.additionalMail.map((address) => ({ address, scope: 'v2-local', verified: true }));
  user.enabled = entry.enabled ?? true;
  user.quota = entry.quota ?? 'default';
  user.usedBytes = entry.usedBytes ?? 0;
  user.language = entry.language ?? 'en';
  user.locale = entry.locale ?? '';
  user.timezone = entry.timezone ?? '';
  if (entry.manager) user.managers = [entry.manager];
  user.lastLogin = toSeconds(entry.lastLogin);
  user.firstLogin = entry.firstLogin === undefined ? user.lastLogin : toSeconds(entry.firstLogin);
  // Whoever has logged in has a home folder; the fixture's usedBytes is what it holds.
  user.hasHome = user.lastLogin > 0;
  if (entry.properties) {
    for (const [name, value] of Object.entries(entry.properties)) user.properties[name as ProfileProperty].value = value;
  }
  if (entry.scopes) {
    for (const [name, scope] of Object.entries(entry.scopes)) {
      if (name === 'displayname') user.displaynameScope = scope;
      else if (name === 'email') user.emailScope = scope;
      else if (name === 'avatar') user.avatarScope = scope;
      else user.properties[name as ProfileProperty].scope = scope;
    }
  }
  if (entry.preferences) {
    for (const [app, values] of Object.entries(entry.preferences)) user.preferences.set(app, new Map(Object.entries(values)));
  }
  return user;
}

/**
 * The app config rows an app has: the installer writes `enabled`, `installed_version` and `types`
 * (OC_App::setAppTypes); an app enabled without the installer (POST /cloud/apps/{app}) has only
 * `enabled`, and an always-enabled one none at all (viewer on the recorded 29 server).
 */
function installationRows(app: App, installed: boolean): [string, string][] {
  if (installed) return [['enabled', app.enabled ? 'yes' : 'no'], ['installed_version', app.version], ['types', appTypesOf(app)]];
  return app.enabled && !app.alwaysEnabled ? [['enabled', 'yes']] : [];
}

/**
 * Builds a fresh, independent state from a validated fixture. `shipped` holds the versions the
 * served release fixes for its shipped apps; they win over the fixture's.
 */
export function createState(fixture: Fixture, cloudHost = 'localhost', shipped: Readonly<Record<string, string>> = {}): State {
  const users = new UserMap();
  const groups = new GroupMap();
  const state: State = {
    users,
    groups,
    userGroups: new Map(),
    disabledMembers: new Map(),
    subAdminGroups: new Map(),
    lists: buildListIndex([], []),
    lookups: emptyLookupIndex(),
    apps: new Map(),
    appConfig: new Map(),
    settings: {
      freeSpace: fixture.server?.freeSpace ?? DEFAULT_FREE_SPACE,
      cloudHost: fixture.server?.cloudHost ?? cloudHost,
      skeletonBytes: fixture.server?.skeletonBytes ?? DEFAULT_SKELETON_BYTES,
    },
  };
  users.attach(state);
  groups.attach(state);
  // Loaded without the list orders, which are then sorted once rather than kept while loading.
  for (const group of fixture.groups) {
    groups.load({ id: group.id, displayname: group.displayname ?? group.id, members: new Set(), subadmins: new Set() });
  }
  for (const entry of fixture.users) {
    users.load(userFromFixture(entry));
    for (const gid of entry.groups ?? []) groups.get(gid)?.members.add(entry.id);
    for (const gid of entry.subadmin ?? []) groups.get(gid)?.subadmins.add(entry.id);
  }
  state.lists = buildListIndex(users.values(), groups.values());
  for (const entry of fixture.apps ?? []) {
    const app: App = {
      id: entry.id,
      name: entry.name ?? entry.id,
      version: shipped[entry.id] ?? entry.version ?? '1.0.0',
      enabled: entry.enabled,
      alwaysEnabled: entry.alwaysEnabled ?? false,
      info: entry.info ?? {},
    };
    state.apps.set(app.id, app);
    const rows = installationRows(app, entry.installed ?? entry.enabled);
    if (rows.length > 0) state.appConfig.set(app.id, new Map(rows));
  }
  for (const [app, values] of Object.entries(fixture.appConfig ?? {})) {
    const config = state.appConfig.get(app) ?? new Map<string, string>();
    for (const [key, value] of Object.entries(values)) config.set(key, value);
    state.appConfig.set(app, config);
  }
  return state;
}
