import { passwordPolicyOf } from '../passwordPolicy.js';
import type { CapabilityProvider, PhpMap } from './types.js';

/** The capabilities of apps whose block is a handful of values (each app's lib/Capabilities.php). */

const fixed = (block: PhpMap): CapabilityProvider => ({ public: false, build: () => block });

export const activityCapabilities = fixed({ activity: { apiv2: ['filters', 'filters-api', 'previews', 'rich-strings'] } });

/** dav: chunking, plus bulk upload while `bulkupload.enabled` keeps its default (true). */
export const davCapabilities = fixed({ dav: { chunking: '1.0', bulkupload: '1.0' } });

export const notificationsCapabilities = fixed({
  notifications: {
    'ocs-endpoints': ['list', 'get', 'delete', 'delete-all', 'icons', 'rich-strings', 'action-web', 'user-status', 'exists'],
    push: ['devices', 'object-data', 'delete'],
    'admin-notifications': ['ocs', 'cli'],
  },
});

export const systemtagsCapabilities = fixed({ systemtags: { enabled: true } });

/** user_status: supports_emoji is IEmojiHelper::doesPlatformSupportEmoji() (4-byte text and intl). */
export const userStatusCapabilities = fixed({ user_status: { enabled: true, restore: true, supports_emoji: true } });

export const weatherStatusCapabilities = fixed({ weather_status: { enabled: true } });

/** cloud_federation_api: the OCM provider; its end point is the addShare route minus '/shares'. */
export const ocmCapabilities: CapabilityProvider = {
  public: false,
  build: ({ urls }) => ({
    ocm: {
      enabled: true,
      apiVersion: '1.0-proposal1',
      endPoint: urls.route('/ocm'),
      resourceTypes: [{ name: 'file', shareTypes: ['user', 'group'], protocols: { webdav: '/public.php/webdav/' } }],
    },
  }),
};

/**
 * provisioning_api: the federated scope needs the federation app; the published scope needs
 * federatedfilesharing with lookup server uploads on (files_sharing/lookupServerUploadEnabled).
 */
export const provisioningCapabilities: CapabilityProvider = {
  public: false,
  build: ({ state }) => ({
    provisioning_api: {
      version: state.apps.get('provisioning_api')?.version ?? '',
      AccountPropertyScopesVersion: 2,
      AccountPropertyScopesFederatedEnabled: state.apps.get('federation')?.enabled ?? false,
      AccountPropertyScopesPublishedEnabled:
        (state.apps.get('federatedfilesharing')?.enabled ?? false) &&
        (state.appConfig.get('files_sharing')?.get('lookupServerUploadEnabled') ?? 'yes') === 'yes',
    },
  }),
};

/** password_policy: the settings in force and its OCS API. */
export const passwordPolicyCapabilities: CapabilityProvider = {
  public: false,
  build: ({ state, urls }): PhpMap => {
    const policy = passwordPolicyOf(state);
    if (!policy) return {};
    return {
      password_policy: {
        minLength: policy.minLength,
        enforceNonCommonPassword: policy.enforceNonCommonPassword,
        enforceNumericCharacters: policy.enforceNumericCharacters,
        enforceSpecialCharacters: policy.enforceSpecialCharacters,
        enforceUpperLowerCase: policy.enforceUpperLowerCase,
        api: {
          generate: urls.ocsRoute('/apps/password_policy/api/v1/generate'),
          validate: urls.ocsRoute('/apps/password_policy/api/v1/validate'),
        },
      },
    };
  },
};
