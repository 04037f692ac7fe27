import { OC_API_FRAMING } from '../ocs/status.js';
import { RELEASES, type Release } from './catalog.js';
import type { ReleaseProfile } from './profile.js';
import { BACKGROUNDS_29, THEMING_27, THEMING_30, THEMING_31_0_11, THEMING_34 } from './theming.js';


// The release profiles (their type is in ./profile.ts): the oldest release's facts, then each
// change at the first release we have that shows it, with its source.

type Changes = {
  [K in keyof Omit<ReleaseProfile, 'release'>]?: ReleaseProfile[K] extends readonly unknown[] | string | null
    ? ReleaseProfile[K]
    : Partial<ReleaseProfile[K]>;
};

const OLDEST: Omit<ReleaseProfile, 'release'> = {
  provisioningApiVersion: '1.17.0',
  framework: { ...OC_API_FRAMING, format: 'parameter', loginFailureXml: true, maintenanceFromQuery: true },
  negotiation: 'responders',
  ocsApiRequest: 'true',
  malformedJson: 'ignored',
  editableFieldsOrder: null,
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
    editableFieldsOrder: ['address', 'biography', 'birthdate', 'displayname', 'email', 'fediverse', 'headline', 'organisation', 'phone', 'profile_enabled', 'pronouns', 'role', 'twitter', 'bluesky', 'website', 'additional_mail'],
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
