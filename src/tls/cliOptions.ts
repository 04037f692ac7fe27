import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CA_CERT_FILE, type ServedTls, type TlsOptions } from './options.js';
import { TlsError } from './tlsError.js';

/** The serve command's TLS options as commander hands them over. */
export interface TlsFlags {
  tls?: boolean;
  tlsName?: string[];
  tlsDir?: string;
  cert?: string;
  key?: string;
}

/** A file named by an option could not be read or was refused: the option, the file and why. */
class TlsFlagError extends Error {}

function readOption(flag: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new TlsFlagError(`${flag} ${file}: cannot read it (${(error as Error).message})`);
  }
}

/** undefined: plain HTTP. --cert and --key serve the given certificate; --tls, --tls-name or --tls-dir a generated one. */
export function tlsOptionsOf(flags: TlsFlags): TlsOptions | undefined {
  if (flags.cert !== undefined || flags.key !== undefined) {
    if (flags.cert === undefined || flags.key === undefined) throw new TlsFlagError('--cert and --key go together: give both files (PEM)');
    if (flags.tlsName !== undefined || flags.tlsDir !== undefined) throw new TlsFlagError('--tls-name and --tls-dir shape a generated certificate: leave them out with --cert and --key');
    return { cert: readOption('--cert', flags.cert), key: readOption('--key', flags.key) };
  }
  if (!flags.tls && flags.tlsName === undefined && flags.tlsDir === undefined) return undefined;
  return { ...(flags.tlsName ? { names: flags.tlsName } : {}), ...(flags.tlsDir === undefined ? {} : { dir: flags.tlsDir }) };
}

const FLAG_OF: Record<TlsError['part'], (flags: TlsFlags) => string> = {
  cert: (flags) => `--cert ${flags.cert}`,
  key: (flags) => `--key ${flags.key} (for --cert ${flags.cert})`,
  names: () => '--tls-name',
  dir: (flags) => `--tls-dir ${flags.tlsDir}`,
};

/** The line for a TLS set-up that failed; undefined for any other error. */
export function tlsFailure(error: unknown, flags: TlsFlags): string | undefined {
  if (error instanceof TlsFlagError) return error.message;
  if (error instanceof TlsError) return `${FLAG_OF[error.part](flags)}: ${error.reason}`;
  return undefined;
}

/**
 * The banner lines of an HTTPS server. A CA that lives only as long as this process is written to a
 * new temporary file, so there is a file to install or pass to `curl --cacert`.
 */
export function tlsBanner(tls: ServedTls): string[] {
  const lines = [`TLS certificate SHA-256: ${tls.fingerprint256}`, `  valid for ${tls.names.join(', ')} until ${tls.validTo}`];
  if (tls.ca === undefined) return lines;
  const caFile = tls.caFile ?? join(mkdtempSync(join(tmpdir(), 'ocs-mock-ca-')), CA_CERT_FILE);
  if (tls.caFile === undefined) writeFileSync(caFile, tls.ca);
  lines.push(`  CA to trust on clients: ${caFile} (SHA-256 ${tls.caFingerprint256})`);
  if (tls.caFile === undefined) lines.push('  a new CA each start; --tls-dir <dir> keeps one, to install on a device once');
  return lines;
}
