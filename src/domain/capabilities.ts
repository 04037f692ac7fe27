import type { PhpValue } from '../ocs/php.js';
import { enabledAppIds } from './apps.js';
import { replaceRecursive } from './capabilities/merge.js';
import { NC29_CAPABILITIES } from './capabilities/nc29.js';
import type { CapabilityEnv, CapabilityProfile } from './capabilities/types.js';
import { ServerUrls } from './capabilities/urls.js';
import type { HandlerContext } from './context.js';
import type { Release } from '../releases/catalog.js';

/**
 * Who registers capabilities: the apps of the 29.0.6 tarball (./capabilities/nc29.ts). What differs
 * between releases inside a block (core keys, theming keys and colours) the providers read from the
 * release profile (env.profile.capabilities).
 */
const PROFILE: CapabilityProfile = NC29_CAPABILITIES;

/** The `version` block (core OCSController::getCapabilities): the release's numbers, as ints. */
function versionBlock(release: Release): PhpValue {
  const [major, minor, micro] = release.version.split('.').map((part) => Number.parseInt(part, 10));
  return { major, minor, micro, string: release.version, edition: '', extendedSupport: false };
}

/**
 * GET /cloud/capabilities (core OCSController::getCapabilities): the server's capabilities, then
 * those of each enabled app in the order apps are registered (OC_App::getEnabledApps(): files
 * first, then by id), folded with array_replace_recursive(). Anonymous callers get only the
 * IPublicCapability ones.
 */
export function getCapabilities(ctx: HandlerContext): PhpValue {
  const env: CapabilityEnv = { profile: ctx.profile, state: ctx.state, user: ctx.actor, urls: new ServerUrls(ctx.server) };
  const providers = [...PROFILE.server, ...enabledAppIds(ctx.state).flatMap((app) => PROFILE.apps[app] ?? [])];
  let capabilities: PhpValue = {};
  for (const provider of providers) {
    if (ctx.actor || provider.public) capabilities = replaceRecursive(capabilities, provider.build(env));
  }
  return { version: versionBlock(ctx.profile.release), capabilities };
}
