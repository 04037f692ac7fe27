import { formatCaseLine, formatSummary, formatTarget } from './reporters/console.js';
import { writeJsonReport } from './reporters/json.js';
import { writeJunitReport } from './reporters/junit.js';
import { urlHasCredentials } from './login.js';
import { runCheck } from './run.js';
import { CheckError } from './types.js';

export interface CheckFlags {
  url: string;
  user?: string;
  password?: string;
  spec?: string;
  nextcloud?: string;
  only?: string;
  write?: boolean;
  junit?: string;
  json?: string;
}

/** `ocs-mock check`: thin — parse, call runCheck, write reports, set the exit code. */
export async function check(flags: CheckFlags): Promise<void> {
  // $OCS_PASSWORD stands in for --password, but gives way to a login in the URL.
  const password = flags.password ?? (urlHasCredentials(flags.url) ? undefined : process.env.OCS_PASSWORD);
  const only = flags.only?.split(',').map((entry) => entry.trim()).filter(Boolean);
  try {
    const result = await runCheck({
      url: flags.url,
      user: flags.user,
      password,
      spec: flags.spec,
      nextcloud: flags.nextcloud,
      only,
      write: flags.write ?? false,
      handleSigint: true,
      onStart: (target) => console.log(formatTarget(target)),
      onCase: (c) => console.log(formatCaseLine(c)),
    });
    console.log(formatSummary(result));
    if (flags.junit) writeJunitReport(flags.junit, result);
    if (flags.json) writeJsonReport(flags.json, result);
    process.exitCode = result.exitCode;
  } catch (error) {
    if (!(error instanceof CheckError)) throw error;
    console.error(`ocs-mock check: ${error.message}`);
    process.exitCode = error.exitCode;
  }
}
