import type { CheckOptions, CheckResult } from './types.js';

export { CheckError, type CheckOptions, type CheckResult, type CheckTarget, type CaseResult, type CaseStatus, type Problem } from './types.js';

/** The checker as the library offers it: loaded on the first check, so `import('ocs-mock')` does not pay for it. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const { runCheck: run } = await import('./run.js');
  return run(options);
}
