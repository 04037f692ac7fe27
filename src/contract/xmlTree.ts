import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An XML element as the comparison needs it: children in order, and whether it closed itself. */
export interface XNode {
  name: string;
  attributes: Record<string, string>;
  children: XNode[];
  /** Text content (whitespace between child elements is dropped). */
  text: string;
  selfClosing: boolean;
}

/** The parser cannot tell `<k/>` from `<k></k>`, which PHP uses for null vs ''/false: mark it first. */
const SELF_CLOSING_MARK = 'ocsmock-self-closing';
const SELF_CLOSING = /<([A-Za-z_][\w.:-]*)((?:\s+[^<>]*?)?)\s*\/>/g;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Ordered = { [key: string]: Ordered[] | string | Record<string, string> };

/** Parses an OCS XML document; throws with the parser's message when it is not well-formed. */
export function parseXml(text: string): XNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const marked = text.replace(SELF_CLOSING, `<$1$2 ${SELF_CLOSING_MARK}="1"/>`);
  const roots = (parser.parse(marked) as Ordered[]).map(toNode).filter((node): node is XNode => node !== null);
  if (roots.length !== 1) throw new Error(`malformed XML: expected one root element, found ${roots.length}`);
  return roots[0]!;
}

function toNode(entry: Ordered): XNode | null {
  const name = Object.keys(entry).find((key) => key !== ':@' && key !== '#text');
  if (name === undefined) return null;
  const attributes = { ...((entry[':@'] as Record<string, string> | undefined) ?? {}) };
  const selfClosing = SELF_CLOSING_MARK in attributes;
  delete attributes[SELF_CLOSING_MARK];
  const children: XNode[] = [];
  let text = '';
  for (const child of entry[name] as Ordered[]) {
    if (typeof child['#text'] === 'string') text += child['#text'];
    else {
      const node = toNode(child);
      if (node) children.push(node);
    }
  }
  // Indentation between child elements is layout, not content.
  if (children.length > 0 && text.trim() === '') text = '';
  return { name, attributes, children, text, selfClosing };
}

/** `<k/>`, `<k>text</k>`, `<k>…children…</k>`: a short picture of a node for messages. */
export function describeNode(node: XNode): string {
  if (node.selfClosing) return `<${node.name}/>`;
  if (node.children.length > 0) {
    const names = node.children.slice(0, 3).map((c) => `<${c.name}>`);
    if (node.children.length > 3) names.push('…');
    return `<${node.name}> with children ${names.join(', ')}`;
  }
  return `<${node.name}>${node.text}</${node.name}>`;
}
