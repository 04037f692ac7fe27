import type { OcsEnvelope } from './envelope.js';
import type { PhpValue } from './php.js';
import { toPhpJson } from './json.js';
import type { OcsFormat } from './negotiate.js';
import { toPhpXml } from './xml.js';

export const CONTROLLER_CONTENT_TYPE: Record<OcsFormat, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

/** ApiHelper::setContentType: note text/xml and upper-case UTF-8 for XML. */
export function frameworkContentType(format: string): string {
  if (format === 'xml') return 'text/xml; charset=UTF-8';
  if (format === 'json') return 'application/json; charset=utf-8';
  return 'application/octet-stream; charset=utf-8';
}

export function renderEnvelope(envelope: OcsEnvelope, format: OcsFormat): string {
  return format === 'json' ? toPhpJson(envelope) : toPhpXml(envelope as unknown as { [key: string]: PhpValue });
}
