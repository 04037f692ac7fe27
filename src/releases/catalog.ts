/**
 * The Nextcloud releases the mock can emulate, oldest first. Each has its provisioning specs,
 * verbatim release files, in releases/<version>/ (../shared/nextcloud/versions/*\/SOURCE.md names
 * the signature-checked copies they come from); the version numbers are version.php's
 * (matrix.json: OC_Version, statusPhpVersion).
 */
export interface Release {
  /** `$OC_VersionString`, e.g. `29.0.6`. */
  version: string;
  /** `$OC_Version` joined, as status.php prints it, e.g. `29.0.6.1`. */
  build: string;
}

export const RELEASES: readonly Release[] = [
  { version: '27.1.4', build: '27.1.4.1' },
  { version: '28.0.2', build: '28.0.2.5' },
  { version: '29.0.1', build: '29.0.1.1' },
  { version: '29.0.6', build: '29.0.6.1' },
  { version: '30.0.5', build: '30.0.5.1' },
  { version: '31.0.2', build: '31.0.2.1' },
  { version: '31.0.6', build: '31.0.6.2' },
  { version: '31.0.11', build: '31.0.11.2' },
  { version: '32.0.2', build: '32.0.2.2' },
  { version: '33.0.2', build: '33.0.2.2' },
  { version: '34.0.1', build: '34.0.1.2' },
];

export const NEWEST_RELEASE = RELEASES[RELEASES.length - 1];

export class UnknownReleaseError extends Error {}

function parts(version: string): number[] {
  return version.split('.').map((part) => Number.parseInt(part, 10));
}

/** Orders versions numerically: 31.0.11 after 31.0.6. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

const KNOWN = RELEASES.map((release) => release.version).join(', ');

/**
 * The release to serve for `--nextcloud`: a full version we have (`31.0.6`), or a major (`29`) for
 * its newest release we have. Anything else is refused with the list of known releases.
 */
export function resolveRelease(wanted: string): Release {
  const text = wanted.trim();
  if (/^\d+$/.test(text)) {
    const newest = RELEASES.filter((release) => release.version.split('.')[0] === text).at(-1);
    if (newest) return newest;
  }
  const exact = RELEASES.find((release) => release.version === text);
  if (exact) return exact;
  throw new UnknownReleaseError(`unknown Nextcloud release "${wanted}": use a major (27-34) or one of ${KNOWN}`);
}

/**
 * The contract a live server of `version` (status.php `versionstring` or `version`) is held to: the
 * newest release we have at or below it, since patch releases add routes (31.0.6 has routes 31.0.2
 * lacks). Null when the server is older than every release we have.
 */
export function contractFor(version: string): Release | null {
  const numeric = version.trim().split('.').slice(0, 3).join('.');
  return RELEASES.filter((release) => compareVersions(release.version, numeric) <= 0).at(-1) ?? null;
}
