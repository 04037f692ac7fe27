/** OCS API version: /ocs/v1.php or /ocs/v2.php. */
export type OcsVersion = 1 | 2;

/**
 * Where an answer comes from. Controller answers go through V1Response/V2Response; framework answers
 * (unknown route, bad login, uncaught errors, throttling, maintenance) are rendered by ApiHelper, which
 * on NC 29 maps codes differently (measured: v2 meta carries the HTTP code, v1 meta lacks the counts).
 */
export type OcsOrigin = 'controller' | 'framework';

export const RESPOND_SERVER_ERROR = 996;
export const RESPOND_UNAUTHORISED = 997;
export const RESPOND_NOT_FOUND = 998;
export const RESPOND_UNKNOWN_ERROR = 999;

export interface OcsFraming {
  httpStatus: number;
  statuscode: number;
  ok: boolean;
  /** v1 controller answers carry totalitems/itemsperpage (as empty strings). */
  withCounts: boolean;
}

/**
 * How a release's ocs/v1.php frames its own answers (DIFFERENCES.md §9.3): up to 30 OC_API maps the
 * v2 meta code to the HTTP status and writes no counts on v1; from 31 ApiHelper keeps the raw OCS
 * code and renders v1 like a controller.
 */
export interface FrameworkFraming {
  v2MetaCode: 'http' | 'ocs';
  v1Counts: boolean;
}

/** OC_API's framing (27-30), the one the real 29.0.6 showed (transcripts 11, 14, 15). */
export const OC_API_FRAMING: FrameworkFraming = { v2MetaCode: 'http', v1Counts: false };

/** The one place where an internal status becomes meta.statuscode and an HTTP status. */
export function frameStatus(
  version: OcsVersion,
  code: number,
  origin: OcsOrigin = 'controller',
  framework: FrameworkFraming = OC_API_FRAMING,
): OcsFraming {
  if (version === 1) {
    const statuscode = code === 200 ? 100 : code;
    return {
      statuscode,
      ok: statuscode === 100,
      httpStatus: code === RESPOND_UNAUTHORISED ? 401 : origin === 'framework' && code === 503 ? 503 : 200,
      withCounts: origin === 'controller' || framework.v1Counts,
    };
  }
  const httpStatus = v2HttpStatus(code);
  if (origin === 'framework') {
    // OC_API (up to 30) writes the mapped HTTP code into meta (998 -> 404, 996 -> 500), except 997.
    const statuscode = code === RESPOND_UNAUTHORISED || framework.v2MetaCode === 'ocs' ? code : httpStatus;
    return { statuscode, ok: statuscode >= 200 && statuscode < 300, httpStatus, withCounts: false };
  }
  return { statuscode: code, ok: code >= 200 && code < 300, httpStatus, withCounts: false };
}

function v2HttpStatus(code: number): number {
  // V2Response has no special case for 100: like every code below 200 it is a 400.
  if (code === RESPOND_UNAUTHORISED) return 401;
  if (code === RESPOND_NOT_FOUND) return 404;
  if (code === RESPOND_SERVER_ERROR || code === RESPOND_UNKNOWN_ERROR) return 500;
  if (code < 200 || code > 600) return 400;
  return code;
}
