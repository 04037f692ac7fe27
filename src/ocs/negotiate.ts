export type OcsFormat = 'json' | 'xml';

/**
 * How a release picks the answer format (DIFFERENCES.md §9.2, §9.3):
 * - `responders` (27-31): controllers take `format`, else the first Accept piece that is exactly
 *   `application/json` or `application/xml` (Controller::getResponderByHTTPHeader), else XML; a
 *   `format` no responder serves fails with 996. ocs/v1.php's own answers read `format` only.
 * - `request-format` (32.0.2+): Request::getFormat() for both: `format`, else the first Accept
 *   piece starting with `application/`, verbatim; a format no responder serves falls back to XML.
 */
export type Negotiation = 'responders' | 'request-format';

function formatParameter(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Request::getFormat(): the `format` parameter, else the first `application/...` Accept piece. */
function requestFormat(formatParam: unknown, accept: string | undefined): string | null {
  const param = formatParameter(formatParam);
  if (param !== null) return param;
  for (const piece of (accept ?? '').split(',')) {
    const type = piece.trim();
    if (type.startsWith('application/')) return type.slice('application/'.length);
  }
  return null;
}

/** The format of a controller answer, or the raw `format` when it names no responder (996). */
export function negotiateFormat(negotiation: Negotiation, formatParam: unknown, accept: string | undefined): OcsFormat | { unknown: string } {
  if (negotiation === 'request-format') {
    const format = requestFormat(formatParam, accept);
    return format === 'json' ? 'json' : 'xml';
  }
  const param = formatParameter(formatParam);
  if (param !== null) return param === 'json' || param === 'xml' ? param : { unknown: param };
  for (const piece of (accept ?? '').split(',')) {
    const type = piece.trim().toLowerCase().replace(/^application\//, '');
    if (type === 'json' || type === 'xml') return type;
  }
  return 'xml';
}

/** The format ocs/v1.php (ApiHelper) renders its own answers in; it may name no responder. */
export function frameworkFormat(framework: 'parameter' | 'negotiated', formatParam: unknown, accept: string | undefined): string {
  const format = framework === 'negotiated' ? requestFormat(formatParam, accept) : formatParameter(formatParam);
  return format ?? 'xml';
}

/** OC_API::requestedFormat (lib/private/legacy/OC_API.php): the query string's `format` if it is json or xml, else XML. */
export function legacyRequestedFormat(queryFormat: unknown): OcsFormat {
  return queryFormat === 'json' ? 'json' : 'xml';
}
