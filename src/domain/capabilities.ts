import type { PhpValue } from '../ocs/php.js';
import type { HandlerContext } from './context.js';

/** The server version the mock reports (the reference transcripts come from this release). */
export const SERVER_VERSION = { major: 29, minor: 0, micro: 6, string: '29.0.6', edition: '', extendedSupport: false };

/**
 * GET /cloud/capabilities (core OcsController): public capabilities for everyone, the
 * provisioning_api ones only for logged-in users.
 */
export function getCapabilities(ctx: HandlerContext): PhpValue {
  const capabilities: { [key: string]: PhpValue } = {
    core: { pollinterval: 60, 'webdav-root': 'remote.php/webdav', 'reference-api': true, 'reference-regex': '(\\s|\\n|^)(https?:\\/\\/)((?:[-A-Z0-9+_]+\\.)+[-A-Z]+(?:\\/[-A-Z0-9+&@#%?=~_|!:,.;()]*)*)(\\s|\\n|$)', 'mod-rewrite-working': false },
  };
  if (ctx.actor) {
    capabilities.provisioning_api = {
      version: ctx.state.apps.get('provisioning_api')?.version ?? '1.19.0',
      AccountPropertyScopesVersion: 2,
      AccountPropertyScopesFederatedEnabled: ctx.state.apps.get('federation')?.enabled ?? false,
      AccountPropertyScopesPublishedEnabled: false,
    };
  }
  const theming = ctx.state.appConfig.get('theming');
  capabilities.theming = {
    name: theming?.get('name') ?? 'Nextcloud',
    url: theming?.get('url') ?? 'https://nextcloud.com',
    slogan: theming?.get('slogan') ?? 'a safe home for all your data',
    color: '#00679e',
    'color-text': '#ffffff',
    'color-element': '#00679e',
  };
  return { version: SERVER_VERSION, capabilities };
}
