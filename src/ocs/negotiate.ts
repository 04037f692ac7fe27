export type OcsFormat = 'json' | 'xml';

/**
 * Controller answers: the `format` parameter, else the first Accept piece that is exactly
 * `application/json` or `application/xml`, else XML (Controller::getResponderByHTTPHeader).
 * Returns the raw `format` when it names no responder: Nextcloud then fails with a 996.
 */
export function negotiateFormat(formatParam: unknown, accept: string | undefined): OcsFormat | { unknown: string } {
  if (typeof formatParam === 'string' && formatParam !== '') {
    if (formatParam === 'json' || formatParam === 'xml') return formatParam;
    return { unknown: formatParam };
  }
  if (accept) {
    for (const piece of accept.split(',')) {
      const type = piece.trim().toLowerCase().replace(/^application\//, '');
      if (type === 'json' || type === 'xml') return type;
    }
  }
  return 'xml';
}

/** Framework answers (ApiHelper) read only the `format` parameter and ignore Accept. */
export function frameworkFormat(formatParam: unknown): string {
  return typeof formatParam === 'string' && formatParam !== '' ? formatParam : 'xml';
}

/** OC_API::requestedFormat (lib/private/legacy/OC_API.php): the query string's `format` if it is json or xml, else XML. */
export function legacyRequestedFormat(queryFormat: unknown): OcsFormat {
  return queryFormat === 'json' ? 'json' : 'xml';
}
