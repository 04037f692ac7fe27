import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './builtCli.js';

/** The lowest Node release package.json's `engines.node` promises: ">=20.19" -> "20.19.0". */
export function lowestPromisedNode(): string {
  const range = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  const found = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!found) throw new Error(`engines.node "${range}" is not a ">=" range; lowestPromisedNode reads only those`);
  return `${found[1]}.${found[2] ?? 0}.${found[3] ?? 0}`;
}

/**
 * The directory holding that release's `node`, installed once from the npm registry, which hosts
 * Node's binaries as node-<platform>-<arch> packages (what the `node` package's install script
 * picks), into the user's cache: ~3 s from npm's cache, a 43 MB download the first time.
 */
export function lowestNodeBinDir(): string {
  const version = lowestPromisedNode();
  const name = `node-${process.platform}-${process.arch}`;
  const cache = process.env.OCS_MOCK_NODE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ocs-mock');
  const prefix = join(cache, `${name}-${version}`);
  const binary = join(prefix, 'node_modules', name, 'bin', 'node');
  if (!existsSync(binary)) {
    const install = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${name}@${version}`], { encoding: 'utf8' });
    if (install.status !== 0 || !existsSync(binary)) throw new Error(`cannot install ${name}@${version} from the npm registry:\n${install.stdout}${install.stderr}`);
  }
  return dirname(binary);
}
