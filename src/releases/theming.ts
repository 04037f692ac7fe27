/**
 * Theming data that differs between releases (DIFFERENCES.md §10; matrix.json
 * themingCapabilityKeys; apps/theming BackgroundService and BeforePreferenceListener of each
 * release), referenced by the release profiles.
 */

export type ThemingPreferenceKey = 'force_enable_blur_filter' | 'shortcuts_disabled' | 'primary_color';

export type ThemingCapabilityKey =
  | 'name' | 'productName' | 'url' | 'imprintUrl' | 'privacyUrl' | 'slogan' | 'color' | 'color-text' | 'color-element'
  | 'color-element-bright' | 'color-element-dark' | 'logo' | 'background' | 'background-text' | 'background-plain'
  | 'background-default' | 'logoheader' | 'favicon' | 'primaryColor' | 'backgroundColor' | 'defaultPrimaryColor'
  | 'defaultBackgroundColor' | 'inverted' | 'cacheBuster' | 'enabledThemes';

/** BackgroundService::SHIPPED_BACKGROUNDS of 29.0.6; later releases add their new default in front. */
export const BACKGROUNDS_29 = [
  'hannah-maclean-soft-floral.jpg', 'ted-moravec-morning-fog.jpg', 'stefanus-martanto-setyo-husodo-underwater-ocean.jpg',
  'zoltan-voros-rhythm-and-blues.jpg', 'anatoly-mikhaltsov-butterfly-wing-scale.jpg', 'bernie-cetonia-aurata-take-off-composition.jpg',
  'dejan-krsmanovic-ribbed-red-metal.jpg', 'eduardo-neves-pedra-azul.jpg', 'european-space-agency-barents-bloom.jpg',
  'hannes-fritz-flippity-floppity.jpg', 'hannes-fritz-roulette.jpg', 'hannes-fritz-sea-spray.jpg', 'kamil-porembinski-clouds.jpg',
  'bernard-spragg-new-zealand-fern.jpg', 'rawpixel-pink-tapioca-bubbles.jpg', 'nasa-waxing-crescent-moon.jpg',
  'tommy-chau-already.jpg', 'tommy-chau-lion-rock-hill.jpg', 'lali-masriera-yellow-bricks.jpg',
];

export const THEMING_27: readonly ThemingCapabilityKey[] = [
  'name', 'url', 'slogan', 'color', 'color-text', 'color-element', 'color-element-bright', 'color-element-dark',
  'logo', 'background', 'background-plain', 'background-default', 'logoheader', 'favicon',
];
export const THEMING_30: readonly ThemingCapabilityKey[] = [
  'name', 'url', 'slogan', 'color', 'color-text', 'color-element', 'color-element-bright', 'color-element-dark',
  'logo', 'background', 'background-text', 'background-plain', 'background-default', 'logoheader', 'favicon',
];
export const THEMING_31_0_11: readonly ThemingCapabilityKey[] = [
  'name', 'productName', 'url', 'slogan', 'color', 'color-text', 'color-element', 'color-element-bright', 'color-element-dark',
  'logo', 'background', 'background-text', 'background-plain', 'background-default', 'logoheader', 'favicon',
];
export const THEMING_34: readonly ThemingCapabilityKey[] = [
  'name', 'productName', 'url', 'imprintUrl', 'privacyUrl', 'slogan', 'color', 'color-text', 'color-element',
  'color-element-bright', 'color-element-dark', 'logo', 'background', 'background-text', 'background-plain',
  'background-default', 'logoheader', 'favicon', 'primaryColor', 'backgroundColor', 'defaultPrimaryColor',
  'defaultBackgroundColor', 'inverted', 'cacheBuster', 'enabledThemes',
];
