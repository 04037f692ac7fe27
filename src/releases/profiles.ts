import type { GroupSearchOrder } from '../domain/userBackend.js';
import type { Negotiation } from '../ocs/negotiate.js';
import type { Access } from '../operations.js';
import type { ProfileProperty } from '../state/model.js';
import { OC_API_FRAMING } from '../ocs/status.js';
import { RELEASES, type Release } from './catalog.js';
import { BACKGROUNDS_29, THEMING_27, THEMING_30, THEMING_31_0_11, THEMING_34, type ThemingCapabilityKey, type ThemingPreferenceKey } from './theming.js';
import type { CodeId, MessageId } from './messages.js';

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
    /**
     * GET /cloud/users/{id}/groups as a sub-admin: array_intersect() of the caller's sub-admin groups
     * (keyed by group id, SubAdmin::getSubAdminsGroups) keeps those keys, a JSON object {"g":"g"}
     * and XML <g>g</g> (up to 30; recording users-get-users-groups/as-subadmin-accessible), or is
     * array_values()'d into a list (31+). Not in DIFFERENCES.md: UsersController::getUsersGroups of S30 and S31a.
     */
    subAdminUserGroups: 'keyed' | 'list';
  };
  /** OCS message texts that changed, by id (read through messageOf); §7 and User\Manager::validateUserId. */
  messages: Readonly<Record<MessageId, string>>;
  /** OCS status codes that changed, by id; §7. */
  codes: Readonly<Record<CodeId, number>>;
  /** IUserManager::MAX_USERID_LENGTH, checked by createUser from 31.0.6 (null: no check, recording users-add-user/id-too-long). */
  userIdMaxLength: number | null;
  /** editUser keys and e-mail handling that came later, beyond `properties`; §6. */
  userEdits: {
    /** User settings in the core app editUser sets: first_day_of_week (30+), timezone (32+). */
    settings: readonly UserSetting[];
    /** Account properties only users edit, with their scope, on themselves: birthdate (30+). */
    selfProperties: readonly 'birthdate'[];
    /** E-mail addresses are lower-cased and trimmed before they are stored, by addUser too (31.0.11+). */
    normaliseEmails: boolean;
    /** Removing (value '') the additional address that is the notification address clears that too (30+, editUserMultiValue). */
    clearNotifyEmailWithAddress: boolean;
    /**
     * AccountManager::updateAccount: an invalid phone or website stored as '' (lenient, up to 30) or
     * phone, website, twitter and fediverse refused (strict, 31.0.2+; AccountManager.php of 30.0.5
     * and 31.0.2, not in DIFFERENCES.md).
     */
    propertyValues: 'lenient' | 'strict';
  };
  /** GET/POST/DELETE /cloud/apps (apps/provisioning_api/lib/Controller/AppsController.php); §11. */
  apps: {
    /** `filter=disabled`: array_diff() with its keys (up to 30; a JSON object once there is a gap) or array_values() (31+). */
    disabledList: 'diff-keys' | 'list';
    /** getAppInfo, enable and disable refuse an id AppManager::cleanAppId() changes: 997 'Invalid app id given' (32+). */
    verifyAppId: boolean;
    /**
     * Which `filter` values getApps treats as no filter (the full list): PHP-falsy ones, '' and '0'
     * (`if ($filter)`, up to 33), or only an absent one (`$filter !== null`, 34+: '' is 101 'Invalid
     * filter'). AppsController::getApps of S33 and S34; recording apps-get-apps/empty-filter.
     */
    noFilter: 'falsy' | 'absent';
  };
  /** What a login records (lib/private/User/Session.php::completeLogin, User::updateLastLoginTimestamp); §5. */
  logins: {
    /** App-password and Bearer logins set the last login too (31+, nextcloud/server#45020; absent in 30.0.5). */
    tokenUpdatesLastLogin: boolean;
    /** The first login is recorded, -1 for an account that logged in before (31+). */
    recordsFirstLogin: boolean;
  };
  /** apps/theming/lib/Listener/BeforePreferenceListener.php: which user preferences it lets the provisioning API write. */
  themingPreferences: {
    /** ALLOWED_KEYS of `theming`, in order. */
    keys: readonly ThemingPreferenceKey[];
    /** It also judges `core/apporder` (28+). */
    coreAppOrder: boolean;
  };
  /** GET /cloud/capabilities: blocks whose keys differ between releases; §10. */
  capabilities: {
    /** core: `mod-rewrite-working` (29+; lib/private/OCS/CoreCapabilities.php). */
    modRewriteWorking: boolean;
    /** The theming block's keys, in the order apps/theming/lib/Capabilities.php emits them (matrix.json themingCapabilityKeys). */
    themingKeys: readonly ThemingCapabilityKey[];
    /**
     * Where theming's colours come from (ThemingDefaults): one colour, the admin's `color` or the
     * user's `background_color` (up to 29), or a primary colour (`primary_color`) and a separate
     * background colour (`background_color`), each from the admin or the user (30+).
     */
    themingColors: 'single' | 'primary-and-background';
    /** BackgroundService::DEFAULT_BACKGROUND_IMAGE. */
    defaultBackground: string;
    /** BackgroundService::SHIPPED_BACKGROUNDS. */
    shippedBackgrounds: readonly string[];
  };
  /** theming's appinfo/info.xml version (34's theming cacheBuster hashes it); §10. */
  themingVersion: string;
}

