/**
 * The colour arithmetic behind the theming capabilities: mexitek/phpcolors' Color (hex <-> HSL,
 * darken, lighten) and OCA\Theming\Util (WCAG luma and contrast, invertTextColor, elementColor).
 * Inputs are colours ThemingDefaults has already validated (#rgb or #rrggbb).
 */

interface Hsl {
  H: number;
  S: number;
  L: number;
}

function rgbOf(color: string): [number, number, number] {
  let hex = color.replace(/#/g, '');
  if (hex.length === 3) hex = hex[0]! + hex[0] + hex[1] + hex[1] + hex[2] + hex[2];
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Color::hexToHsl(): H in degrees, S and L in 0..1. */
function hexToHsl(color: string): Hsl {
  const [r, g, b] = rgbOf(color).map((c) => c / 255) as [number, number, number];
  const min = Math.min(r, g, b);
  const max = Math.max(r, g, b);
  const delta = max - min;
  const L = (max + min) / 2;
  if (delta === 0) return { H: 0, S: 0, L };
  const S = L < 0.5 ? delta / (max + min) : delta / (2 - max - min);
  const dR = ((max - r) / 6 + delta / 2) / delta;
  const dG = ((max - g) / 6 + delta / 2) / delta;
  const dB = ((max - b) / 6 + delta / 2) / delta;
  let H = r === max ? dB - dG : g === max ? 1 / 3 + dR - dB : 2 / 3 + dG - dR;
  if (H < 0) H++;
  if (H > 1) H--;
  return { H: H * 360, S, L };
}

function hueToRgb(v1: number, v2: number, hue: number): number {
  let vH = hue;
  if (vH < 0) vH++;
  if (vH > 1) vH--;
  if (6 * vH < 1) return v1 + (v2 - v1) * 6 * vH;
  if (2 * vH < 1) return v2;
  if (3 * vH < 2) return v1 + (v2 - v1) * (2 / 3 - vH) * 6;
  return v1;
}

/** PHP's round(): half away from zero, after rounding to 15 significant digits as PHP does first. */
function phpRound(value: number): number {
  return Math.round(Number(value.toPrecision(15)));
}

/** Color::hslToHex(): six lower-case hex digits, no '#'. */
function hslToHex({ H, S, L }: Hsl): string {
  let rgb: number[];
  if (S === 0) {
    rgb = [L * 255, L * 255, L * 255];
  } else {
    const v2 = L < 0.5 ? L * (1 + S) : L + S - S * L;
    const v1 = 2 * L - v2;
    const h = H / 360;
    rgb = [255 * hueToRgb(v1, v2, h + 1 / 3), 255 * hueToRgb(v1, v2, h), 255 * hueToRgb(v1, v2, h - 1 / 3)];
  }
  return rgb.map((c) => phpRound(c).toString(16).padStart(2, '0')).join('');
}

/** Util::darken() / Color::darken($amount): L minus amount percent, floored at 0. */
function darken(color: string, amount: number): string {
  const hsl = hexToHsl(color);
  const L = hsl.L * 100 - amount;
  return '#' + hslToHex({ ...hsl, L: L < 0 ? 0 : L / 100 });
}

/** Util::lighten() / Color::lighten($amount): L plus amount percent, capped at 1. */
function lighten(color: string, amount: number): string {
  const hsl = hexToHsl(color);
  const L = hsl.L * 100 + amount;
  return '#' + hslToHex({ ...hsl, L: L > 100 ? 1 : L / 100 });
}

/** Util::calculateLuma(): WCAG 2 relative luminance. */
function luma(color: string): number {
  const [r, g, b] = rgbOf(color).map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(color1: string, color2: string): number {
  const l1 = luma(color1) + 0.05;
  const l2 = luma(color2) + 0.05;
  return Math.max(l1, l2) / Math.min(l1, l2);
}

/** Util::invertTextColor(): white would have a WCAG contrast under 4.5, so text goes dark. */
export function invertsText(color: string): boolean {
  return contrast(color, '#ffffff') < 4.5;
}

/** The text colour for a colour: '#000000' where invertTextColor() says so, else '#ffffff'. */
export function textColorFor(color: string): string {
  return invertsText(color) ? '#000000' : '#ffffff';
}

/**
 * Util::elementColor($color, $brightBackground) without a background colour (the legacy branch the
 * capabilities use): too bright colours are darkened, too dark ones lightened, by 30 %.
 */
export function elementColor(color: string, brightBackground: boolean | null = null): string {
  const lightness = hexToHsl(color).L;
  if (brightBackground !== false && lightness > 0.8) return darken(color, 30);
  if (brightBackground !== true && lightness < 0.2) return lighten(color, 30);
  return color;
}
