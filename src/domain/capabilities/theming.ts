import { createHash } from 'node:crypto';
import type { PhpValue } from '../../ocs/php.js';
import type { ThemingCapabilityKey } from '../../releases/theming.js';
import type { State, User } from '../../state/model.js';
import { appValue, phpInt, userValue } from '../appValues.js';
import { elementColor, invertsText, textColorFor } from './themingColors.js';
import type { CapabilityEnv, CapabilityProvider, PhpMap } from './types.js';
import type { ServerUrls } from './urls.js';

/** OC_Defaults, used while theming's app config does not override them. */
const DEFAULT_NAME = 'Nextcloud';
const DEFAULT_URL = 'https://nextcloud.com';
const DEFAULT_SLOGAN = 'a safe home for all your data';

/** BackgroundService::DEFAULT_COLOR up to 29, and its accessible variant, DEFAULT_COLOR from 30 on. */
const DEFAULT_COLOR = '#0082c9';
const DEFAULT_ACCESSIBLE_COLOR = '#00679e';
const BACKGROUND_CUSTOM = 'custom';
/** BackgroundService::BACKGROUND_DEFAULT (30+): the user keeps the admin's background. */
const BACKGROUND_DEFAULT = 'default';

const VALID_COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

const theming = (state: State, key: string, fallback: string) => appValue(state, 'theming', key, fallback);

/** strip_tags() for tags and comments: '<' followed by a non-space up to the next '>' (or the end). */
function stripTags(text: string): string {
  return text.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/<(?![\s<])[^>]*(>|$)/g, '');
}

/** OCP\Util::sanitizeHTML(): htmlspecialchars($value, ENT_QUOTES). */
function sanitizeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#039;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** ThemingDefaults::getDefaultColorPrimary(): the admin's colour when valid. */
function defaultColorPrimary(state: State): string {
  const color = theming(state, 'color', '');
  return VALID_COLOR.test(color) ? color : DEFAULT_COLOR;
}

/** ThemingDefaults::getColorPrimary(): the user's own colour unless user theming is disabled. */
function colorPrimary(state: State, user: User): string {
  const fallback = defaultColorPrimary(state);
  if (theming(state, 'disable-user-theming', 'no') === 'yes') return fallback;
  const own = userValue(user, 'theming', 'background_color', '');
  return VALID_COLOR.test(own) ? own : fallback;
}

/** The default colour is replaced by its accessible variant, as DefaultTheme does. */
function accessible(color: string): string {
  return color === DEFAULT_COLOR ? DEFAULT_ACCESSIBLE_COLOR : color;
}

/** ImageManager::hasImage(): an uploaded image; removing the background stores 'backgroundColor'. */
function hasImage(state: State, key: string): boolean {
  const mime = theming(state, `${key}Mime`, '');
  return mime !== '' && mime !== 'backgroundColor';
}

/** ThemingDefaults::getLogo() (SVG): the uploaded logo's route, else core's logo; '?v=' the cache buster. */
function logoUrl(state: State, urls: ServerUrls): string {
  const cacheBuster = theming(state, 'cachebuster', '0');
  const mime = theming(state, 'logoMime', '');
  // PHP's `!$logo`: '' and '0' count as no logo.
  if (mime === '' || mime === '0') return `${urls.coreImage('logo/logo.svg')}?v=${cacheBuster}`;
  return `${urls.route('/apps/theming/image/logo')}?useSvg=1&v=${cacheBuster}`;
}

/** ImageManager::getImageUrl('background'), made absolute: the uploaded image, else the release's default. */
function backgroundUrl(state: State, urls: ServerUrls, defaultImage: string): string {
  if (hasImage(state, 'background')) return `${urls.route('/apps/theming/image/background')}?v=${theming(state, 'cachebuster', '0')}`;
  return urls.appFile('theming', `img/background/${defaultImage}`);
}

/** The values of the keys every release has, and of those some releases add. */
type ThemingValues = Partial<Record<ThemingCapabilityKey, PhpValue>>;

/** The keys 27-29 and 30+ share but compute from different colours. */
interface ThemeColors {
  color: string;
  background: string;
  backgroundPlain: boolean;
}

/** Up to 29 (ThemingDefaults::getColorPrimary): one colour, the admin's `color` or the user's `background_color`. */
function singleColorTheme({ state, user, urls, profile }: CapabilityEnv): ThemeColors {
  let color = accessible(defaultColorPrimary(state));
  const backgroundMime = theming(state, 'backgroundMime', '');
  // As in NC 29: with the (accessible) default colour the anonymous background is the plain colour.
  let backgroundPlain = backgroundMime === 'backgroundColor' || (backgroundMime === '' && color !== DEFAULT_COLOR);
  let background = backgroundPlain ? color : backgroundUrl(state, urls, profile.capabilities.defaultBackground);
  if (user) {
    color = accessible(colorPrimary(state, user));
    const image = userValue(user, 'theming', 'background_image', profile.capabilities.defaultBackground);
    if (image === BACKGROUND_CUSTOM) {
      backgroundPlain = false;
      background = urls.route('/apps/theming/background');
    } else if (profile.capabilities.shippedBackgrounds.includes(image)) {
      backgroundPlain = false;
      background = urls.appFile('theming', `img/background/${image}`);
    } else {
      backgroundPlain = true;
      background = color;
    }
  }
  return { color, background, backgroundPlain };
}

