import type { CaseResult, CheckResult, CheckTarget } from '../types.js';

/** The first line of a run: which Nextcloud the server is, and which contract it is held to. */
export function formatTarget(target: CheckTarget): string {
  const server = `Nextcloud ${target.serverVersion ?? '(version unknown)'}`;
  const release = `the ${target.release} contract`;
  if (target.spec !== `releases/${target.release}`) return `${server} -> checking against ${target.spec} (--spec), with the ${target.release} framing rules`;
  if (target.chosenBy === '--nextcloud') return `${server} -> checking against ${release} (--nextcloud)`;
  if (target.serverVersion !== target.release) return `${server} -> checking against ${release} (the newest release ocs-mock knows at or below it)`;
  return `${server} -> checking against ${release}`;
}

/** One line per case as it finishes; failures add their problems and a curl line. */
export function formatCaseLine(result: CaseResult): string {
  const head = `${result.status} ${result.id}`;
  if (result.status === 'SKIP' || result.status === 'ABSENT') return `${head}: ${result.reason ?? ''}`;
  if (result.status === 'PASS') return `${head} (${result.requests} requests, ${result.durationMs} ms)`;
  const lines = [result.note ? `${head}: ${result.note}` : head];
  for (const problem of result.problems.slice(0, 10)) lines.push(`    ${problem.where}: ${problem.message}`);
  if (result.problems.length > 10) lines.push(`    … and ${result.problems.length - 10} more`);
  if (result.curl) lines.push(`    reproduce: ${result.curl}`);
  return lines.join('\n');
}

export function formatSummary(result: CheckResult): string {
  const { total, passed, failed, skipped, absent } = result.summary;
  const counts = [`${passed} passed`, ...(absent ? [`${absent} absent`] : []), `${failed} failed`, `${skipped} skipped`].join(', ');
  const against = `Nextcloud ${result.target.serverVersion ?? '(version unknown)'}, ${result.target.release} contract`;
  const lines = [`${total} checks against ${result.url} (${against}): ${counts} (${(result.durationMs / 1000).toFixed(1)} s)`];
  for (const leftover of result.leftovers) lines.push(`cleanup failed, left behind: ${leftover}`);
  if (failed > 0) lines.push('curl lines read the password from $OCS_PASSWORD.');
  return lines.join('\n');
}
