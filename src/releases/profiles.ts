import type { GroupSearchOrder } from '../domain/userBackend.js';
import type { Negotiation } from '../ocs/negotiate.js';
import type { Access } from '../operations.js';
import type { ProfileProperty } from '../state/model.js';
import { OC_API_FRAMING } from '../ocs/status.js';
import { RELEASES, type Release } from './catalog.js';

/**
 * Everything a client can see that differs between releases, as data (DESIGN.md "Releases"). A
 * profile is the oldest release's facts with every later release's changes applied in order, so
 * each change is written once, at the release that made it, with its DIFFERENCES.md section.
 */
export interface ReleaseProfile {
  release: Release;
  /** provisioning_api's info.xml version (capabilities, app list); §10. */
  provisioningApiVersion: string;
  /** How ocs/v1.php frames its own answers: unknown route, failed login, uncaught error; §9.3. */
  framework: {
    /** v2 meta statuscode: the mapped HTTP code (OC_API, up to 30) or the raw OCS code (ApiHelper, 31+). */
    v2MetaCode: 'http' | 'ocs';
    /** v1 meta carries empty totalitems/itemsperpage (31+). */
    v1Counts: boolean;
    /** The format: the `format` parameter only (up to 31), or `format` then Accept (32+). */
    format: 'parameter' | 'negotiated';
    /** A failed login ignores the requested format and answers XML (up to 30). */
    loginFailureXml: boolean;
    /** The maintenance answer reads `format` from the query string only (OC_API, up to 30). */
    maintenanceFromQuery: boolean;
  };
  /** How controllers pick the answer format; §9.2. */
  negotiation: Negotiation;
  /** What passes the CSRF check without a token: exactly `OCS-APIRequest: true` (up to 29), any non-empty value (30+); §8. */
  ocsApiRequest: 'true' | 'non-empty';
  /** A JSON body that does not parse: ignored (up to 31), or 996 before login (32+); §9.1. */
  malformedJson: 'ignored' | 'error';
  /** GET /cloud/user/fields, in order (default config, Database backend); §6. */
  editableFields: readonly string[];
  /** The account's profile properties, in UserDetails order: shown, and accepted by editUser (pronouns 31+, bluesky 32+); §5, §6. */
  properties: readonly ProfileProperty[];
  /** UserDetails fields that came later; §5. */
  userDetails: {
    /** firstLoginTimestamp and lastLoginTimestamp after `id` (31+). */
    loginTimestamps: boolean;
    /** `timezone` after `locale` (32+). */
    timezone: boolean;
    /**
     * 31+ read the quota figures from the home folder's cache (without quota_include_external_storage):
     * no limit gives free, total and quota -3 and relative 0; before, free space came from the disk.
     */
    quotaFromHomeCache: boolean;
    /**
     * `manager`: every stored manager (up to 29), or AUserData::getManagers (30+): all for an admin,
     * those the caller can access (SubAdmin::isUserAccessible) for a sub-admin, none for anyone else; §5.
     */
    managers: 'stored' | 'visible-to-caller';
    /** `additional_mail` values mb_strtolower(trim()) on output (31.0.11+); §5. */
    additionalMailNormalized: boolean;
  };
  /**
   * Operations whose #[NoAdminRequired]/@NoSubAdminRequired attributes differ from their entry in
   * the operation table (src/operations.ts), which holds the oldest release's; §8.
   */
  access: Readonly<Record<string, Exclude<Access, 'public'>>>;
  /** Which accounts the list endpoints list; §4, §8, §11. */
  lists: {
    /** /users/disabled reads `search` (between 29.0.1 and 29.0.5; 29.0.6 is the first we have); §4. */
    disabledSearch: boolean;
    /** /users/disabled as a sub-admin keeps the group members that are enabled (28.0.2's bug) or disabled (29.0.1+); §11. */
    subAdminDisabledKeeps: 'enabled' | 'disabled';
    /**
     * /users/disabled as a sub-admin: each group's first `limit + offset - found` members, only the
     * offset cut at the end (up to 29), or each group searched whole, duplicates dropped
     * (array_unique), then array_slice($users, $offset, $limit) (30+); §11.
     */
    subAdminDisabledPaging: 'per-group-limit' | 'unique-slice';
    /** GroupsController::getGroupUsers also lets members of the group list it (isInGroup, 32+); §8. */
    groupMembersListUsers: boolean;
    /**
     * Group\Database::searchInGroup with a search term orders by `u.uid_lower` (users table and
     * settings/email preference; up to 31.0.6) or by `g.uid`, byte order (accounts_data; 31.0.11+).
     * Not in DIFFERENCES.md: lib/private/Group/Database.php of S31b (31.0.6) and S31 (31.0.11).
     */
    groupSearchOrder: GroupSearchOrder;
  };
}

