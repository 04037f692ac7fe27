import { readFileSync } from 'node:fs';

/**
 * The package's version, from its package.json (the one place it is written). Two levels below the
 * package root like every src/<area> module, and like the CLI bundle in dist/bin, so the same
 * relative path holds in all three.
 */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
