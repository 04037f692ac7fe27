import { RESETTABLE_PARTS, type ResettablePart } from '../sessions/scope.js';
import { ControlError } from './answers.js';
import type { ControlRoute } from './route.js';

function keptParts(body: unknown): ResettablePart[] {
  if (body === undefined) return [];
  const keep = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).keep : null;
  const extra = typeof body === 'object' && body !== null ? Object.keys(body).filter((key) => key !== 'keep') : [];
  const valid = Array.isArray(keep) && keep.every((part) => RESETTABLE_PARTS.includes(part as ResettablePart));
  if (!valid || extra.length > 0) {
    throw new ControlError(400, 'invalid reset body', `expected no body or {"keep": [...]} with parts from: ${RESETTABLE_PARTS.join(', ')}`);
  }
  return keep as ResettablePart[];
}

/** The mock as a whole: is it up, and back to its start. */
export const MOCK_ROUTES: readonly ControlRoute[] = [
  {
    method: 'GET',
    path: '/__admin/health',
    writes: false,
    summary: 'the mock is up: how many users and groups it holds',
    handle: ({ scope }) => {
      const { state } = scope();
      return { status: 200, body: { status: 'ok', users: state.users.size, groups: state.groups.size } };
    },
  },
  {
    method: 'POST',
    path: '/__admin/reset',
    writes: true,
    summary: 'back to the fixture state and the start-up scenarios; {"keep": [...]} leaves parts as they are',
    handle: ({ scope, body }) => {
      scope().reset({ keep: keptParts(body) });
      return { status: 204 };
    },
  },
];
