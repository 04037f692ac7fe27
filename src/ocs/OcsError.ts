import type { PhpValue } from './php.js';

/**
 * A failure with an OCS status code, as Nextcloud's OCSException (data empty) or a DataResponse
 * returned with an error status (data kept, e.g. app config's 403 with `{data: {message}}`).
 */
export class OcsError extends Error {
  constructor(
    readonly statuscode: number,
    message = '',
    readonly data: PhpValue = [],
  ) {
    super(message);
    this.name = 'OcsError';
  }
}

/** An exception Nextcloud does not turn into an OCS answer: ocs/v1.php renders it as 996 / HTTP 500. */
export class InternalServerError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InternalServerError';
  }
}
