import type { ListIndex } from './listIndex.js';
import type { LookupIndex } from './userLookup.js';

/** Account property scopes (Provisioning_APIUserDetailsScope). */
export const SCOPES = ['v2-private', 'v2-local', 'v2-federated', 'v2-published', 'private', 'contacts', 'public'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Profile properties of every release, in the order UserDetails lists them; a release shows and
 * accepts its own subset (ReleaseProfile.properties: pronouns from 31, bluesky from 32).
 */
export const PROFILE_PROPERTIES = [
  'phone',
  'address',
  'website',
  'twitter',
  'bluesky',
  'fediverse',
  'organisation',
  'role',
  'headline',
  'biography',
  'profile_enabled',
  'pronouns',
] as const;
export type ProfileProperty = (typeof PROFILE_PROPERTIES)[number];

export interface AccountProperty {
  value: string;
  scope: Scope;
}

export interface AdditionalMail {
  address: string;
  scope: Scope;
  /** Locally verified: only such addresses may become the notification address. */
  verified: boolean;
}

/**
 * An account. Stored accounts are ./user.ts StoredUser objects: the fields that indexes read
 * (display name, e-mail, enabled, last login, managers, app passwords) tell the state when set.
 */
export interface User {
  readonly id: string;
  password: string;
  /** App passwords / device tokens: accepted as Basic passwords and as Bearer tokens. */
  appPasswords: readonly string[];
  /** As stored: null when none is (the account shows its id but sorts as empty when paged). */
  displayname: string | null;
  displaynameScope: Scope;
  email: string | null;
  emailScope: Scope;
  avatarScope: Scope;
  additionalMail: AdditionalMail[];
  properties: Record<ProfileProperty, AccountProperty>;
  /** Account property `birthdate`: editUser sets it for the user themself (30+). */
  birthdate: AccountProperty;
  enabled: boolean;
  /** As Nextcloud stores it: 'none', 'default' or a human size such as '5 GB'. */
  quota: string;
  usedBytes: number;
  language: string;
  locale: string;
  timezone: string;
  managers: readonly string[];
  notifyEmail: string | null;
  /** Unix seconds; 0 = never, -1 = unknown (logged in before first logins were recorded). */
  firstLogin: number;
  lastLogin: number;
  /** The home folder exists: created with the skeleton files by the first password login. */
  hasHome: boolean;
  /** app -> key -> value */
  preferences: Map<string, Map<string, string>>;
  /** Recorded side effects of calls that would reach the outside world. */
  welcomeMessagesSent: number;
  wipeRequested: boolean;
}

/** A group; stored groups' `members` and `subadmins` are ./groupSets.ts sets that keep the indexes. */
export interface Group {
  readonly id: string;
  displayname: string;
  members: Set<string>;
  subadmins: Set<string>;
}

export interface App {
  id: string;
  name: string;
  version: string;
  enabled: boolean;
  /** core/shipped.json "alwaysEnabled": never listed as disabled, cannot be disabled. */
  alwaysEnabled: boolean;
  /** appinfo/info.xml keys as InfoParser returns them; domain/appInfo.ts completes them. */
  info: Record<string, unknown>;
}

export interface ServerSettings {
  /** Free bytes reported in quota objects for users without a quota. */
  freeSpace: number;
  /** Host (with port) used in cloud ids, e.g. for phone search results. */
  cloudHost: string;
  /** Bytes of the skeleton files copied into a home folder at the first login. */
  skeletonBytes: number;
}

export interface State {
  /** set / delete / clear keep every index below (./accounts.ts UserMap, GroupMap). */
  users: Map<string, User>;
  groups: Map<string, Group>;
  /** Each user's groups in the order they joined them (kept by ./memberships.ts with Group.members). */
  userGroups: Map<string, Set<string>>;
  /** Per group, how many of its members are disabled, when any are (kept by ./memberships.ts). */
  disabledMembers: Map<string, number>;
  /** Each user's administered groups (kept by ./subAdminRights.ts with Group.subadmins). */
  subAdminGroups: Map<string, Set<string>>;
  /** Users and groups in the orders the list endpoints page through (kept by ./listIndex.ts). */
  lists: ListIndex;
  /** Accounts by lower-cased id, e-mail, app password and manager (kept by ./userLookup.ts). */
  lookups: LookupIndex;
  /** Installed apps in app-folder scan order. */
  apps: Map<string, App>;
  /** app -> key -> value */
  appConfig: Map<string, Map<string, string>>;
  settings: ServerSettings;
}

export const ADMIN_GROUP = 'admin';
