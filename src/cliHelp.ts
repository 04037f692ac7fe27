import { Help, type AddHelpTextContext, type Command } from 'commander';
import { NEWEST_RELEASE, resolveRelease } from './releases/catalog.js';
import { GENERATED_PASSWORD_SUFFIX } from './state/generatedPassword.js';

/**
 * The parts of `--help` that commander cannot derive from the options: examples, exit codes and
 * environment variables, added with addHelpText. test/cli/help.test.ts starts every serve example.
 */

type Item = [term: string, description: string];
/** One part of the text after the options: lines built with commander's own layout helpers. */
type Part = (help: Help) => string[];

/** Examples: each command on its own line, what it does wrapped below it. */
function examples(items: Item[]): Part {
  const indent = '      ';
  return (help) => [
    help.styleTitle('Examples:'),
    ...items.flatMap(([command, text]) => [`  ${command}`, indent + help.boxWrap(text, (help.helpWidth ?? 80) - indent.length).replace(/\n/g, `\n${indent}`)]),
  ];
}

/** A titled two-column list, laid out as commander lays out options. */
function table(title: string, items: Item[]): Part {
  const width = Math.max(...items.map(([term]) => term.length));
  return (help) => [help.styleTitle(title), ...items.map(([term, text]) => help.formatItem(term, width, text, help))];
}

/** addHelpText's text: the parts, each after an empty line, at the width commander prints help in. */
function helpText(...parts: Part[]): (context: AddHelpTextContext) => string {
  return ({ command }) => {
    const help = command.createHelp();
    help.prepareContext({ helpWidth: command.configureOutput().getOutHelpWidth?.() });
    // commander ends the text with a line break of its own.
    return parts.map((part) => `\n${part(help).join('\n')}`).join('\n');
  };
}

const SERVE_EXAMPLES: Item[] = [
  ['$ ocs-mock', `Nextcloud ${NEWEST_RELEASE.version} on http://127.0.0.1:8080; log in as admin / admin`],
  ['$ ocs-mock --nextcloud 29', `emulate Nextcloud ${resolveRelease('29').version}, the newest 29 release ocs-mock knows`],
  ['$ ocs-mock --fixtures my-fixture.json', 'serve your own users, groups, apps and app config'],
  ['$ ocs-mock --users 500 --groups 50 --seed 42', `500 generated users in 50 groups; a user's password is <id>${GENERATED_PASSWORD_SUFFIX}`],
  ['$ ocs-mock --cors http://localhost:5173', 'let a web app on http://localhost:5173 call the API from the browser (preflights answered, Basic auth)'],
  ['$ ocs-mock --scenario maintenance-mode', 'answer every request as a server in maintenance mode (HTTP 503)'],
  ['$ PORT=9000 HOST=0.0.0.0 ocs-mock', 'listen on port 9000 on every address (--port and --host win over them)'],
];

const CHECK_EXAMPLES: Item[] = [
  [
    '$ OCS_PASSWORD=admin ocs-mock check --url http://localhost:8080 --user admin --junit out.xml',
    "check a server against its release's contract, with a JUnit report",
  ],
  ['$ ocs-mock check --url https://admin:PASSWORD@cloud.example.com --write', 'also create, edit and delete its own users, groups and config keys (always removed again)'],
];

const SERVE_EXIT_CODES: Item[] = [
  ['0', 'stopped by Ctrl-C (SIGINT) or SIGTERM'],
  ['1', 'the server did not close cleanly, or an unexpected error'],
  ['2', 'did not start: a bad option or PORT/HOST value, an invalid fixture or scenario file, an unknown scenario name or --nextcloud release, an address it cannot listen on'],
];

/** CheckResult.exitCode (0, 1), CheckError.exitCode (2, 3) and run.ts's SIGINT handler (130). */
const CHECK_EXIT_CODES: Item[] = [
  ['0', 'every check passed (ABSENT counts as passed)'],
  ['1', 'contract violations, or resources left behind after cleanup'],
  ['2', 'usage or spec error: a bad option, an unknown --nextcloud release or --only entry, an unreadable or invalid --spec, a server older than every release ocs-mock knows'],
  ['3', 'server unreachable, login failed, or no version in its /status.php (give --nextcloud)'],
  ['130', 'interrupted by Ctrl-C, after removing what it created'],
];

const SERVE_ENVIRONMENT: Item[] = [
  ['PORT', 'port to listen on when --port is not given'],
  ['HOST', 'address to listen on when --host is not given'],
];

const CHECK_ENVIRONMENT: Item[] = [['OCS_PASSWORD', 'the password when neither --password nor --url gives one']];

export const SERVE_HELP = helpText(examples(SERVE_EXAMPLES), table('Exit codes:', SERVE_EXIT_CODES), table('Environment:', SERVE_ENVIRONMENT));

export const CHECK_HELP = helpText(examples(CHECK_EXAMPLES), table('Exit codes:', CHECK_EXIT_CODES), table('Environment:', CHECK_ENVIRONMENT));

export const PROGRAM_HELP = helpText(
  examples([...SERVE_EXAMPLES, ...CHECK_EXAMPLES]),
  table('Exit codes (serve):', SERVE_EXIT_CODES),
  table('Exit codes (check):', CHECK_EXIT_CODES),
  table('Environment:', [...SERVE_ENVIRONMENT, ...CHECK_ENVIRONMENT.map(([name, text]): Item => [name, `check: ${text}`])]),
);

/**
 * `ocs-mock --help` lists the options of `defaultCommand` as its own: they are, since the default
 * command takes every option the program does not know.
 */
export function showDefaultCommandOptions(program: Command, defaultCommand: Command): void {
  const help = new Help();
  program.configureHelp({
    visibleOptions: (cmd) => (cmd === program ? [...defaultCommand.options.filter((option) => !option.hidden), ...help.visibleOptions(program)] : help.visibleOptions(cmd)),
  });
}
