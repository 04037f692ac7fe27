/** How Nextcloud's database (SQLite on the recorded server) and PHP compare the texts lists sort by. */

/** SQLite's lower() and PHP's strcasecmp fold ASCII letters only. */
export function asciiLower(text: string): string {
  // For ASCII text toLowerCase() is the same and much faster.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
