import type { Negotiation } from '../ocs/negotiate.js';
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
  };
  /** GET/POST/DELETE /cloud/apps (apps/provisioning_api/lib/Controller/AppsController.php); §11. */
  apps: {
    /** `filter=disabled`: array_diff() with its keys (up to 30; a JSON object once there is a gap) or array_values() (31+). */
    disabledList: 'diff-keys' | 'list';
    /** getAppInfo, enable and disable refuse an id AppManager::cleanAppId() changes: 997 'Invalid app id given' (32+). */
    verifyAppId: boolean;
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

export type ThemingPreferenceKey = 'force_enable_blur_filter' | 'shortcuts_disabled' | 'primary_color';

export type ThemingCapabilityKey =
  | 'name' | 'productName' | 'url' | 'imprintUrl' | 'privacyUrl' | 'slogan' | 'color' | 'color-text' | 'color-element'
  | 'color-element-bright' | 'color-element-dark' | 'logo' | 'background' | 'background-text' | 'background-plain'
  | 'background-default' | 'logoheader' | 'favicon' | 'primaryColor' | 'backgroundColor' | 'defaultPrimaryColor'
  | 'defaultBackgroundColor' | 'inverted' | 'cacheBuster' | 'enabledThemes';

/** BackgroundService::SHIPPED_BACKGROUNDS of 29.0.6; later releases add their new default in front. */
const BACKGROUNDS_29 = [
  'hannah-maclean-soft-floral.jpg', 'ted-moravec-morning-fog.jpg', 'stefanus-martanto-setyo-husodo-underwater-ocean.jpg',
  'zoltan-voros-rhythm-and-blues.jpg', 'anatoly-mikhaltsov-butterfly-wing-scale.jpg', 'bernie-cetonia-aurata-take-off-composition.jpg',
  'dejan-krsmanovic-ribbed-red-metal.jpg', 'eduardo-neves-pedra-azul.jpg', 'european-space-agency-barents-bloom.jpg',
  'hannes-fritz-flippity-floppity.jpg', 'hannes-fritz-roulette.jpg', 'hannes-fritz-sea-spray.jpg', 'kamil-porembinski-clouds.jpg',
  'bernard-spragg-new-zealand-fern.jpg', 'rawpixel-pink-tapioca-bubbles.jpg', 'nasa-waxing-crescent-moon.jpg',
  'tommy-chau-already.jpg', 'tommy-chau-lion-rock-hill.jpg', 'lali-masriera-yellow-bricks.jpg',
];

const THEMING_27: readonly ThemingCapabilityKey[] = [
  'name', 'url', 'slogan', 'color', 'color-text', 'color-element', 'color-element-bright', 'color-element-dark',
  'logo', 'background', 'background-plain', 'background-default', 'logoheader', 'favicon',
];
const THEMING_30: readonly ThemingCapabilityKey[] = [
  'name', 'url', 'slogan', 'color', 'color-text', 'color-element', 'color-element-bright', 'color-element-dark',
  'logo', 'background', 'background-text', 'background-plain', 'background-default', 'logoheader', 'favicon',
];
const THEMING_31_0_11: readonly ThemingCapabilityKey[] = [
  'name', 'productName', 'url', 'slogan', 'color', 'color-text', 'color-element', 'color-element-bright', 'color-element-dark',
  'logo', 'background', 'background-text', 'background-plain', 'background-default', 'logoheader', 'favicon',
];
const THEMING_34: readonly ThemingCapabilityKey[] = [
  'name', 'productName', 'url', 'imprintUrl', 'privacyUrl', 'slogan', 'color', 'color-text', 'color-element',
  'color-element-bright', 'color-element-dark', 'logo', 'background', 'background-text', 'background-plain',
  'background-default', 'logoheader', 'favicon', 'primaryColor', 'backgroundColor', 'defaultPrimaryColor',
  'defaultBackgroundColor', 'inverted', 'cacheBuster', 'enabledThemes',
];

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
  userDetails: { loginTimestamps: false, timezone: false, quotaFromHomeCache: false },
  apps: { disabledList: 'diff-keys', verifyAppId: false },
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
  '29.0.1': { provisioningApiVersion: '1.19.0', themingVersion: '2.4.0', capabilities: { modRewriteWorking: true } },
  // Absent in 29.0.1 (Fiize46/latest), present in 29.0.6.
  '29.0.6': { themingPreferences: { keys: ['force_enable_blur_filter', 'shortcuts_disabled'] } },
  '30.0.5': {
    provisioningApiVersion: '1.20.0',
    ocsApiRequest: 'non-empty',
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
    apps: { disabledList: 'list' },
    logins: { tokenUpdatesLastLogin: true, recordsFirstLogin: true },
  },
  // Absent in 31.0.6.
  '31.0.11': { capabilities: { themingKeys: THEMING_31_0_11 } },
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
    apps: { verifyAppId: true },
  },
  '33.0.2': { provisioningApiVersion: '1.23.0', themingVersion: '2.8.0' },
  '34.0.1': {
    provisioningApiVersion: '1.24.0',
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
