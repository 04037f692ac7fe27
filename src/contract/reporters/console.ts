import type { CaseResult, CheckResult } from '../types.js';

/** One line per case as it finishes; failures add their problems and a curl line. */
export function formatCaseLine(result: CaseResult): string {
  const head = `${result.status} ${result.id}`;
  if (result.status === 'SKIP') return `${head}: ${result.reason ?? ''}`;
  if (result.status === 'PASS') return `${head} (${result.requests} requests, ${result.durationMs} ms)`;
  const lines = [head];
  for (const problem of result.problems.slice(0, 10)) lines.push(`    ${problem.where}: ${problem.message}`);
  if (result.problems.length > 10) lines.push(`    … and ${result.problems.length - 10} more`);
  if (result.curl) lines.push(`    reproduce: ${result.curl}`);
  return lines.join('\n');
}

export function formatSummary(result: CheckResult): string {
  const { total, passed, failed, skipped } = result.summary;
  const lines = [`${total} checks against ${result.url}: ${passed} passed, ${failed} failed, ${skipped} skipped (${(result.durationMs / 1000).toFixed(1)} s)`];
  for (const leftover of result.leftovers) lines.push(`cleanup failed, left behind: ${leftover}`);
  if (failed > 0) lines.push('curl lines read the password from $OCS_PASSWORD.');
  return lines.join('\n');
}
