import { readdirSync } from 'node:fs';

/** A shipped file's name: its file name without `.json` (scenarios/<name>.json, fixtures/<name>.json). */
export const SHIPPED_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** A source names a shipped file when it has no `/` (or `\`) and does not end in `.json`; anything else is a path. */
export function isShippedName(source: string): boolean {
  return !/[/\\]/.test(source) && !/\.json$/i.test(source);
}

/** The names of the `.json` files in a shipped directory, its schema file left out, sorted. */
export function shippedNames(dir: string, schemaFile: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && file !== schemaFile)
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}