/** Per-user settings editUser writes besides language and locale. */
export type UserSetting = 'first_day_of_week' | 'timezone';

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
    subAdminDisabledKeeps: 'enabled',
    subAdminDisabledPaging: 'per-group-limit',
    groupMembersListUsers: false,
    groupSearchOrder: 'uid_lower',
    subAdminUserGroups: 'keyed',
  },
  messages: {
    adminRequired: 'Logged in user must be an admin',
    adminSettingRequired: 'Logged in user must be an admin, a sub admin or gotten special right to access this setting',
    subAdminRequired: 'Logged in user must be at least a sub admin',
    appConfigForbidden: 'Logged in user must be an administrator or have authorization to edit this setting.',
    groupMissing: 'group {group} does not exist',
    groupForbidden: 'insufficient privileges for group {group}',
    noGroupForSubAdmin: 'no group specified (required for subadmins)',
    subAdminGroupMissing: 'Subadmin group does not exist',
    subAdminOfAdminGroup: 'Cannot create subadmins for admin group',
    promoteForbidden: 'No permissions to promote subadmins',
    passwordLinkNeedsEmail: 'To send a password link to the user an email address is required.',
    invalidQuota: 'Invalid quota value {value}',
    notSubAdminOfGroup: 'User is not a subadmin of this group',
    removeSelfAsSubAdmin: 'Cannot remove yourself from this group as you are a SubAdmin',
    removeFromLastSubAdminGroup: 'Not viable to remove user from the last group you are SubAdmin of',
    appsBadFilter: '',
    loginInvalidChars: 'Only the following characters are allowed in a username: "a-z", "A-Z", "0-9", spaces and "_.@-\'"',
    loginEmpty: 'A valid username must be provided',
    loginWhitespace: 'Username contains whitespace at the beginning or at the end',
    loginDots: 'Username must not consist of dots only',
    loginTooLong: '',
  },
  codes: { subAdminGroupMissing: 102, editUserKeyRefused: 103, editUserInvalidValue: 102, editUserPasswordPolicy: 103 },
  userIdMaxLength: null,
  userEdits: { settings: [], selfProperties: [], normaliseEmails: false, clearNotifyEmailWithAddress: false, propertyValues: 'lenient' },
  apps: { disabledList: 'diff-keys', verifyAppId: false, noFilter: 'falsy' },
  logins: { tokenUpdatesLastLogin: false, recordsFirstLogin: false },
  themingPreferences: { keys: ['shortcuts_disabled'], coreAppOrder: false },
  capabilities: {
    modRewriteWorking: false,
    themingKeys: THEMING_27,
    themingColors: 'single',
    defaultBackground: 'kamil-porembinski-clouds.jpg',
    shippedBackgrounds: BACKGROUNDS_29,
  },
  themingVersion: '2.2.0',
};

