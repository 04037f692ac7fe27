import type { SpecViolation } from '../releases/specDefects.js';
import type { JsonValue } from './types.js';

/** What the checker needs of an ajv error. */
export type AjvError = SpecViolation;

type Schema = { [key: string]: unknown };

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{type: object, required: [id], properties: {id}}` and nothing else: the spec's "only an id" entry. */
function isIdOnly(schema: unknown): schema is Schema {
  if (!isSchema(schema) || schema.type !== 'object' || schema.additionalProperties !== undefined) return false;
  const properties = isSchema(schema.properties) ? Object.keys(schema.properties) : [];
  return JSON.stringify(schema.required) === '["id"]' && properties.join() === 'id';
}

/**
 * A details list entry (`/users/details`, `/users/disabled`, `/groups/{id}/users/details`) is either
 * exactly `{id}` (a user the caller may not see, or one its backend lost) or a full UserDetails record
 * (UsersController::getUsersDetails). Every release's spec writes `anyOf`/`oneOf` [UserDetails,
 * {id}], which any object with an id passes; here an entry with more than an id must be a full record.
 * Changes `definition` in place.
 */
export function holdEntriesToFullRecords(definition: unknown): void {
  if (Array.isArray(definition)) {
    for (const item of definition) holdEntriesToFullRecords(item);
    return;
  }
  if (!isSchema(definition)) return;
  for (const keyword of ['anyOf', 'oneOf']) {
    const branches = definition[keyword];
    if (!Array.isArray(branches) || branches.length !== 2) continue;
    const idOnly = branches.find(isIdOnly);
    const record = branches.find((branch) => branch !== idOnly);
    if (!idOnly || !record) continue;
    delete definition[keyword];
    Object.assign(definition, { if: { maxProperties: 1 }, then: { ...idOnly, additionalProperties: false }, else: record });
  }
  for (const value of Object.values(definition)) holdEntriesToFullRecords(value);
}

/** PHP encodes an empty associative array as `[]`, so `[]` where the schema wants an object is no violation. */
export function isPhpEmptyObject(error: AjvError, body: JsonValue): boolean {
  if (error.keyword !== 'type' || error.params.type !== 'object') return false;
  const value = valueAt(body, error.instancePath);
  return Array.isArray(value) && value.length === 0;
}

/** The value at a JSON pointer such as `/ocs/data/users/0`. */
export function valueAt(root: JsonValue, pointer: string): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (current !== null && typeof current === 'object') current = current[key];
    else return undefined;
  }
  return current;
}
