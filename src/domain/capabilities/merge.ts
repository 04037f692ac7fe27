import type { PhpValue } from '../../ocs/php.js';

function isMap(value: PhpValue): value is { [key: string]: PhpValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * PHP's array_replace_recursive(), which CapabilitiesManager folds the capabilities with: keys of
 * `replacement` overwrite or join those of `base` (lists by index), nested arrays merge, keys keep
 * their first position.
 */
export function replaceRecursive(base: PhpValue, replacement: PhpValue): PhpValue {
  if (Array.isArray(base) && Array.isArray(replacement)) {
    const merged = [...base];
    replacement.forEach((value, index) => {
      merged[index] = index < base.length ? replaceRecursive(base[index]!, value) : value;
    });
    return merged;
  }
  if (isMap(base) && isMap(replacement)) {
    const merged: { [key: string]: PhpValue } = { ...base };
    for (const [key, value] of Object.entries(replacement)) {
      merged[key] = key in base ? replaceRecursive(base[key]!, value) : value;
    }
    return merged;
  }
  return replacement;
}
