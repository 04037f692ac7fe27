// The large store of issue 12: 100,000 users and 100,000 groups. Groups come from `serve --groups N`
// when the CLI has it, otherwise from a generated fixture file (the default fixture plus N groups)
// in os.tmpdir(); the generated users then join those groups (src/state/generateUsers.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './children.mjs';

export const SCALE_USERS = Number(process.env.BENCH_SCALE ?? 100_000);
export const SCALE_GROUPS = SCALE_USERS;

function cliHasGroupsOption() {
  return execFileSync(process.execPath, ['bin/ocs-mock.js', 'serve', '--help'], { cwd: ROOT }).toString().includes('--groups');
}

/** The serve arguments for the large store, and how its groups were made. */
export function scaleArgs() {
  const users = ['--users', String(SCALE_USERS)];
  if (cliHasGroupsOption()) return { args: [...users, '--groups', String(SCALE_GROUPS)], groupsFrom: '`serve --groups`' };
  const fixture = JSON.parse(readFileSync(join(ROOT, 'fixtures/default.json'), 'utf8'));
  delete fixture.$schema;
  for (let i = 1; i <= SCALE_GROUPS; i++) fixture.groups.push({ id: `team-${String(i).padStart(6, '0')}`, displayname: `Team ${i}` });
  const file = join(tmpdir(), `ocs-mock-bench-${SCALE_GROUPS}-groups.json`);
  writeFileSync(file, JSON.stringify(fixture));
  return { args: [...users, '--fixtures', file], groupsFrom: 'a generated fixture file', file };
}
