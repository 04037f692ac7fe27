import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../support/builtCli.js';
import { lowestNodeBinDir, lowestPromisedNode } from '../support/lowestNode.js';
import { okJson } from '../support/protocol.js';

// The package as a user gets it: `npm pack`, installed with the registry into an empty project by
// the lowest Node we promise, then used through its bin, from TypeScript and from CommonJS.

const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };
const devVersion = (name: string): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const USERS = okJson(2, '{"users":["admin","alice","bob","carol","dave"]}');

// A normal Node TypeScript project: typescript and @types/node, nothing else; no skipLibCheck.
const TSCONFIG = { compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, skipLibCheck: false, outDir: 'out' }, files: ['esm.mts', 'cjs.cts'] };

const FETCH_USERS = `
  const res = await fetch(\`\${server.url}/ocs/v2.php/cloud/users?format=json\`, {
    headers: { Authorization: \`Basic \${Buffer.from('admin:admin').toString('base64')}\`, 'OCS-APIRequest': 'true' },
  });
  console.log(JSON.stringify({ status: res.status, body: await res.text() }));
  await server.close();`;

const ESM_CONSUMER = `import { createMock, runCheck, startServer, useOcsMock, type CheckOptions, type OcsMockHandle } from 'ocs-mock';

export const library: [typeof createMock, typeof runCheck, typeof useOcsMock] = [createMock, runCheck, useOcsMock];
export type Used = CheckOptions | OcsMockHandle;
const server = await startServer({ port: 0, fixture: 'default' });
${FETCH_USERS}
`;

// Compiles to require('ocs-mock'): Node 20.19 loads the ES module through require().
const CJS_CONSUMER = `import { startServer } from 'ocs-mock';

async function main(): Promise<void> {
  const server = await startServer({ port: 0, fixture: 'default' });
${FETCH_USERS}
}
void main();
`;

/** Where each export leads inside the installed package, and that package.json is readable. */
const EXPORTS_PROBE = `const { dirname, relative } = require('node:path');
const root = dirname(require.resolve('ocs-mock/package.json'));
const at = (specifier) => relative(root, require.resolve(specifier));
console.log(JSON.stringify({
  version: require('ocs-mock/package.json').version,
  paths: ['ocs-mock', 'ocs-mock/scenarios/maintenance-mode.json', 'ocs-mock/scenarios/scenario.schema.json', 'ocs-mock/fixtures/default.json',
    'ocs-mock/fixtures/fixture.schema.json', 'ocs-mock/openapi.json', 'ocs-mock/control-api.json', 'ocs-mock/releases/29.0.6/openapi-full.json'].map(at),
  scenario: require('ocs-mock/scenarios/maintenance-mode.json'),
}));
`;

let dir: string;
let packed: { filename: string; files: { path: string }[] };
let tarball: string;
let project: string;
let env: NodeJS.ProcessEnv;
let install: SpawnSyncReturns<string>;
let tsc: SpawnSyncReturns<string>;

