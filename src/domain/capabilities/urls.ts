import type { ServerAddress } from '../context.js';

/**
 * The absolute URLs IURLGenerator builds for the request's address. The mock reports
 * `mod-rewrite-working: false`, so routes keep /index.php as on a server without rewrite rules.
 */
export class ServerUrls {
  private readonly base: string;
  private readonly webRoot: string;

  constructor(server: ServerAddress) {
    this.webRoot = server.webRoot;
    this.base = `${server.protocol}://${server.host}${server.webRoot}`;
  }

  /** getAbsoluteURL(linkTo($app, $file)): a file shipped in an app folder. */
  appFile(app: string, file: string): string {
    return `${this.base}/apps/${app}/${file}`;
  }

  /** linkTo($app, $file): the same file, relative to the host. */
  appPath(app: string, file: string): string {
    return `${this.webRoot}/apps/${app}/${file}`;
  }

  /** getAbsoluteURL(imagePath('core', $image)). */
  coreImage(image: string): string {
    return `${this.base}/core/img/${image}`;
  }

  /** linkToRouteAbsolute(): a page route, given by its path below index.php. */
  route(path: string): string {
    return `${this.base}/index.php${path}`;
  }

  /** linkToOCSRouteAbsolute(): always the v2 entry point. */
  ocsRoute(path: string): string {
    return `${this.base}/ocs/v2.php${path}`;
  }
}
