import type { Variant } from './types.js';

/** v2 JSON first: it is the reference the other three are compared with. */
export const VARIANTS: readonly Variant[] = [
  { version: 2, format: 'json', tag: 'v2j', label: 'v2 json' },
  { version: 2, format: 'xml', tag: 'v2x', label: 'v2 xml' },
  { version: 1, format: 'json', tag: 'v1j', label: 'v1 json' },
  { version: 1, format: 'xml', tag: 'v1x', label: 'v1 xml' },
];

/** Per-variant resource names differ only by the tag: map them to one name before comparing variants. */
export function sameAcrossVariants(value: string): string {
  return value.replace(/\bv[12][jx]\b/g, '<variant>');
}
