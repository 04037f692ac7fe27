import { NOT_FOUND_MESSAGE } from '../http/ocsHandler.js';
import { RouteTable, type RouteDefinition } from '../http/routeTable.js';
import type { SpecOperation } from './contract.js';
import type { PlannedCase } from './plan.js';
import { readSteps } from './planReads.js';
import type { PlanContext, Step } from './planSteps.js';
import type { Expectation, MethodNotAllowed } from './types.js';

/** ocs/v1.php's answer when no route matches: 998 from the framework, before login (DIFFERENCES.md §9.3). */
const UNKNOWN_ROUTE: Expectation = { code: 998, message: NOT_FOUND_MESSAGE, data: [], origin: 'framework' };

/**
 * What a release without the operation answers its request: its own route table decides, as the
 * server's router would. No route matches: the unknown-route answer. The path is a route for other
 * methods only: 405. A template route matches (GET /cloud/users/recent is users-get-user for a user
 * "recent" up to 29, nc29 README item 35): that operation's answer for something that does not exist.
 */
function answerWithout(step: Step, table: RouteTable, reads: Record<string, Step[]>, release: string): { expect: Expectation | MethodNotAllowed; note: string } | string {
  const call = step.call({ version: 2, format: 'json', tag: 'v2j', label: 'v2 json' });
  const match = table.match(call.method, decodeURIComponent(call.path));
  const lacks = `not a route of Nextcloud ${release}`;
  if (match.kind === 'not-found') return { expect: UNKNOWN_ROUTE, note: `${lacks}: answers as an unknown route (998)` };
  if (match.kind === 'method-not-allowed') return { expect: { httpStatus: 405 }, note: `${lacks}: answers 405, the path being a route for other methods` };
  const shadow = reads[match.route.operationId]?.find((candidate) => candidate.notFound);
  const routed = `${call.method} ${call.path} is ${match.route.operationId} there`;
  if (!shadow || 'httpStatus' in shadow.expect) return `${lacks}; ${routed}, whose answer ocs-mock check cannot tell`;
  const { code, message } = shadow.expect;
  return { expect: shadow.expect, note: `${lacks}: ${routed}, answering ${code} ${JSON.stringify(message ?? '')}` };
}

/**
 * One case per operation the checked release lacks (it is in the newest release): the first read
 * step's request, sent in all four variants, must get the answer that release gives without the
 * route. Only read steps are sent, so a server that does have the route changes nothing.
 */
export function absentCases(absent: SpecOperation[], routes: RouteDefinition[], release: string, ctx: PlanContext): PlannedCase[] {
  const table = new RouteTable(routes);
  const reads = readSteps(ctx);
  return absent.map((operation): PlannedCase => {
    const base = { id: operation.id, tags: operation.tags, method: operation.method, path: operation.path, steps: [] };
    const step = reads[operation.id]?.[0];
    if (!step) return { ...base, skip: `not a route of Nextcloud ${release}; ocs-mock check has no harmless request to show that` };
    const answer = answerWithout(step, table, reads, release);
    if (typeof answer === 'string') return { ...base, skip: answer };
    return { ...base, absent: { release, note: answer.note }, steps: [{ name: `${step.name} without the route`, call: step.call, expect: answer.expect }] };
  });
}
