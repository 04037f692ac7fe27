import { createRequire } from 'node:module';
import type { XMLBuilder } from 'fast-xml-parser';
import type { PhpValue } from './php.js';

const ATTRIBUTES = '@attributes';

/** PHP XMLWriter escaping: & < > " and CR; quotes and newlines stay raw in text. */
function escapeXml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

function escapeAttribute(value: unknown): string {
  return escapeXml(value).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const require = createRequire(import.meta.url);
let builder: XMLBuilder | undefined;

/** fast-xml-parser loads on the first XML answer, not at start-up (~20-40 ms): synchronously, as rendering is. */
function xmlBuilder(): XMLBuilder {
  if (!builder) {
    const { XMLBuilder: Builder } = require('fast-xml-parser') as typeof import('fast-xml-parser');
    builder = new Builder({
      format: true,
      indentBy: ' ',
      ignoreAttributes: false,
      attributeNamePrefix: '',
      attributesGroupName: ATTRIBUTES,
      suppressEmptyNode: false,
      processEntities: false,
      tagValueProcessor: (_name: string, value: unknown) => escapeXml(value),
      attributeValueProcessor: (_name: string, value: unknown) => escapeAttribute(value),
    });
  }
  return builder;
}

type BuilderNode = string | number | null | BuilderNode[] | { [key: string]: BuilderNode };

/** Nextcloud's BaseResponse::toXML rules, expressed as a fast-xml-parser document. */
function toBuilderNode(value: PhpValue): BuilderNode {
  if (value === null) return null;
  if (value === true) return 1;
  if (value === false) return '';
  if (typeof value === 'string' || typeof value === 'number') return value;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return null;
  const children: [string, BuilderNode][] = [];
  const elements: BuilderNode[] = [];
  let attributes: { [key: string]: BuilderNode } | undefined;
  for (const [key, child] of entries) {
    if (key === ATTRIBUTES && child !== null && typeof child === 'object') {
      attributes = { ...attributes, ...(child as { [key: string]: BuilderNode }) };
    } else if (key.startsWith('@')) {
      attributes = { ...attributes, [key.slice(1)]: toBuilderNode(child) };
    } else if (isNumericKey(key)) {
      elements.push(toBuilderNode(child));
    } else {
      children.push([key, toBuilderNode(child)]);
    }
  }
  // fromEntries defines own properties: a `__proto__` key stays an element (`node[key] =` would set the prototype).
  const node: { [key: string]: BuilderNode } = Object.fromEntries(children);
  if (elements.length > 0) node.element = elements;
  if (attributes) node[ATTRIBUTES] = attributes;
  return node;
}

/** PHP's is_numeric: decimal numbers with optional sign, fraction and exponent (no hex, no INF). */
const PHP_NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

function isNumericKey(key: string): boolean {
  return PHP_NUMERIC.test(key);
}

/** An element that has only attributes closes itself in PHP (`<author mail="…"/>`). */
const ATTRIBUTE_ONLY = /<([A-Za-z_][\w.-]*)( [^<>]*)><\/\1>/g;

/** Renders an OCS envelope (or any PHP value under a root key) byte for byte as Nextcloud does. */
export function toPhpXml(root: { [key: string]: PhpValue }): string {
  const body = xmlBuilder().build(toBuilderNode(root)) as string;
  return '<?xml version="1.0"?>\n' + body.replace(ATTRIBUTE_ONLY, '<$1$2/>');
}
