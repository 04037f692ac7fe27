import { InternalServerError } from '../ocs/OcsError.js';

/**
 * PHP's own conversions that Nextcloud's answers depend on, for values as they arrive here (parsed
 * query/form parameters and decoded JSON): what is an array, which array keys are integers, what
 * `(int)`, `is_numeric()` and `json_decode()` make of a value.
 */

/** A PHP array as parsed here: a list (JS array) or a map (plain object). */
export type PhpArray = unknown[] | { [key: string]: unknown };

export function isPhpArray(value: unknown): value is PhpArray {
  return value !== null && typeof value === 'object';
}

/** The entries of a PHP array, keys as text. */
export function phpArrayEntries(value: PhpArray): [string, unknown][] {
  return Object.entries(value);
}

const INT64_MAX = 2n ** 63n - 1n;

/** PHP stores a string key as an integer when it is a canonical decimal within int64 ("7", "-3"; not "07", "-0"). */
export function isIntegerKey(key: string): boolean {
  if (!/^(0|-?[1-9][0-9]*)$/.test(key)) return false;
  const n = BigInt(key);
  return n <= INT64_MAX && n >= -INT64_MAX - 1n;
}

const WHITESPACE = '[ \\t\\n\\r\\v\\f]*';
const NUMBER = '[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?';
/** is_numeric_string (PHP 8): whitespace on both sides allowed. */
const NUMERIC_STRING = new RegExp(`^${WHITESPACE}${NUMBER}${WHITESPACE}$`);
/** The leading number (int) casts keep, ignoring what follows ("12abc" -> 12, "1e3" -> 1000). */
const LEADING_NUMBER = new RegExp(`^${WHITESPACE}(${NUMBER})`);

/** is_numeric(): numbers and numeric strings; never booleans, null or arrays. */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return true;
  return typeof value === 'string' && NUMERIC_STRING.test(value);
}

/** zend_dval_to_lval: the float truncated, wrapped modulo 2^64 when out of range; NaN and infinities are 0. */
function floatToInt(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Number(BigInt.asIntN(64, BigInt(Math.trunc(value))));
}

/** settype($value, 'int') as the AppFramework applies it to `int` parameters. */
export function phpIntCast(value: unknown): number {
  if (typeof value === 'number') return floatToInt(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const match = LEADING_NUMBER.exec(value);
    if (!match) return 0;
    // A numeric string that overflows saturates (zend_dval_to_lval_cap).
    const number = Number(match[1]);
    if (number >= 2 ** 63) return Number(INT64_MAX);
    if (number < -(2 ** 63)) return -(2 ** 63);
    return Math.trunc(number);
  }
  if (isPhpArray(value)) return Object.keys(value).length > 0 ? 1 : 0;
  return 0;
}

/** json_decode's default nesting limit. */
const JSON_MAX_DEPTH = 512;

/** Whether arrays nest more than `limit` levels deep (stops looking once they do). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (!isPhpArray(value)) return false;
  if (limit === 0) return true;
  return Object.values(value).some((child) => nestsDeeperThan(child, limit - 1));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (!isPhpArray(value)) return false;
  return Object.entries(value).some(([key, child]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(child));
}

/**
 * json_decode($text, true, flags: JSON_THROW_ON_ERROR): what JSON.parse reads, but a JsonException (an
 * uncaught error, 996) for syntax errors, nesting deeper than 512 and unpaired \u surrogates.
 */
export function phpJsonDecode(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InternalServerError('JsonException: Syntax error');
  }
  if (nestsDeeperThan(value, JSON_MAX_DEPTH)) throw new InternalServerError('JsonException: Maximum stack depth exceeded');
  if (hasLoneSurrogate(value)) throw new InternalServerError('JsonException: Single unpaired UTF-16 surrogate in unicode escape');
  return value;
}

/** PHP trim(): only " \t\n\r\0\x0B", not the Unicode spaces String.prototype.trim also strips. */
export function phpTrim(value: string): string {
  return value.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '');
}
