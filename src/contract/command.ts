import type { Command } from 'commander';
import { formatCaseLine, formatSummary, formatTarget } from './reporters/console.js';
import { writeJsonReport } from './reporters/json.js';
import { writeJunitReport } from './reporters/junit.js';
import { urlHasCredentials } from './login.js';
import { runCheck } from './run.js';
import { CheckError } from './types.js';

interface CheckFlags {
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
async function check(flags: CheckFlags): Promise<void> {
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

export function addCheckCommand(program: Command): void {
  program
    .command('check')
    .description("check a live Nextcloud (or mock, or proxy) against its release's OCS provisioning contract")
    .requiredOption('--url <url>', 'base URL of the server, e.g. https://cloud.example.com')
    .option('--user <user>', 'login of an admin account (or give it in the URL: http://user:password@host)')
    .option('--password <password>', 'its password or app password (default: $OCS_PASSWORD)')
    .option('--nextcloud <version>', "the release to hold the server to, a major (34) or a version (31.0.6) (default: the server's own, from /status.php)")
    .option('--spec <file>', "OpenAPI document to check against instead of the release's specs (e.g. the bundled openapi.json)")
    .option('--only <ids>', 'comma-separated operationIds or tags (e.g. groups,users-get-user)')
    .option('--write', 'also create, edit and delete its own users, groups and config keys (always cleaned up)')
    .option('--junit <file>', 'write a JUnit XML report')
    .option('--json <file>', 'write a JSON report')
    // Bad flags are a usage error: exit 2 (commander's own default is 1, which means violations here).
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(check);
}
