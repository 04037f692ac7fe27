import { CheckError } from './types.js';

/** Who the checker logs in as, and the server's base URL without any credentials in it. */
export interface Login {
  url: string;
  user: string;
  password: string;
}

/** `scheme://user:password@` in a URL given as text, parsable or not. */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i;

/** A URL as it may be printed: any credentials in it become `***`. */
export function shownUrl(url: string): string {
  return url.replace(USERINFO, '$1***@');
}

/** Whether the URL carries a login (`http://user:password@host`). */
export function urlHasCredentials(url: string): boolean {
  return USERINFO.test(url);
}

/**
 * The login from --user/--password, or from the URL's `user:password@` (fetch refuses URLs with
 * credentials, so they are taken out); both at once is refused rather than guessed between.
 */
export function resolveLogin(options: { url: string; user?: string; password?: string }): Login {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new CheckError(2, `--url must be an http(s) URL, got "${shownUrl(options.url)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CheckError(2, `--url must be an http(s) URL, got "${shownUrl(options.url)}"`);
  if (url.username === '' && url.password === '') {
    if (!options.user) throw new CheckError(2, '--user must not be empty (or give the login in the URL: http://user:password@host)');
    if (options.password === undefined) throw new CheckError(2, 'give --password or set OCS_PASSWORD');
    return { url: options.url, user: options.user, password: options.password };
  }
  if (options.user !== undefined || options.password !== undefined) {
    throw new CheckError(2, `--url ${shownUrl(options.url)} carries a login: give it there or with --user/--password, not both`);
  }
  if (url.username === '' || url.password === '') {
    throw new CheckError(2, `--url ${shownUrl(options.url)} must carry both user and password (http://user:password@host), or use --user/--password`);
  }
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  return { url: url.href, user, password };
}
