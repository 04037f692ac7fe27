import { contractFor, NEWEST_RELEASE, RELEASES, resolveRelease, UnknownReleaseError, type Release } from '../releases/catalog.js';
import type { ReleaseProfile } from '../releases/profile.js';
import { profileOf } from '../releases/profiles.js';
import { loadContract, type Contract, type SpecOperation } from './contract.js';
import type { ServerVersion } from './serverVersion.js';
import { CheckError, type CheckTarget } from './types.js';

/** The contract a run holds the server to, with what it knows about the routes around it. */
export interface ChosenContract {
  target: CheckTarget;
  contract: Contract;
  profile: ReleaseProfile;
  /** Operations of the newest release that the checked release lacks: each is checked as absent (none with --spec). */
  absent: SpecOperation[];
  /** Operations of the contract that the server's own release lacks, when that is another release. */
  notOnServer: { release: string; ids: ReadonlySet<string> } | null;
}

/** `--nextcloud`, resolved before anything is sent: an unknown release is a usage error (exit 2). */
export function wantedRelease(nextcloud: string | undefined): Release | null {
  if (nextcloud === undefined) return null;
  try {
    return resolveRelease(nextcloud);
  } catch (error) {
    if (error instanceof UnknownReleaseError) throw new CheckError(2, `--nextcloud: ${error.message}`);
    throw error;
  }
}

/**
 * The release is `--nextcloud`, else the newest release at or below the server's version (patch
 * releases add routes: 31.0.6 has routes 31.0.2 lacks). Its specs are the contract unless --spec
 * names another document; its profile sets the framing rules either way.
 */
export async function chooseContract(wanted: Release | null, server: ServerVersion, specFile: string | undefined): Promise<ChosenContract> {
  const serverRelease = server.version === null ? null : contractFor(server.version);
  const release = wanted ?? serverRelease;
  if (!release) {
    if (server.version === null) throw new CheckError(3, `cannot tell which Nextcloud the server runs (${server.why}): give --nextcloud <version>`);
    throw new CheckError(2, `Nextcloud ${server.version} is older than every release ocs-mock knows (the oldest is ${RELEASES[0]!.version}): give --nextcloud <version> to check it against one`);
  }
  const contract = await loadContract(specFile === undefined ? { release } : { file: specFile }, release);
  const ids = (c: Contract) => new Set(c.operations.map((operation) => operation.id));
  const has = ids(contract);

  let absent: SpecOperation[] = [];
  if (specFile === undefined && release !== NEWEST_RELEASE) {
    absent = (await loadContract({ release: NEWEST_RELEASE }, NEWEST_RELEASE)).operations.filter((operation) => !has.has(operation.id));
  }
  let notOnServer: ChosenContract['notOnServer'] = null;
  if (serverRelease && serverRelease !== release) {
    const onServer = ids(await loadContract({ release: serverRelease }, serverRelease));
    notOnServer = { release: serverRelease.version, ids: new Set([...has].filter((id) => !onServer.has(id))) };
  }
  return {
    target: { serverVersion: server.version, release: release.version, chosenBy: wanted ? '--nextcloud' : 'status.php', spec: contract.file },
    contract,
    profile: profileOf(release),
    absent,
    notOnServer,
  };
}
