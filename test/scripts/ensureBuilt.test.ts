import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../support/builtCli.js';

const SCRIPT = join(ROOT, 'scripts', 'ensure-built.mjs');
const INPUTS = [
  'src/index.ts',
  'src/state/model.ts',
  'tsconfig.base.json',
  'tsconfig.build.json',
  'fixtures/fixture.schema.json',
  'releases/34.0.1/openapi-full.json',
  'scripts/compile-schemas.mjs',
  'scripts/compile-routes.mjs',
  'scripts/bundle-cli.mjs',
];
const OUTPUTS = ['dist/index.js', 'dist/state/fixtureValidator.cjs', 'dist/bin/cli.js'];
/** Seconds since the epoch: inputs at BEFORE, a build at AFTER. */
const BEFORE = 1_700_000_000;
const AFTER = BEFORE + 60;

/** A project laid out as ocs-mock's, its files dated `when`; `build` is its `npm run build`. */
function project(when: Record<string, number>, build = 'node -e "process.exit(0)"'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocs-mock-ensure-built-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'built-check', private: true, scripts: { build } }));
  for (const [file, seconds] of Object.entries(when)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), '');
    utimesSync(join(dir, file), seconds, seconds);
  }
  return dir;
}

const dated = (files: string[], seconds: number): Record<string, number> => Object.fromEntries(files.map((file) => [file, seconds]));

function check(dir: string): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [SCRIPT, '--check'], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout };
}

describe('npm start builds only when the build is missing or stale (scripts/ensure-built.mjs)', () => {
  test('prestart runs the check, not a build', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.prestart).toBe('node scripts/ensure-built.mjs');
  });

  test('a build newer than every input is up to date: exit 0, no build', () => {
    expect(check(project({ ...dated(INPUTS, BEFORE), ...dated(OUTPUTS, AFTER) }))).toEqual({ status: 0, stdout: 'build up to date\n' });
  });

  test('a fresh clone (no dist) is due a build', () => {
    expect(check(project(dated(INPUTS, BEFORE)))).toEqual({ status: 1, stdout: 'build due: dist/index.js is missing\n' });
  });

  test('a source file changed after the build is due a build, naming the file', () => {
    const dir = project({ ...dated(INPUTS, BEFORE), ...dated(OUTPUTS, AFTER), 'src/state/model.ts': AFTER + 1 });
    expect(check(dir)).toEqual({ status: 1, stdout: 'build due: src/state/model.ts is newer than dist/state/fixtureValidator.cjs\n' });
  });

  test('the fixture schema changed after the build (the compiled validator is stale) is due a build', () => {
    const dir = project({ ...dated(INPUTS, BEFORE), ...dated(OUTPUTS, AFTER), 'fixtures/fixture.schema.json': AFTER + 1 });
    expect(check(dir)).toEqual({ status: 1, stdout: 'build due: fixtures/fixture.schema.json is newer than dist/state/fixtureValidator.cjs\n' });
  });

  test("a release's spec changed after the build (its compiled routes are stale) is due a build", () => {
    const when = { ...dated(INPUTS, BEFORE), ...dated(OUTPUTS, AFTER), 'releases/34.0.1/openapi-full.json': AFTER + 1 };
    expect(check(project(when))).toEqual({ status: 1, stdout: 'build due: releases/34.0.1/openapi-full.json is newer than dist/state/fixtureValidator.cjs\n' });
  });

  test('an unchanged library entry older than a changed source is fine: tsc leaves outputs it would not change', () => {
    const dir = project({ ...dated(INPUTS, BEFORE), ...dated(OUTPUTS, AFTER + 2), 'dist/index.js': BEFORE, 'src/state/model.ts': AFTER });
    expect(check(dir)).toEqual({ status: 0, stdout: 'build up to date\n' });
  });

  test('without --check a stale build runs `npm run build`; an up-to-date one runs nothing', () => {
    const build = 'node -e "require(\'fs\').writeFileSync(\'built\', \'yes\')"';
    const stale = project(dated(INPUTS, BEFORE), build);
    const ran = spawnSync(process.execPath, [SCRIPT], { cwd: stale, encoding: 'utf8' });
    expect({ status: ran.status, stderr: ran.stderr, built: readFileSync(join(stale, 'built'), 'utf8') }).toEqual({
      status: 0,
      stderr: 'ocs-mock: building (dist/index.js is missing)\n',
      built: 'yes',
    });
    const current = project({ ...dated(INPUTS, BEFORE), ...dated(OUTPUTS, AFTER) }, build);
    const skipped = spawnSync(process.execPath, [SCRIPT], { cwd: current, encoding: 'utf8' });
    expect({ status: skipped.status, stdout: skipped.stdout, stderr: skipped.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(() => readFileSync(join(current, 'built'))).toThrow(/ENOENT/);
  });
});
