import { TEST_NOW } from './mock.js';
import { TEST_RELEASE } from './mock.js';
import type { Php } from './operations.js';

/** Free bytes of the fixture's storage (server.freeSpace). */
export const FREE_SPACE = 84_134_703_104;

const seconds = (iso: string) => Date.parse(iso) / 1000;

/** The test clock in Unix seconds: every authenticated request records its login at this time. */
export const NOW_SECONDS = TEST_NOW / 1000;

export interface Account {
  id: string;
  enabled: boolean;
  firstLogin: number;
  lastLogin: number;
  subadmin: string[];
  quota: Php;
  email: string | null;
  displayname: string;
  properties?: { phone?: string; organisation?: string; role?: string };
  groups: string[];
  language: string;
  locale: string;
}

/** The default fixture's users as Nextcloud reports them (quota objects per fillStorageInfo). */
export const ACCOUNTS: Record<string, Account> = {
  admin: {
    // Only an admin sees admin's details, and that request is itself a login at the test clock
    // (the fixture's last login, 2026-11-20T09:15:00Z, is more than a minute before it).
    id: 'admin', enabled: true, firstLogin: seconds('2026-01-05T08:00:00Z'), lastLogin: NOW_SECONDS,
    subadmin: [],
    // No quota: free space of the storage, relative = round(164 / total * 10000) / 100 = 0.
    quota: { free: FREE_SPACE, used: 164, total: FREE_SPACE + 164, relative: 0, quota: -3 },
    email: null, displayname: 'admin', groups: ['admin'], language: 'en', locale: '',
  },
  alice: {
    id: 'alice', enabled: true, firstLogin: seconds('2026-02-10T10:00:00Z'), lastLogin: seconds('2026-11-19T16:42:00Z'),
    subadmin: ['group1'],
    // 5 GB quota, 1288490189 bytes used: 24 %.
    quota: { free: 5368709120 - 1288490189, used: 1288490189, total: 5368709120, relative: 24, quota: 5368709120 },
    email: 'alice@example.com', displayname: 'Alice Adams',
    properties: { phone: '+4971125242890', organisation: 'Example Inc.', role: 'Team lead' },
    groups: ['group1'], language: 'en', locale: 'en_US',
  },
  bob: {
    id: 'bob', enabled: true, firstLogin: seconds('2026-03-01T09:30:00Z'), lastLogin: seconds('2026-11-18T08:05:00Z'),
    subadmin: [],
    // Quota 'default' and no files/default_quota: unlimited; 52428800 / 84187131904 -> 0.06 %.
    quota: { free: FREE_SPACE, used: 52428800, total: FREE_SPACE + 52428800, relative: 0.06, quota: -3 },
    email: 'bob@example.com', displayname: 'Bob Brown', groups: ['group1', 'group2'], language: 'de', locale: '',
  },
  carol: {
    id: 'carol', enabled: false, firstLogin: seconds('2026-04-01T12:00:00Z'), lastLogin: seconds('2026-06-01T12:00:00Z'),
    subadmin: [],
    quota: { free: 1073741824, used: 0, total: 1073741824, relative: 0, quota: 1073741824 },
    email: 'carol@example.com', displayname: 'Carol Clark', groups: ['group2'], language: 'en', locale: '',
  },
  dave: {
    id: 'dave', enabled: true, firstLogin: 0, lastLogin: 0,
    subadmin: [],
    // Never logged in, no home folder yet: only the configured quota.
    quota: { quota: 'none', used: 0 },
    email: null, displayname: 'Dave Davis', groups: [], language: 'en', locale: '',
  },
};

/**
 * What UserDetails holds in each release (DIFFERENCES.md §5): login timestamps and pronouns from
 * 31, bluesky and timezone from 32; 31+ report no disk figures for an account without a quota.
 */
function detailsShape(release: string) {
  const major = Number.parseInt(release, 10);
  const properties = ['phone', 'address', 'website', 'twitter', ...(major >= 32 ? ['bluesky'] : []), 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled', ...(major >= 31 ? ['pronouns'] : [])];
  return { properties, loginTimestamps: major >= 31, timezone: major >= 32, homeCacheQuota: major >= 31 };
}

/** 31+ fillStorageInfo without quota_include_external_storage: no limit -> free/total/quota -3, relative 0. */
function homeCacheQuota(quota: Php): Php {
  const figures = quota as { used?: number; quota?: number };
  if (typeof quota !== 'object' || quota === null || !('free' in quota) || figures.quota !== -3) return quota;
  return { free: -3, used: figures.used ?? 0, total: -3, relative: 0, quota: -3 };
}

export interface View {
  /** Admins and sub-admins of the user see `enabled`. */
  enabled: boolean;
  /** Only admins see `storageLocation`. */
  storageLocation: boolean;
  /** Only a user reading themself gets the *Scope keys. */
  scopes: boolean;
}

export const ADMIN_VIEW: View = { enabled: true, storageLocation: true, scopes: false };

/** UserDetails in the key order of AUserDataOCSController::getUserData. */
export function userDetails(
  uid: string,
  view: View = ADMIN_VIEW,
  account: Account = ACCOUNTS[uid],
  release: string = TEST_RELEASE,
): { [key: string]: Php } {
  const shape = detailsShape(release);
  const data: { [key: string]: Php } = {};
  if (view.enabled) data.enabled = account.enabled;
  if (view.storageLocation) data.storageLocation = `/var/www/html/data/${account.id}`;
  data.id = account.id;
  if (shape.loginTimestamps) {
    data.firstLoginTimestamp = account.firstLogin;
    data.lastLoginTimestamp = account.lastLogin;
  }
  data.lastLogin = account.lastLogin * 1000;
  data.backend = 'Database';
  data.subadmin = account.subadmin;
  data.quota = shape.homeCacheQuota ? homeCacheQuota(account.quota) : account.quota;
  data.manager = '';
  if (view.scopes) data.avatarScope = 'v2-federated';
  data.email = account.email;
  if (view.scopes) data.emailScope = 'v2-federated';
  data.additional_mail = [];
  if (view.scopes) data.additional_mailScope = [];
  data.displayname = account.displayname;
  data['display-name'] = account.displayname;
  if (view.scopes) data.displaynameScope = 'v2-federated';
  for (const name of shape.properties) {
    data[name] = name === 'profile_enabled' ? '1' : ((account.properties as Record<string, string> | undefined)?.[name] ?? '');
    if (view.scopes) data[`${name}Scope`] = 'v2-local';
  }
  data.groups = account.groups;
  data.language = account.language;
  data.locale = account.locale;
  if (shape.timezone) data.timezone = '';
  // Only an address chosen as primary (settings/primary_email) is shown; none is in the fixture.
  data.notify_email = null;
  data.backendCapabilities = { setDisplayName: true, setPassword: true };
  return data;
}

/** An account as it reads once it has logged in at the test clock (e.g. the request reading it). */
export function afterLogin(account: Account): Account {
  return { ...account, lastLogin: NOW_SECONDS };
}

/** A user created through POST /cloud/users, before any login. */
export function createdAccount(id: string, overrides: Partial<Account> = {}): Account {
  return {
    id, enabled: true, firstLogin: 0, lastLogin: 0, subadmin: [], quota: { quota: 'none', used: 0 },
    email: null, displayname: id, groups: [], language: 'en', locale: '', ...overrides,
  };
}
