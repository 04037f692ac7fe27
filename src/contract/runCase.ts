import type { OcsClient, Sent } from './client.js';
import { checkMethodNotAllowed, checkOcsResponse, sameContentType, type Checked, type Rules } from './checks.js';
import { diffJson } from './jsonDiff.js';
import type { PlannedCase, Step } from './plan.js';
import type { Reader } from './readBack.js';
import type { Setup } from './setup.js';
import type { CaseResult, Problem, Variant } from './types.js';
import { sameAcrossVariants, VARIANTS } from './variants.js';
import { compareXml } from './xmlCompare.js';

export interface CaseDeps {
  client: OcsClient;
  rules: Rules;
  setup: Setup;
  reader: Reader;
  /** A wrong password that is surely not the real one. */
  wrongPassword: string;
}

/** Collects a case's problems and the curl line of its first failing (or first) request. */
class CaseLog {
  problems: Problem[] = [];
  firstCurl?: string;
  requests = 0;

  sent(sent: Sent): void {
    this.requests++;
    this.firstCurl ??= sent.curl;
  }

  add(where: string, messages: string[], curl: string): void {
    for (const message of messages) this.problems.push({ where, message, curl });
  }
}

export async function runCase(planned: PlannedCase, deps: CaseDeps): Promise<CaseResult> {
  const started = Date.now();
  const base = {
    id: planned.id,
    tags: planned.tags,
    method: planned.method,
    path: planned.path,
    ...(planned.absent ? { absentFrom: planned.absent.release } : {}),
    ...(planned.notOnServer ? { notOnServer: planned.notOnServer } : {}),
  };
  if (planned.skip) return { ...base, status: 'SKIP', reason: planned.skip, problems: [], requests: 0, durationMs: 0 };
  const log = new CaseLog();
  if (planned.protocol === 'csrf') await checkCsrf(deps, log);
  else if (planned.protocol === 'wrong-password') await checkWrongPassword(deps, log);
  else for (const step of planned.steps) await runStep(planned.id, step, deps, log);
  const first = log.problems[0];
  // Why the route is, or may rightly be, missing on this server.
  const note = planned.absent?.note ?? (planned.notOnServer ? `not a route of the server's own Nextcloud ${planned.notOnServer}` : undefined);
  return {
    ...base,
    status: first ? 'FAIL' : planned.absent ? 'ABSENT' : 'PASS',
    reason: first ? `${first.where}: ${first.message}` : planned.absent?.note,
    ...(note ? { note } : {}),
    problems: log.problems,
    curl: first?.curl ?? log.firstCurl,
    requests: log.requests,
    durationMs: Date.now() - started,
  };
}

interface VariantOutcome {
  variant: Variant;
  checked: Checked;
  curl: string;
}

async function runStep(operationId: string, step: Step, deps: CaseDeps, log: CaseLog): Promise<void> {
  const outcomes = new Map<string, VariantOutcome>();
  for (const variant of VARIANTS) {
    const where = `${step.name}, ${variant.label}`;
    const call = step.call(variant);
    if (step.before) {
      try {
        await step.before(variant, deps.setup);
      } catch (error) {
        log.add(where, [(error as Error).message], deps.client.url(call, variant));
        continue;
      }
    }
    const sent = await deps.client.send(call, variant);
    log.sent(sent);
    const checked =
      'httpStatus' in step.expect
        ? checkMethodNotAllowed(variant.format, sent.response)
        : checkOcsResponse(deps.rules, { operationId, version: variant.version, format: variant.format, expect: step.expect }, sent.response);
    log.add(where, checked.problems, sent.curl);
    outcomes.set(variant.tag, { variant, checked, curl: sent.curl });
    if (step.readBack) {
      for (const finding of await step.readBack(variant)(deps.reader)) log.add(where, [finding.message], finding.curl);
    }
  }
  // The same data in XML and JSON, per version; then v1 and v2 agreeing.
  for (const version of [2, 1]) {
    const json = outcomes.get(`v${version}j`)?.checked.data;
    const xml = outcomes.get(`v${version}x`);
    if (json !== undefined && xml?.checked.xmlData) {
      const problems = compareXml(json, xml.checked.xmlData, 'data', sameAcrossVariants).map((p) => `XML differs from JSON: ${p}`);
      log.add(`${step.name}, ${xml.variant.label}`, problems, xml.curl);
    }
  }
  const v1 = outcomes.get('v1j');
  const v2 = outcomes.get('v2j');
  if (v1?.checked.data !== undefined && v2?.checked.data !== undefined) {
    const problems = diffJson(v1.checked.data, v2.checked.data, 'data', sameAcrossVariants).map((d) => `v1 and v2 disagree (v1 vs v2): ${d}`);
    log.add(`${step.name}, v1 json`, problems, v1.curl);
  }
}

/** Without OCS-APIRequest: 412 and the security middleware's plain JSON, for v1 and v2 alike. */
async function checkCsrf(deps: CaseDeps, log: CaseLog): Promise<void> {
  for (const variant of VARIANTS) {
    const sent = await deps.client.send({ method: 'GET', path: '/cloud/users' }, { ...variant, noApiHeader: true });
    log.sent(sent);
    const { status, headers, text } = sent.response;
    const problems: string[] = [];
    if (status !== 412) problems.push(`HTTP status: expected 412 without the OCS-APIRequest header, got ${status}`);
    const type = headers.get('content-type');
    if (!sameContentType(type, 'application/json; charset=utf-8')) problems.push(`Content-Type: expected "application/json; charset=utf-8", got ${type === null ? 'none' : `"${type}"`}`);
    if (text !== '{"message":"CSRF check failed"}') problems.push(`body: expected {"message":"CSRF check failed"}, got ${JSON.stringify(text.slice(0, 120))}`);
    log.add(`missing OCS-APIRequest header, ${variant.label}`, problems, sent.curl);
  }
}

/**
 * A wrong password: 401, WWW-Authenticate, and ocs/v1.php's 997 "Unauthorised" — always XML up to 30
 * (even for format=json), in the requested format from 31 (the profile's `framework.loginFailureXml`).
 */
async function checkWrongPassword(deps: CaseDeps, log: CaseLog): Promise<void> {
  for (const variant of VARIANTS) {
    const sent = await deps.client.send({ method: 'GET', path: '/cloud/users' }, { ...variant, password: deps.wrongPassword });
    log.sent(sent);
    const format = deps.rules.profile.framework.loginFailureXml ? 'xml' : variant.format;
    const expect = { code: 997, message: 'Unauthorised', origin: 'framework' } as const;
    const checked = checkOcsResponse(deps.rules, { operationId: null, version: variant.version, format, expect }, sent.response);
    const problems = [...checked.problems];
    const challenge = sent.response.headers.get('www-authenticate');
    if (!challenge || !/^Basic realm=/i.test(challenge)) problems.push(`WWW-Authenticate: expected Basic realm="…", got ${challenge === null ? 'none' : `"${challenge}"`}`);
    log.add(`wrong password, ${variant.label}`, problems, sent.curl);
  }
}
