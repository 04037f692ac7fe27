import type { CapabilityProvider } from './types.js';

/** IURLGenerator::URL_REGEX_NO_MODIFIERS (lib/public/IURLGenerator.php). */
const URL_REGEX = String.raw`(\s|\n|^)(https?:\/\/)([-A-Z0-9+_.]+(?::[0-9]+)?(?:\/[-A-Z0-9+&@#%?=~_|!:,.;()]*)*)(\s|\n|$)`;

/** OC\OCS\CoreCapabilities with the system defaults (pollinterval, webdav-root); 29+ say there are no rewrite rules. */
export const coreCapabilities: CapabilityProvider = {
  public: false,
  build: ({ profile }) => ({
    core: {
      pollinterval: 60,
      'webdav-root': 'remote.php/webdav',
      'reference-api': true,
      'reference-regex': URL_REGEX,
      ...(profile.capabilities.modRewriteWorking ? { 'mod-rewrite-working': false } : {}),
    },
  }),
};

/**
 * OC\Security\Bruteforce\Capabilities. The mock never slows down failed logins, which is what a
 * server with `auth.bruteforce.protection.enabled` = false reports (recording capabilities/admin.*).
 */
export const bruteforceCapabilities: CapabilityProvider = {
  public: true,
  build: () => ({ bruteforce: { delay: 0, 'allow-listed': true } }),
};
