import type { JsonValue } from './types.js';
import { VOLATILE_KEYS } from './volatile.js';

/**
 * Where two JSON values differ (first few), as `path: left vs right`. Volatile keys are only
 * compared for presence; `same` maps strings that name per-request resources to one placeholder.
 */
export function diffJson(left: JsonValue, right: JsonValue, path: string, same: (value: string) => string = (v) => v): string[] {
  const out: string[] = [];
  walk(left, right, path, same, out);
  return out.slice(0, 5);
}

function walk(left: JsonValue, right: JsonValue, path: string, same: (value: string) => string, out: string[]): void {
  if (out.length >= 5) return;
  if (typeof left === 'string' && typeof right === 'string') {
    if (same(left) !== same(right)) out.push(`${path}: ${JSON.stringify(left)} vs ${JSON.stringify(right)}`);
    return;
  }
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object' || Array.isArray(left) !== Array.isArray(right)) {
    if (left !== right) out.push(`${path}: ${short(left)} vs ${short(right)}`);
    return;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) out.push(`${path}: ${left.length} items vs ${right.length} items`);
    else left.forEach((item, i) => walk(item, right[i]!, `${path}[${i}]`, same, out));
    return;
  }
  const l = left as { [key: string]: JsonValue };
  const r = right as { [key: string]: JsonValue };
  const keys = [...new Set([...Object.keys(l), ...Object.keys(r)])];
  for (const key of keys) {
    if (!(key in l) || !(key in r)) out.push(`${path}.${key}: ${key in l ? 'present' : 'missing'} vs ${key in r ? 'present' : 'missing'}`);
    else if (!VOLATILE_KEYS.has(key)) walk(l[key]!, r[key]!, `${path}.${key}`, same, out);
  }
}

function short(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}