/** What each release changed, keyed by the first release we have that shows it. */
const CHANGES: Record<string, Changes> = {
  '28.0.2': { provisioningApiVersion: '1.18.0', themingVersion: '2.3.0', themingPreferences: { coreAppOrder: true } },
  '29.0.1': {
    provisioningApiVersion: '1.19.0',
    themingVersion: '2.4.0',
    capabilities: { modRewriteWorking: true },
    lists: { subAdminDisabledKeeps: 'disabled' },
    // "account" and "sub-admin" wording, translated (S28 -> S29a; recordings users-add-user/*, apps-get-apps/as-user).
    messages: {
      adminRequired: 'Logged in account must be an admin',
      adminSettingRequired: 'Logged in account must be an admin, a sub admin or gotten special right to access this setting',
      subAdminRequired: 'Logged in account must be at least a sub admin',
      appConfigForbidden: 'Logged in account must be an administrator or have authorization to edit this setting.',
      groupMissing: 'Group {group} does not exist',
      groupForbidden: 'Insufficient privileges for group {group}',
      noGroupForSubAdmin: 'No group specified (required for sub-admins)',
      subAdminGroupMissing: 'Sub-admin group does not exist',
      subAdminOfAdminGroup: 'Cannot create sub-admins for admin group',
      promoteForbidden: 'No permissions to promote sub-admins',
      invalidQuota: 'Invalid quota value: {value}',
      notSubAdminOfGroup: 'User is not a sub-admin of this group',
      removeSelfAsSubAdmin: 'Cannot remove yourself from this group as you are a sub-admin',
      removeFromLastSubAdminGroup: 'Not viable to remove user from the last group you are sub-admin of',
      loginInvalidChars: 'Only the following characters are allowed in an Login: "a-z", "A-Z", "0-9", spaces and "_.@-\'"',
      loginEmpty: 'A valid Login must be provided',
      loginWhitespace: 'Login contains whitespace at the beginning or at the end',
      loginDots: 'Login must not consist of dots only',
    },
  },
  '29.0.6': {
    // Absent in 29.0.1 (Fiize46/latest), present in 29.0.6.
    themingPreferences: { keys: ['force_enable_blur_filter', 'shortcuts_disabled'] },
  },
  '30.0.5': {
    provisioningApiVersion: '1.20.0',
    ocsApiRequest: 'non-empty',
    userDetails: { managers: 'visible-to-caller' },
    lists: { subAdminDisabledPaging: 'unique-slice' },
    messages: { passwordLinkNeedsEmail: 'An email address is required, to send a password link to the user.' },
    codes: { subAdminGroupMissing: 109, editUserKeyRefused: 113, editUserInvalidValue: 101, editUserPasswordPolicy: 107 },
    userEdits: { settings: ['first_day_of_week'], selfProperties: ['birthdate'], clearNotifyEmailWithAddress: true },
    themingPreferences: { keys: ['force_enable_blur_filter', 'shortcuts_disabled', 'primary_color'] },
    themingVersion: '2.5.0',
    capabilities: {
      themingKeys: THEMING_30,
      themingColors: 'primary-and-background',
      defaultBackground: 'jenna-kim-the-globe.webp',
      shippedBackgrounds: ['jenna-kim-the-globe.webp', ...BACKGROUNDS_29],
    },
  },
  '31.0.2': {
    provisioningApiVersion: '1.21.0',
    themingVersion: '2.6.1',
    framework: { v2MetaCode: 'ocs', v1Counts: true, loginFailureXml: false, maintenanceFromQuery: false },
    editableFields: ['displayname', 'email', 'additional_mail', 'phone', 'address', 'website', 'twitter', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled', 'pronouns'],
    properties: ['phone', 'address', 'website', 'twitter', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled', 'pronouns'],
    userDetails: { loginTimestamps: true, quotaFromHomeCache: true },
    userEdits: { propertyValues: 'strict' },
    apps: { disabledList: 'list' },
    lists: { subAdminUserGroups: 'list' },
    logins: { tokenUpdatesLastLogin: true, recordsFirstLogin: true },
  },
  '31.0.6': { messages: { loginTooLong: 'Login is too long' }, userIdMaxLength: 64 },
  '31.0.11': {
    userDetails: { additionalMailNormalized: true },
    lists: { groupSearchOrder: 'uid' },
    userEdits: { normaliseEmails: true },
    // Absent in 31.0.6.
    capabilities: { themingKeys: THEMING_31_0_11 },
  },
  '32.0.2': {
    provisioningApiVersion: '1.22.0',
    themingVersion: '2.7.0',
    capabilities: {
      defaultBackground: 'jo-myoung-hee-fluid.webp',
      shippedBackgrounds: ['jo-myoung-hee-fluid.webp', 'jenna-kim-the-globe.webp', ...BACKGROUNDS_29],
    },
    framework: { format: 'negotiated' },
    negotiation: 'request-format',
    malformedJson: 'error',
    editableFields: ['displayname', 'email', 'additional_mail', 'phone', 'address', 'website', 'twitter', 'bluesky', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled', 'pronouns'],
    properties: ['phone', 'address', 'website', 'twitter', 'bluesky', 'fediverse', 'organisation', 'role', 'headline', 'biography', 'profile_enabled', 'pronouns'],
    userDetails: { timezone: true },
    // getGroupUsers gained @NoSubAdminRequired; its own check then wants a member (or more).
    access: { 'groups-get-group-users': 'user' },
    lists: { groupMembersListUsers: true },
    userEdits: { settings: ['first_day_of_week', 'timezone'] },
    apps: { verifyAppId: true },
  },
  '33.0.2': { provisioningApiVersion: '1.23.0', themingVersion: '2.8.0' },
  '34.0.1': {
    provisioningApiVersion: '1.24.0',
    messages: { loginTooLong: 'Username is too long', appsBadFilter: 'Invalid filter' },
    apps: { noFilter: 'absent' },
    themingVersion: '2.9.0',
    capabilities: { themingKeys: THEMING_34 },
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

/**
 * The versions of the shipped apps the release fixes (their appinfo/info.xml): a shipped app cannot
 * be updated apart from the server, so these win over a fixture's `version`.
 */
export function shippedAppVersions(profile: ReleaseProfile): Readonly<Record<string, string>> {
  return { provisioning_api: profile.provisioningApiVersion, theming: profile.themingVersion };
}