/** A colour the user set for themselves (ThemingDefaults, 30+), unless user theming is disabled. */
function ownColor(state: State, user: User | null, key: string): string | null {
  if (!user || theming(state, 'disable-user-theming', 'no') === 'yes') return null;
  const own = userValue(user, 'theming', key, '');
  return VALID_COLOR.test(own) ? own : null;
}

/** ThemingDefaults::getDefaultColorPrimary() / getDefaultColorBackground() of 30+: the admin's, else #00679e. */
function adminColor(state: State, key: string): string {
  const color = theming(state, key, '');
  return VALID_COLOR.test(color) ? color : DEFAULT_ACCESSIBLE_COLOR;
}

/**
 * 30+ (Capabilities::getCapabilities): a primary and a separate background colour. The user's
 * shipped background is a relative link (linkTo); the user's `background_image` 'default' keeps
 * the admin's background.
 */
function primaryAndBackgroundTheme({ state, user, urls, profile }: CapabilityEnv, backgroundColor: string): ThemeColors {
  const backgroundMime = theming(state, 'backgroundMime', '');
  let backgroundPlain = backgroundMime === 'backgroundColor' || (backgroundMime === '' && backgroundColor !== DEFAULT_ACCESSIBLE_COLOR);
  let background = backgroundPlain ? backgroundColor : backgroundUrl(state, urls, profile.capabilities.defaultBackground);
  if (!user) return { color: adminColor(state, 'primary_color'), background, backgroundPlain };
  const image = userValue(user, 'theming', 'background_image', BACKGROUND_DEFAULT);
  if (image === BACKGROUND_CUSTOM) {
    backgroundPlain = false;
    background = urls.route('/apps/theming/background');
  } else if (profile.capabilities.shippedBackgrounds.includes(image)) {
    backgroundPlain = false;
    background = urls.appPath('theming', `img/background/${image}`);
  } else if (image !== BACKGROUND_DEFAULT) {
    backgroundPlain = true;
    background = backgroundColor;
  }
  return { color: ownColor(state, user, 'primary_color') ?? adminColor(state, 'primary_color'), background, backgroundPlain };
}

/**
 * ThemesService::getEnabledThemes() (34) without an enforced theme: none for anonymous callers,
 * else the user's `enabled-themes` (default ["default"]); json_decode() gives null for bad JSON.
 */
function enabledThemes(user: User | null): PhpValue {
  if (!user) return [];
  try {
    return JSON.parse(userValue(user, 'theming', 'enabled-themes', '["default"]')) as PhpValue;
  } catch {
    return null;
  }
}

/** Util::getCacheBuster() (34): sha1 of the server version, theming's version, the user's and the admin's counters, 8 digits. */
function cacheBuster({ state, user, profile }: CapabilityEnv): string {
  const userPart = user ? `${user.id}_${phpInt(userValue(user, 'theming', 'userCacheBuster', '0'))}` : '';
  const source = profile.release.version + (state.apps.get('theming')?.version ?? '') + userPart + theming(state, 'cachebuster', '0');
  return createHash('sha1').update(source).digest('hex').slice(0, 8);
}

/**
 * apps/theming/lib/Capabilities.php: the admin's theme, and for a logged-in user their colour and
 * background, with the keys of the served release in its order.
 */
function themingCapabilities(env: CapabilityEnv): PhpMap {
  const { state, user, urls, profile } = env;
  const separate = profile.capabilities.themingColors === 'primary-and-background';
  const backgroundColor = ownColor(state, user, 'background_color') ?? adminColor(state, 'background_color');
  const { color, background, backgroundPlain } = separate ? primaryAndBackgroundTheme(env, backgroundColor) : singleColorTheme(env);
  const logo = logoUrl(state, urls);
  const values: ThemingValues = {
    name: stripTags(theming(state, 'name', DEFAULT_NAME)),
    productName: stripTags(theming(state, 'productName', DEFAULT_NAME)),
    url: theming(state, 'url', DEFAULT_URL),
    imprintUrl: theming(state, 'imprintUrl', ''),
    privacyUrl: theming(state, 'privacyUrl', ''),
    slogan: sanitizeHtml(theming(state, 'slogan', DEFAULT_SLOGAN)),
    color,
    'color-text': textColorFor(color),
    'color-element': elementColor(color),
    'color-element-bright': elementColor(color),
    'color-element-dark': elementColor(color, false),
    logo,
    background,
    'background-text': textColorFor(backgroundColor),
    'background-plain': backgroundPlain,
    'background-default': !hasImage(state, 'background'),
    logoheader: logo,
    favicon: logo,
    primaryColor: color,
    backgroundColor,
    defaultPrimaryColor: adminColor(state, 'primary_color'),
    defaultBackgroundColor: adminColor(state, 'background_color'),
    inverted: invertsText(color),
    cacheBuster: cacheBuster(env),
    enabledThemes: enabledThemes(user),
  };
  const block: PhpMap = {};
  for (const key of profile.capabilities.themingKeys) block[key] = values[key] ?? null;
  return { theming: block };
}

export const themingProvider: CapabilityProvider = { public: true, build: themingCapabilities };
