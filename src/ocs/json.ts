import type { PhpValue } from './php.js';

// DEL (0x7f) is ASCII: json_encode writes it raw; only characters from 0x80 up become \u escapes (e.g. \u00e9).
const PHP_ESCAPES = /[\u0080-\uffff<>/]/g;

/**
 * PHP's json_encode($value, JSON_HEX_TAG): compact, `\/`, non-ASCII as lowercase `\u00e9` escapes (surrogate
 * pairs for astral characters), `<` `>` as `\u003C` `\u003E`, empty arrays and maps as `[]`.
 */
export function toPhpJson(value: unknown): string {
  // A replacer costs a call per value: only answers that hold an empty object (seen as `{}`) need one.
  const plain = JSON.stringify(value);
  const json = plain.includes('{}') ? JSON.stringify(value, phpArrays) : plain;
  return needsEscapes(json) ? json.replace(PHP_ESCAPES, escapeChar) : json;
}

/** Most answers hold nothing to escape: these scans cost a tenth of running the regex over the text. */
function needsEscapes(json: string): boolean {
  return json.includes('/') || json.includes('<') || json.includes('>') || Buffer.byteLength(json) !== json.length;
}

function escapeChar(char: string): string {
  if (char === '/') return '\\/';
  if (char === '<') return '\\u003C';
  if (char === '>') return '\\u003E';
  return '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0');
}

function phpArrays(_key: string, value: PhpValue): PhpValue {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
    return [];
  }
  return value;
}