type Changes = {
  [K in keyof Omit<ReleaseProfile, 'release'>]?: ReleaseProfile[K] extends readonly unknown[] | string
    ? ReleaseProfile[K]
    : Partial<ReleaseProfile[K]>;
};

const OLDEST: Omit<ReleaseProfile, 'release'> = {
  provisioningApiVersion: '1.17.0',
  framework: { ...OC_API_FRAMING, format: 'parameter', loginFailureXml: true, maintenanceFromQuery: true },
  negotiation: 'responders',
  ocsApiRequest: 'true',
  malformedJson: 'ignored',
  editableFields: ['displayname', 'email', 'additional_mail', 'phone', 'address', 'website', 'twitter', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled'],
  properties: ['phone', 'address', 'website', 'twitter', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled'],
  userDetails: { loginTimestamps: false, timezone: false, quotaFromHomeCache: false, managers: 'stored', additionalMailNormalized: false },
  access: {},
  // /users/disabled exists from 28: 28.0.2's facts.
  lists: {
    disabledSearch: false,
    subAdminDisabledKeeps: 'enabled',
    subAdminDisabledPaging: 'per-group-limit',
    groupMembersListUsers: false,
    groupSearchOrder: 'uid_lower',
  },
};

/** What each release changed, keyed by the first release we have that shows it. */
const CHANGES: Record<string, Changes> = {
  '28.0.2': { provisioningApiVersion: '1.18.0' },
  '29.0.1': { provisioningApiVersion: '1.19.0', lists: { subAdminDisabledKeeps: 'disabled' } },
  '29.0.6': { lists: { disabledSearch: true } },
  '30.0.5': {
    provisioningApiVersion: '1.20.0',
    ocsApiRequest: 'non-empty',
    userDetails: { managers: 'visible-to-caller' },
    lists: { subAdminDisabledPaging: 'unique-slice' },
  },
  '31.0.2': {
    provisioningApiVersion: '1.21.0',
    framework: { v2MetaCode: 'ocs', v1Counts: true, loginFailureXml: false, maintenanceFromQuery: false },
    editableFields: ['displayname', 'email', 'additional_mail', 'phone', 'address', 'website', 'twitter', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled', 'pronouns'],
    properties: ['phone', 'address', 'website', 'twitter', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled', 'pronouns'],
    userDetails: { loginTimestamps: true, quotaFromHomeCache: true },
  },
  '31.0.11': { userDetails: { additionalMailNormalized: true }, lists: { groupSearchOrder: 'uid' } },
  '32.0.2': {
    provisioningApiVersion: '1.22.0',
    framework: { format: 'negotiated' },
    negotiation: 'request-format',
    malformedJson: 'error',
    editableFields: ['displayname', 'email', 'additional_mail', 'phone', 'address', 'website', 'twitter', 'bluesky', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled', 'pronouns'],
    properties: ['phone', 'address', 'website', 'twitter', 'bluesky', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled', 'pronouns'],
    userDetails: { timezone: true },
    // getGroupUsers gained @NoSubAdminRequired; its own check then wants a member (or more).
    access: { 'groups-get-group-users': 'user' },
    lists: { groupMembersListUsers: true },
  },
  '33.0.2': { provisioningApiVersion: '1.23.0' },
  '34.0.1': {
    provisioningApiVersion: '1.24.0',
    // IAccountManager::ALLOWED_PROPERTIES order, additional_mail last; birthdate appears.
    editableFields: ['address', 'biography', 'birthdate', 'displayname', 'email', 'fediverse', 'headline', 'organisation', 'phone', 'profile_enabled', 'pronouns', 'role', 'twitter', 'bluesky', 'website', 'additional_mail'],
  },
};

function apply(profile: Omit<ReleaseProfile, 'release'>, changes: Changes): Omit<ReleaseProfile, 'release'> {
  const next: Record<string, unknown> = { ...profile };
  for (const [key, value] of Object.entries(changes)) {
    const current = next[key];
    const nested = value !== null && typeof value === 'object' && !Array.isArray(value);
    next[key] = nested ? { ...(current as object), ...value } : value;
  }
  return next as unknown as Omit<ReleaseProfile, 'release'>;
}

const PROFILES = new Map<string, ReleaseProfile>();
{
  let facts = OLDEST;
  for (const release of RELEASES) {
    facts = apply(facts, CHANGES[release.version] ?? {});
    PROFILES.set(release.version, { release, ...facts });
  }
}

export function profileOf(release: Release): ReleaseProfile {
  return PROFILES.get(release.version)!;
}
