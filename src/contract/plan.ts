import type { SpecOperation } from './contract.js';
import { readSteps } from './planReads.js';
import type { PlanContext, Step } from './planSteps.js';
import { writeSteps } from './planWrites.js';

export type { PlanContext, Step } from './planSteps.js';

export interface PlannedCase {
  id: string;
  tags: string[];
  method: string;
  path: string;
  /** Why the case is not run. */
  skip?: string;
  steps: Step[];
  /** Cases that are not a spec operation (CSRF, wrong password) check by their own rules. */
  protocol?: 'csrf' | 'wrong-password';
  /** The checked release lacks this route: the steps check the answer it gives instead. */
  absent?: { release: string; note: string };
  /** The server's own release lacks this route of the checked contract (version). */
  notOnServer?: string;
}

const NO_SIDE_EFFECTS = 'not exercised: it would have real side effects on the server';
const ALWAYS_SKIPPED: Record<string, string> = {
  'apps-enable': `${NO_SIDE_EFFECTS} (enables an app for everyone)`,
  'apps-disable': `${NO_SIDE_EFFECTS} (disables an app for everyone)`,
  'users-wipe-user-devices': `${NO_SIDE_EFFECTS} (wipes a user's devices)`,
  'users-resend-welcome-message': `${NO_SIDE_EFFECTS} (sends an email)`,
};

export const PROTOCOL_CASES: readonly { id: string; protocol: 'csrf' | 'wrong-password'; method: string; path: string }[] = [
  { id: 'protocol-csrf', protocol: 'csrf', method: 'GET', path: '/cloud/users' },
  // Last: a wrong password may make a real server throttle this address.
  { id: 'protocol-wrong-password', protocol: 'wrong-password', method: 'GET', path: '/cloud/users' },
];

/**
 * Every spec operation becomes a case (run or skipped with the reason), then the `extra` cases (the
 * absent routes), then the protocol cases. Read steps change nothing; write steps run with --write.
 */
export function buildPlan(operations: SpecOperation[], ctx: PlanContext, extra: PlannedCase[] = []): PlannedCase[] {
  const reads = readSteps(ctx);
  const writes = writeSteps(ctx);
  const cases = operations.map((operation): PlannedCase => {
    const base = { id: operation.id, tags: operation.tags, method: operation.method, path: operation.path, steps: [] };
    const skip = ALWAYS_SKIPPED[operation.id];
    if (skip) return { ...base, skip };
    const steps = [...(reads[operation.id] ?? []), ...(ctx.write ? (writes[operation.id] ?? []) : [])];
    if (steps.length) return { ...base, steps };
    if (writes[operation.id]) return { ...base, skip: 'write operation: run with --write to exercise it' };
    if (operation.id === 'apps-get-app-info') return { ...base, skip: 'the server lists no apps to ask about' };
    return { ...base, skip: 'ocs-mock check has no plan for this operation' };
  });
  cases.push(...extra);
  for (const protocol of PROTOCOL_CASES) cases.push({ ...protocol, tags: ['protocol'], steps: [] });
  return cases;
}
