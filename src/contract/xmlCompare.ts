import type { JsonValue } from './types.js';
import { describeNode, type XNode } from './xmlTree.js';
import { VOLATILE_KEYS } from './volatile.js';

const MAX_PROBLEMS = 5;

/**
 * Checks that an XML element renders the given JSON value by Nextcloud's rules (BaseResponse::toXML):
 * lists are `<element>` children, true is 1, false and '' are `<k></k>`, null and empty arrays `<k/>`,
 * numeric keys become `<element>`, `@attributes` and `@x` keys become attributes.
 */
export function compareXml(expected: JsonValue, node: XNode, path: string, same: (text: string) => string = (text) => text): string[] {
  const problems: string[] = [];
  walk(expected, node, path, problems, false, same);
  return problems.slice(0, MAX_PROBLEMS);
}

function walk(expected: JsonValue, node: XNode, path: string, problems: string[], volatile: boolean, same: (text: string) => string): void {
  if (problems.length >= MAX_PROBLEMS) return;
  const actual = describeNode(node);
  if (expected === null) {
    if (!node.selfClosing) problems.push(`${path}: JSON has null, XML must be <${node.name}/>, got ${actual}`);
    return;
  }
  if (typeof expected !== 'object') {
    const text = expected === true ? '1' : expected === false ? '' : String(expected);
    const shown = expected === true ? 'true (<k>1</k>)' : expected === false ? 'false (<k></k>)' : JSON.stringify(expected);
    if (node.selfClosing || node.children.length > 0) {
      problems.push(`${path}: JSON has ${shown}, XML must be <${node.name}>${text}</${node.name}>, got ${actual}`);
    } else if (!volatile && same(node.text) !== same(text)) {
      problems.push(`${path}: JSON has ${shown}, XML has ${JSON.stringify(node.text)}`);
    }
    return;
  }
  const entries: [string, JsonValue][] = Array.isArray(expected) ? expected.map((v, i) => [String(i), v]) : Object.entries(expected);
  if (entries.length === 0) {
    if (!node.selfClosing) problems.push(`${path}: JSON has an empty array, XML must be <${node.name}/>, got ${actual}`);
    return;
  }
  const attributes: Record<string, string> = {};
  const children: [string, string, JsonValue][] = [];
  for (const [key, value] of entries) {
    if (key === '@attributes' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, attr] of Object.entries(value)) attributes[name] = scalarText(attr);
    } else if (key.startsWith('@')) {
      attributes[key.slice(1)] = scalarText(value);
    } else if (isNumericKey(key)) {
      children.push(['element', `${path}[${key}]`, value]);
    } else {
      children.push([key, `${path}.${key}`, value]);
    }
  }
  compareAttributes(attributes, node, path, problems);
  const isList = children.length > 0 && children.every(([name]) => name === 'element');
  const names = node.children.map((child) => child.name);
  if (isList && names.some((name) => name !== 'element')) {
    const found = [...new Set(names)].map((name) => `<${name}>`).join(', ') || 'no child elements';
    problems.push(`${path}: a list of ${children.length} must be rendered as <element> children, got ${found}`);
    return;
  }
  const wanted = children.map(([name]) => name);
  if (wanted.join('\u0000') !== names.join('\u0000')) {
    const missing = wanted.filter((name) => !names.includes(name));
    const extra = names.filter((name) => !wanted.includes(name));
    if (missing.length || extra.length) {
      problems.push(`${path}: XML children differ from JSON keys (missing ${list(missing)}, unexpected ${list(extra)})`);
    } else if (wanted.length !== names.length) {
      problems.push(`${path}: JSON has ${wanted.length} entries, XML has ${names.length} child elements`);
    } else {
      problems.push(`${path}: XML children are in another order than JSON keys (JSON ${wanted.join(', ')}; XML ${names.join(', ')})`);
    }
    return;
  }
  children.forEach(([name, childPath, value], i) => walk(value, node.children[i]!, childPath, problems, volatile || VOLATILE_KEYS.has(name), same));
}

function compareAttributes(expected: Record<string, string>, node: XNode, path: string, problems: string[]): void {
  const wanted = JSON.stringify(Object.entries(expected).sort());
  const got = JSON.stringify(Object.entries(node.attributes).sort());
  if (wanted !== got) problems.push(`${path}: XML attributes ${got} differ from JSON's @attributes ${wanted}`);
}

function scalarText(value: JsonValue): string {
  if (value === true) return '1';
  if (value === false || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function isNumericKey(key: string): boolean {
  return key.trim() !== '' && !Number.isNaN(Number(key));
}

function list(names: string[]): string {
  return names.length ? names.map((name) => `<${name}>`).join(', ') : 'none';
}
