/** Parameter names whose values are secrets wherever they appear (editUser's `password`, PATCH `password`). */
const SECRET_KEYS = /^(?:password|token|apppassword)$/i;

export const REDACTED = '[redacted]';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  return isRecord(value) ? redactParams(value) : value;
}

function needsRedaction(params: Record<string, unknown>): boolean {
  // null (an argument not given) holds nothing to redact.
  for (const name in params) if (SECRET_KEYS.test(name) || (typeof params[name] === 'object' && params[name] !== null)) return true;
  return typeof params.key === 'string' && SECRET_KEYS.test(params.key);
}

/**
 * Request parameters without secrets: every `password`/`token` value, and editUser's
 * `value` when its `key` is `password` (PUT /cloud/users/{userId} key=password&value=...).
 */
export function redactParams(params: Record<string, unknown>): Record<string, unknown> {
  // Most requests carry a few plain values and no secret: they are kept as they are (nothing changes
  // them once the answer is sent), which spares a copy per request.
  if (!needsRedaction(params)) return params;
  const secretValue = typeof params.key === 'string' && SECRET_KEYS.test(params.key);
  // fromEntries defines own properties: a parameter named `__proto__` is kept, not made a prototype.
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, SECRET_KEYS.test(name) || (secretValue && name === 'value') ? REDACTED : redactValue(value)]),
  );
}
