import type { State, User } from '../../state/model.js';
import { appValue, userValue } from '../appValues.js';
import { elementColor, textColorFor } from './themingColors.js';
import type { CapabilityEnv, CapabilityProvider, PhpMap } from './types.js';
import type { ServerUrls } from './urls.js';

/** OC_Defaults, used while theming's app config does not override them. */
const DEFAULT_NAME = 'Nextcloud';
const DEFAULT_URL = 'https://nextcloud.com';
const DEFAULT_SLOGAN = 'a safe home for all your data';

/** apps/theming/lib/Service/BackgroundService.php. */
const DEFAULT_COLOR = '#0082c9';
const DEFAULT_ACCESSIBLE_COLOR = '#00679e';
const DEFAULT_BACKGROUND_IMAGE = 'kamil-porembinski-clouds.jpg';
const BACKGROUND_CUSTOM = 'custom';
const SHIPPED_BACKGROUNDS = new Set([
  'hannah-maclean-soft-floral.jpg',
  'ted-moravec-morning-fog.jpg',
  'stefanus-martanto-setyo-husodo-underwater-ocean.jpg',
  'zoltan-voros-rhythm-and-blues.jpg',
  'anatoly-mikhaltsov-butterfly-wing-scale.jpg',
  'bernie-cetonia-aurata-take-off-composition.jpg',
  'dejan-krsmanovic-ribbed-red-metal.jpg',
  'eduardo-neves-pedra-azul.jpg',
  'european-space-agency-barents-bloom.jpg',
  'hannes-fritz-flippity-floppity.jpg',
  'hannes-fritz-roulette.jpg',
  'hannes-fritz-sea-spray.jpg',
  'kamil-porembinski-clouds.jpg',
  'bernard-spragg-new-zealand-fern.jpg',
  'rawpixel-pink-tapioca-bubbles.jpg',
  'nasa-waxing-crescent-moon.jpg',
  'tommy-chau-already.jpg',
  'tommy-chau-lion-rock-hill.jpg',
  'lali-masriera-yellow-bricks.jpg',
]);

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

/** ImageManager::getImageUrl('background'), made absolute. */
function backgroundUrl(state: State, urls: ServerUrls): string {
  if (hasImage(state, 'background')) return `${urls.route('/apps/theming/image/background')}?v=${theming(state, 'cachebuster', '0')}`;
  return urls.appFile('theming', `img/background/${DEFAULT_BACKGROUND_IMAGE}`);
}

/** apps/theming/lib/Capabilities.php: the admin's theme, and for a logged-in user their colour and background. */
function themingCapabilities({ state, user, urls }: CapabilityEnv): PhpMap {
  let color = accessible(defaultColorPrimary(state));
  const backgroundMime = theming(state, 'backgroundMime', '');
  // As in NC 29: with the (accessible) default colour the anonymous background is the plain colour.
  let backgroundPlain = backgroundMime === 'backgroundColor' || (backgroundMime === '' && color !== DEFAULT_COLOR);
  let background = backgroundPlain ? color : backgroundUrl(state, urls);
  if (user) {
    color = accessible(colorPrimary(state, user));
    const image = userValue(user, 'theming', 'background_image', DEFAULT_BACKGROUND_IMAGE);
    if (image === BACKGROUND_CUSTOM) {
      backgroundPlain = false;
      background = urls.route('/apps/theming/background');
    } else if (SHIPPED_BACKGROUNDS.has(image)) {
      backgroundPlain = false;
      background = urls.appFile('theming', `img/background/${image}`);
    } else {
      backgroundPlain = true;
      background = color;
    }
  }
  const logo = logoUrl(state, urls);
  return {
    theming: {
      name: stripTags(theming(state, 'name', DEFAULT_NAME)),
      url: theming(state, 'url', DEFAULT_URL),
      slogan: sanitizeHtml(theming(state, 'slogan', DEFAULT_SLOGAN)),
      color,
      'color-text': textColorFor(color),
      'color-element': elementColor(color),
      'color-element-bright': elementColor(color),
      'color-element-dark': elementColor(color, false),
      logo,
      background,
      'background-plain': backgroundPlain,
      'background-default': !hasImage(state, 'background'),
      logoheader: logo,
      favicon: logo,
    },
  };
}

export const themingProvider: CapabilityProvider = { public: true, build: themingCapabilities };
