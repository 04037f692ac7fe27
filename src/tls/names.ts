import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import { TlsError } from './tlsError.js';

/**
 * Always in a generated certificate: the loopback names, and 10.0.2.2, the address under which the
 * Android emulator reaches its host's loopback (the iOS simulator shares the host's network).
 */
export const DEFAULT_TLS_NAMES: readonly string[] = ['localhost', '127.0.0.1', '::1', '10.0.2.2'];

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** RFC 1123 host name labels; a leading `*.` is a wildcard name. */
const DNS_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** The name as a certificate writes it (lower case, IPv6 without brackets); undefined if it is no host name or IP address. */
function certificateName(name: string): string | undefined {
  const bare = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  if (isIP(bare) !== 0 || (bare.length <= 253 && DNS_NAME.test(bare))) return bare.toLowerCase();
  return undefined;
}

function checkedName(name: string): string {
  const checked = certificateName(name);
  if (checked === undefined) throw new TlsError('names', `"${name}" is neither a host name nor an IP address`);
  return checked;
}

/** The machine's own addresses (a phone on the LAN uses one of them); link-local IPv6 needs a zone a certificate cannot name. */
function machineNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && !(entry.family === 'IPv6' && entry.scopeid !== 0))
    .map((entry) => entry.address);
  return [hostname(), ...addresses];
}

/**
 * The subject alternative names of a generated server certificate: the defaults, the listening
 * host (or, listening on every address, the machine's name and addresses), then the extra names.
 */
export function certificateNames(host: string, extra: readonly string[] = []): string[] {
  // A machine or host name a certificate cannot carry (an underscore, say) is left out, not refused.
  const listening = (WILDCARD_HOSTS.has(host) ? machineNames() : [host]).map(certificateName).filter((name) => name !== undefined);
  return [...new Set([...DEFAULT_TLS_NAMES, ...listening, ...extra.map(checkedName)])];
}
