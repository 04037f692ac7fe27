import type { PhpValue } from '../ocs/php.js';
import { enabledAppIds } from './apps.js';
import { replaceRecursive } from './capabilities/merge.js';
import { NC29_CAPABILITIES } from './capabilities/nc29.js';
import type { CapabilityEnv, CapabilityProfile } from './capabilities/types.js';
import { ServerUrls } from './capabilities/urls.js';
import type { HandlerContext } from './context.js';

/** The release the mock reports; its capability data lives in ./capabilities/nc29.ts. */
const PROFILE: CapabilityProfile = NC29_CAPABILITIES;

/** The server version the mock reports (the reference recordings come from this release). */
export const SERVER_VERSION = PROFILE.version;

/**
 * GET /cloud/capabilities (core OCSController::getCapabilities): the server's capabilities, then
 * those of each enabled app in the order apps are registered (OC_App::getEnabledApps(): files
 * first, then by id), folded with array_replace_recursive(). Anonymous callers get only the
 * IPublicCapability ones.
 */
export function getCapabilities(ctx: HandlerContext): PhpValue {
  const env: CapabilityEnv = { state: ctx.state, user: ctx.actor, urls: new ServerUrls(ctx.server) };
  const providers = [...PROFILE.server, ...enabledAppIds(ctx.state).flatMap((app) => PROFILE.apps[app] ?? [])];
  let capabilities: PhpValue = {};
  for (const provider of providers) {
    if (ctx.actor || provider.public) capabilities = replaceRecursive(capabilities, provider.build(env));
  }
  return { version: PROFILE.version, capabilities };
}
