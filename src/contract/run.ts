import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chooseContract, wantedRelease, type ChosenContract } from './chooseContract.js';
import { InterruptedError, OcsClient, UnreachableError } from './client.js';
import { discover } from './discover.js';
import { buildPlan, PROTOCOL_CASES, type PlannedCase } from './plan.js';
import { resolveLogin } from './login.js';
import { absentCases } from './planAbsent.js';
import { Reader } from './readBack.js';
import { ResourceTracker } from './resources.js';
import { runCase } from './runCase.js';
import { readServerVersion } from './serverVersion.js';
import { Setup } from './setup.js';
import { CheckError, type CaseResult, type CheckOptions, type CheckResult } from './types.js';

/** The snapshot spec the mock serves: `--spec openapi.json` checks a server against it. */
export const DEFAULT_CHECK_SPEC = fileURLToPath(new URL('../../openapi.json', import.meta.url));

/** An --only entry must name an operationId or tag of the contract or an absent operation (or a protocol case). */
function checkOnly(chosen: ChosenContract, only: string[] | undefined): void {
  const operations = [...chosen.contract.operations, ...chosen.absent];
  const known = new Set([...operations.flatMap((o) => [o.id, ...o.tags]), ...PROTOCOL_CASES.map((c) => c.id), 'protocol']);
  const unknown = (only ?? []).filter((entry) => !known.has(entry));
  if (unknown.length) throw new CheckError(2, `unknown --only ${unknown.map((u) => `"${u}"`).join(', ')}: not an operationId or tag of the spec`);
}

function selectCases(cases: PlannedCase[], only: string[] | undefined): PlannedCase[] {
  if (!only || only.length === 0) return cases;
  return cases.filter((c) => only.includes(c.id) || c.tags.some((tag) => only.includes(tag)));
}

/**
 * Checks a live server against its own release's contract (or --nextcloud's, or a --spec file):
 * every operation it can exercise, in v1/v2 x JSON/XML, and every route the release lacks as absent.
 * Throws CheckError (exit 2 or 3) when the run cannot start; otherwise returns the report.
 */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const login = resolveLogin(options);
  const wanted = wantedRelease(options.nextcloud);
  const client = new OcsClient(login.url, login.user, login.password, options.timeoutMs ?? 15_000);
  const started = Date.now();
  const chosen = await chooseContract(wanted, await readServerVersion(client), options.spec);
  checkOnly(chosen, options.only);
  options.onStart?.(chosen.target);

  const found = await discover(client);
  const ctx = { ...found, prefix: `ocsmock-check-${randomBytes(3).toString('hex')}`, write: options.write ?? false };
  const absent = absentCases(chosen.absent, chosen.contract.routes, chosen.target.release, ctx);
  const notOnServer = chosen.notOnServer;
  const plan = selectCases(buildPlan(chosen.contract.operations, ctx, absent), options.only).map((planned) =>
    notOnServer?.ids.has(planned.id) ? { ...planned, notOnServer: notOnServer.release } : planned,
  );

  const tracker = new ResourceTracker();
  const setup = new Setup(client, tracker);
  const reader = new Reader(client);
  const onSigint = () => {
    process.stderr.write(`\nocs-mock check: interrupted, removing ${tracker.size} created resource(s)...\n`);
    void client.stop().then(() => tracker.cleanup()).then((leftovers) => {
      for (const leftover of leftovers) process.stderr.write(`  left behind: ${leftover}\n`);
      process.exit(130);
    });
  };
  if (options.handleSigint) process.once('SIGINT', onSigint);

  const cases: CaseResult[] = [];
  let leftovers: string[] = [];
  try {
    for (const planned of plan) {
      let result: CaseResult;
      try {
        result = await runCase(planned, { client, rules: chosen, setup, reader, wrongPassword: `${login.password}-${ctx.prefix}-wrong` });
      } catch (error) {
        if (error instanceof InterruptedError) break;
        if (!(error instanceof UnreachableError)) throw error;
        result = { id: planned.id, tags: planned.tags, method: planned.method, path: planned.path, status: 'FAIL', reason: error.message, problems: [{ where: 'request', message: error.message, curl: '' }], requests: 0, durationMs: 0 };
      }
      cases.push(result);
      options.onCase?.(result);
    }
  } finally {
    leftovers = await tracker.cleanup();
    if (options.handleSigint) process.off('SIGINT', onSigint);
  }

  const summary = {
    total: cases.length,
    passed: cases.filter((c) => c.status === 'PASS').length,
    failed: cases.filter((c) => c.status === 'FAIL').length,
    skipped: cases.filter((c) => c.status === 'SKIP').length,
    absent: cases.filter((c) => c.status === 'ABSENT').length,
  };
  return {
    url: login.url,
    user: login.user,
    spec: chosen.target.spec,
    target: chosen.target,
    write: options.write ?? false,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    cases,
    leftovers,
    summary,
    exitCode: summary.failed > 0 || leftovers.length > 0 ? 1 : 0,
  };
}
