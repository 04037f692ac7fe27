/**
 * The values a Nextcloud controller returns, as PHP would hold them. A JS array is a PHP list; a plain
 * object is an associative array (an empty one is still `[]` to PHP).
 */
export type PhpValue = string | number | boolean | null | PhpValue[] | { [key: string]: PhpValue };

/** PHP empty() of a string: true for '' and '0'. */
export function isPhpEmpty(text: string): boolean {
  return text === '' || text === '0';
}

/**
 * An empty PHP associative array to fill by key: a null-prototype object, so that any text is a key
 * (`obj['__proto__'] = v` on a plain `{}` would set its prototype, and the entry would vanish).
 */
export function phpMap<T extends PhpValue = PhpValue>(): { [key: string]: T } {
  return Object.create(null) as { [key: string]: T };
}