function run(command: string, args: string[], cwd = project): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8' });
}

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'ocs-mock-package-'));
  // The build is current: pack without prepack's second build.
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  [packed] = JSON.parse(pack.stdout) as [typeof packed];
  tarball = join(dir, packed.filename);

  project = join(dir, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  writeFileSync(join(project, 'esm.mts'), ESM_CONSUMER);
  writeFileSync(join(project, 'cjs.cts'), CJS_CONSUMER);
  writeFileSync(join(project, 'exports.cjs'), EXPORTS_PROBE);

  // Only the lowest promised Node on the PATH (npm, npx and the bin's `env node` all run on it), and
  // nothing of the outer `npm run` (its npm_* variables would configure the inner npm).
  env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  env.PATH = `${lowestNodeBinDir()}${delimiter}${process.env.PATH}`;
  env.npm_config_update_notifier = 'false';
  install = run('npm', ['install', '--engine-strict', '--no-audit', '--no-fund', tarball, `typescript@${devVersion('typescript')}`, `@types/node@${devVersion('@types/node')}`]);
  // Type-checks and emits out/esm.mjs and out/cjs.cjs, which the tests below run.
  tsc = run('node', [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
});

// The project holds typescript and the package's dependencies: ~70 MB a run.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`the packed package, installed into an empty project on Node ${lowestPromisedNode()}`, () => {
  test('runs on the lowest promised Node', () => {
    expect(run('node', ['--version']).stdout).toBe(`v${lowestPromisedNode()}\n`);
  });

  test('npm install --engine-strict succeeds and prints no warning (no EBADENGINE, no install script)', () => {
    expect({ status: install.status, stderr: install.stderr }).toEqual({ status: 0, stderr: '' });
    expect(install.stdout).not.toMatch(/warn/i);
  });

  test('the tarball holds the library, the bundled CLI, the compiled fixture validator and a LICENSE; no source maps, dist/docs or build info', () => {
    const files = packed.files.map((file) => file.path);
    for (const file of ['LICENSE', 'bin/ocs-mock.js', 'dist/index.js', 'dist/index.d.ts', 'dist/bin/cli.js', 'dist/state/fixtureValidator.cjs', 'fixtures/default.json', 'scenarios/maintenance-mode.json']) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => file.endsWith('.map') || file.startsWith('dist/docs/') || file.endsWith('.tsbuildinfo'))).toEqual([]);
    const license = readFileSync(join(project, 'node_modules', 'ocs-mock', 'LICENSE'), 'utf8');
    expect(license.split('\n').slice(0, 3)).toEqual(['MIT License', '', `Copyright (c) ocs-mock contributors`]);
  });

  test('the installed package.json names the repository, homepage and issue tracker, and has no install-time script', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'ocs-mock', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(installed.repository).toEqual({ type: 'git', url: 'git+https://github.com/ocs-mock/ocs-mock.git' });
    expect(installed.homepage).toBe('https://github.com/ocs-mock/ocs-mock#readme');
    expect(installed.bugs).toEqual({ url: 'https://github.com/ocs-mock/ocs-mock/issues' });
    const scripts = Object.keys(installed.scripts as Record<string, string>);
    expect(scripts.filter((name) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(name))).toEqual([]);
  });

  test('npx ocs-mock --version prints the package version', () => {
    const version = run('npx', ['--no-install', 'ocs-mock', '--version']);
    expect({ status: version.status, stdout: version.stdout, stderr: version.stderr }).toEqual({ status: 0, stdout: `${ours.version}\n`, stderr: '' });
  });

  test('npx ocs-mock serve --port 0 answers the users list', async () => {
    const child = spawn('npx', ['--no-install', 'ocs-mock', 'serve', '--port', '0'], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /listening on (http:\/\/\S+)/.exec(out);
          if (found) resolve(found[1]);
        });
        child.once('exit', (code) => reject(new Error(`ocs-mock exited with ${code} before listening:\n${out}`)));
      });
      const res = await fetch(`${url}/ocs/v2.php/cloud/users?format=json`, { headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'OCS-APIRequest': 'true' } });
      expect({ status: res.status, body: await res.text() }).toEqual({ status: 200, body: USERS });
    } finally {
      // npx runs the bin in a child of its own: stop the whole group.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }
  });

  test('TypeScript without skipLibCheck type-checks imports of startServer, createMock, runCheck and useOcsMock from ESM and CommonJS', () => {
    expect({ status: tsc.status, stdout: tsc.stdout, stderr: tsc.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  test('import from an ES module starts a server (shipped fixture by name) that answers', () => {
    const esm = run('node', [join('out', 'esm.mjs')]);
    expect({ status: esm.status, stderr: esm.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(esm.stdout)).toEqual({ status: 200, body: USERS });
  });

  test("require('ocs-mock') from CommonJS starts a server (shipped fixture by name) that answers", () => {
    expect(readFileSync(join(project, 'out', 'cjs.cjs'), 'utf8')).toContain('require("ocs-mock")');
    const cjs = run('node', [join('out', 'cjs.cjs')]);
    expect({ status: cjs.status, stderr: cjs.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(cjs.stdout)).toEqual({ status: 200, body: USERS });
  });

  test('the exports reach package.json, the shipped scenarios and fixtures, their schemas and the specs', () => {
    const probe = run('node', ['exports.cjs']);
    expect(probe.stderr).toBe('');
    expect(JSON.parse(probe.stdout)).toEqual({
      version: ours.version,
      paths: [
        join('dist', 'index.js'),
        join('scenarios', 'maintenance-mode.json'),
        join('scenarios', 'scenario.schema.json'),
        join('fixtures', 'default.json'),
        join('fixtures', 'fixture.schema.json'),
        'openapi.json',
        'control-api.json',
        join('releases', '29.0.6', 'openapi-full.json'),
      ],
      scenario: JSON.parse(readFileSync(join(ROOT, 'scenarios', 'maintenance-mode.json'), 'utf8')),
    });
  });
});
