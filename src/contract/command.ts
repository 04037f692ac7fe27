import type { Command } from 'commander';
import type { CheckFlags } from './checkCommand.js';
import { CHECK_HELP } from '../cliHelp.js';

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
    .addHelpText('after', CHECK_HELP)
    // Bad flags are a usage error: exit 2 (commander's own default is 1, which means violations here).
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    // The checker loads when `check` runs: `serve` never pays for it.
    .action(async (flags: CheckFlags) => (await import('./checkCommand.js')).check(flags));
}
