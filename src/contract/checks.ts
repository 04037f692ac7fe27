import type { ReleaseProfile } from '../releases/profile.js';
import { CONTROLLER_CONTENT_TYPE, frameworkContentType } from '../ocs/render.js';
import { frameStatus, type OcsFraming, type OcsOrigin, type OcsVersion } from '../ocs/status.js';
import { valueAt, type Contract } from './contract.js';
import type { RawResponse } from './client.js';
import type { Expectation, JsonValue, OcsFormat } from './types.js';
import { describeNode, parseXml, type XNode } from './xmlTree.js';

/** A response looked at once: its problems, and its parsed data for the cross-checks. */
export interface Checked {
  problems: string[];
  /** JSON: the parsed `ocs.data`. */
  data?: JsonValue;
  /** XML: the `<data>` element. */
  xmlData?: XNode;
}

/** What the answers are checked against: the spec's schemas and the release's framing rules. */
export interface Rules {
  contract: Contract;
  profile: ReleaseProfile;
}

/** One answer to check: to which operation (null: none, e.g. a failed login), in which variant, expecting what. */
export interface AnswerCheck {
  operationId: string | null;
  version: OcsVersion;
  format: OcsFormat;
  expect: Expectation;
}

/** Media type and parameters compared without regard to case or spacing, as HTTP defines them. */
export function sameContentType(actual: string | null, expected: string): boolean {
  const norm = (value: string) => value.toLowerCase().replace(/\s*;\s*/g, '; ').trim();
  return actual !== null && norm(actual) === norm(expected);
}

function isObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How the release frames `code`. Controller answers: V1Response/V2Response, the same in every release.
 * ocs/v1.php's own answers (unknown route, failed login): the HTTP status is mapped the same way, but
 * up to 30 OC_API writes that HTTP status into the v2 meta (997 excepted) and gives v1 no counts;
 * from 31 ApiHelper writes the raw code and v1 counts (DIFFERENCES.md §9.3, the profile's `framework`).
 */
export function framingFor(profile: ReleaseProfile, version: OcsVersion, code: number, origin: OcsOrigin): OcsFraming {
  const controller = frameStatus(version, code, 'controller');
  if (origin === 'controller') return controller;
  const { httpStatus } = frameStatus(version, code, 'framework');
  const mapped = version === 2 && profile.framework.v2MetaCode === 'http' && code !== 997;
  return { ...controller, httpStatus, statuscode: mapped ? httpStatus : controller.statuscode, withCounts: version === 1 && profile.framework.v1Counts };
}

/** Known path, wrong method: HTTP 405 on v1 and v2, no body, ApiHelper's Content-Type (nc29 wrong-method/*). */
export function checkMethodNotAllowed(format: OcsFormat, response: RawResponse): Checked {
  const problems: string[] = [];
  if (response.status !== 405) problems.push(`HTTP status: expected 405 (a route for other methods only), got ${response.status}`);
  const contentType = frameworkContentType(format);
  const actualType = response.headers.get('content-type');
  if (!sameContentType(actualType, contentType)) problems.push(`Content-Type: expected "${contentType}", got ${actualType === null ? 'none' : `"${actualType}"`}`);
  if (response.text !== '') problems.push(`body: expected none, got ${JSON.stringify(response.text.slice(0, 80))}`);
  return { problems };
}

/** Checks one OCS answer: HTTP status, Content-Type, envelope and meta, data, and (JSON) the schema. */
export function checkOcsResponse(rules: Rules, check: AnswerCheck, response: RawResponse): Checked {
  const { operationId, version, format, expect } = check;
  const origin = expect.origin ?? 'controller';
  const framing = framingFor(rules.profile, version, expect.code, origin);
  const problems: string[] = [];
  const mapping = `OCS ${expect.code} -> v${version} HTTP ${framing.httpStatus}`;
  if (response.status !== framing.httpStatus) problems.push(`HTTP status: expected ${framing.httpStatus} (${mapping}), got ${response.status}`);
  // The server's own Content-Type rules: controller answers, and ApiHelper's for framework answers.
  const contentType = origin === 'framework' ? frameworkContentType(format) : CONTROLLER_CONTENT_TYPE[format];
  const actualType = response.headers.get('content-type');
  if (!sameContentType(actualType, contentType)) problems.push(`Content-Type: expected "${contentType}", got ${actualType === null ? 'none' : `"${actualType}"`}`);

  const expectedMeta: Record<string, string | number> = {
    status: framing.ok ? 'ok' : 'failure',
    statuscode: framing.statuscode,
  };
  if (framing.ok) expectedMeta.message = 'OK';
  else if (expect.message !== undefined) expectedMeta.message = expect.message;
  const metaKeys = framing.withCounts ? ['status', 'statuscode', 'message', 'totalitems', 'itemsperpage'] : ['status', 'statuscode', 'message'];

  if (format === 'json') {
    let body: JsonValue;
    try {
      body = JSON.parse(response.text) as JsonValue;
    } catch {
      return { problems: [...problems, `body is not JSON: ${JSON.stringify(response.text.slice(0, 80))}`] };
    }
    const ocs = isObject(body) ? body.ocs : undefined;
    if (!isObject(ocs) || !isObject(ocs.meta) || !('data' in ocs)) {
      return { problems: [...problems, `body is not an OCS envelope {"ocs":{"meta":…,"data":…}}: ${JSON.stringify(response.text.slice(0, 80))}`] };
    }
    if (Object.keys(ocs).join() !== 'meta,data') problems.push(`ocs: expected keys [meta, data] in that order, got [${Object.keys(ocs).join(', ')}]`);
    problems.push(...checkJsonMeta(ocs.meta, expectedMeta, metaKeys));
    const data = ocs.data!;
    if (expect.data !== undefined && JSON.stringify(data) !== JSON.stringify(expect.data)) {
      problems.push(`data: expected ${JSON.stringify(expect.data)}, got ${JSON.stringify(data).slice(0, 120)}`);
    }
    if (operationId) {
      const schemaStatus = frameStatus(2, expect.code).httpStatus;
      for (const violation of rules.contract.validate(operationId, schemaStatus, body)) {
        const got = valueAt(body, violation.instancePath);
        // Show scalars that are wrong; objects (e.g. a missing property's parent) are too long to help.
        const shown = got === undefined || (typeof got === 'object' && got !== null) ? '' : ` (got ${JSON.stringify(got).slice(0, 60)})`;
        problems.push(`schema (response ${schemaStatus}): ${violation.instancePath || '/'} ${violation.message}${shown}`);
      }
    }
    return { problems, data };
  }

  let root: XNode;
  try {
    root = parseXml(response.text);
  } catch (error) {
    return { problems: [...problems, `body: ${(error as Error).message}: ${JSON.stringify(response.text.slice(0, 80))}`] };
  }
  const [meta, data] = root.children;
  if (root.name !== 'ocs' || root.children.length !== 2 || meta?.name !== 'meta' || data?.name !== 'data') {
    return { problems: [...problems, `XML: expected <ocs> with <meta> then <data>, got ${describeNode(root)}`] };
  }
  problems.push(...checkXmlMeta(meta, expectedMeta, metaKeys));
  return { problems, xmlData: data };
}

function checkJsonMeta(meta: { [key: string]: JsonValue }, expected: Record<string, string | number>, keys: string[]): string[] {
  const problems: string[] = [];
  if (Object.keys(meta).join() !== keys.join()) problems.push(`meta: expected keys [${keys.join(', ')}], got [${Object.keys(meta).join(', ')}]`);
  for (const key of keys) {
    const value = meta[key];
    const type = key === 'statuscode' ? 'number' : 'string';
    if (value !== undefined && typeof value !== type) problems.push(`meta.${key}: expected a ${type}, got ${JSON.stringify(value)}`);
  }
  for (const key of ['totalitems', 'itemsperpage']) {
    if (keys.includes(key) && meta[key] !== undefined && meta[key] !== '') problems.push(`meta.${key}: expected "", got ${JSON.stringify(meta[key])}`);
  }
  for (const [key, value] of Object.entries(expected)) {
    if (meta[key] !== undefined && meta[key] !== value) problems.push(`meta.${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(meta[key])}`);
  }
  return problems;
}

function checkXmlMeta(meta: XNode, expected: Record<string, string | number>, keys: string[]): string[] {
  const problems: string[] = [];
  const names = meta.children.map((child) => child.name);
  if (names.join() !== keys.join()) problems.push(`<meta>: expected children [${keys.join(', ')}], got [${names.join(', ')}]`);
  for (const child of meta.children) {
    if (child.children.length > 0) problems.push(`<meta><${child.name}>: expected text, got ${describeNode(child)}`);
    if (keys.includes(child.name) && child.name !== 'status' && child.name !== 'statuscode' && child.name !== 'message' && child.text !== '') {
      problems.push(`<meta><${child.name}>: expected empty, got ${JSON.stringify(child.text)}`);
    }
    const want = expected[child.name];
    if (want !== undefined && child.text !== String(want)) problems.push(`<meta><${child.name}>: expected ${JSON.stringify(String(want))}, got ${JSON.stringify(child.text)}`);
  }
  return problems;
}
