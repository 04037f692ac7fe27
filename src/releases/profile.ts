import type { GroupSearchOrder } from '../domain/userBackend.js';
import type { Negotiation } from '../ocs/negotiate.js';
import type { Access } from '../operations.js';
import type { ProfileProperty } from '../state/model.js';
import type { Release } from './catalog.js';
import type { ThemingCapabilityKey, ThemingPreferenceKey } from './theming.js';
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
  /**
   * GET /cloud/user/fields in an order of its own (34: IAccountManager::ALLOWED_PROPERTIES, with
   * birthdate), or null: displayname, email, additional_mail, then the release's `properties`
   * (27-33, default config, Database backend); §6.
   */
  editableFieldsOrder: readonly string[] | null;
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
