/**
 * The values a Nextcloud controller returns, as PHP would hold them. A JS array is a PHP list; a plain
 * object is an associative array (an empty one is still `[]` to PHP).
 */
export type PhpValue = string | number | boolean | null | PhpValue[] | { [key: string]: PhpValue };

/** PHP empty() of a string: true for '' and '0'. */
export function isPhpEmpty(text: string): boolean {
  return text === '' || text === '0';
}
