import type { PhpValue } from '../../ocs/php.js';
import type { State, User } from '../../state/model.js';
import { appValue, phpInt } from '../appValues.js';
import type { CapabilityEnv, CapabilityProvider, PhpMap } from './types.js';

/** A JSON list of group ids in app config, as the share manager json_decode()s it. */
function groupList(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

function inAnyGroup(state: State, user: User | null, groups: string[]): boolean {
  return user !== null && groups.some((gid) => state.groups.get(gid)?.members.has(user.id));
}

const yes = (state: State, app: string, key: string, fallback: 'yes' | 'no') => appValue(state, app, key, fallback) === 'yes';

/** The OC\Share20\Manager settings the sharing capabilities read (core app config). */
function shareSettings(state: State, user: User | null) {
  const allowLinks =
    yes(state, 'core', 'shareapi_allow_links', 'yes') &&
    !inAnyGroup(state, user, groupList(appValue(state, 'core', 'shareapi_allow_links_exclude_groups', '[]')));
  const passwordExcluded = appValue(state, 'core', 'shareapi_enforce_links_password_excluded_groups', '');
  const enforcePassword =
    !(passwordExcluded !== '' && inAnyGroup(state, user, groupList(passwordExcluded))) &&
    yes(state, 'core', 'shareapi_enforce_links_password', 'no');
  return {
    apiEnabled: yes(state, 'core', 'shareapi_enabled', 'yes'),
    allowLinks,
    enforcePassword,
    linkExpireEnforced: yes(state, 'core', 'shareapi_default_expire_date', 'no') && yes(state, 'core', 'shareapi_enforce_expire_date', 'no'),
  };
}

/** One of the three expiry settings (link, internal, remote): `days`/`enforced` only when enabled. */
function expireDate(state: State, enabledKey: string, daysKey: string, enforcedKey: string): PhpMap {
  if (!yes(state, 'core', enabledKey, 'no')) return { enabled: false };
  return { enabled: true, days: phpInt(appValue(state, 'core', daysKey, '7')), enforced: yes(state, 'core', enforcedKey, 'no') };
}

/** apps/files_sharing/lib/Capabilities.php. */
function filesSharing({ state, user }: CapabilityEnv): PhpMap {
  const settings = shareSettings(state, user);
  const res: { [key: string]: PhpValue } = {};
  if (!settings.apiEnabled) {
    res.api_enabled = false;
    res.public = { enabled: false };
    res.user = { send_mail: false };
    res.resharing = false;
  } else {
    res.api_enabled = true;
    const pub: { [key: string]: PhpValue } = { enabled: settings.allowLinks };
    if (settings.allowLinks) {
      pub.password = {
        enforced: settings.enforcePassword,
        askForOptionalPassword: !settings.enforcePassword && yes(state, 'core', 'shareapi_enable_link_password_by_default', 'no'),
      };
      pub.expire_date = expireDate(state, 'shareapi_default_expire_date', 'shareapi_expire_after_n_days', 'shareapi_enforce_expire_date');
      pub.multiple_links = true;
      pub.expire_date_internal = expireDate(
        state,
        'shareapi_default_internal_expire_date',
        'shareapi_internal_expire_after_n_days',
        'shareapi_enforce_internal_expire_date',
      );
      pub.expire_date_remote = expireDate(
        state,
        'shareapi_default_remote_expire_date',
        'shareapi_remote_expire_after_n_days',
        'shareapi_enforce_remote_expire_date',
      );
      pub.send_mail = yes(state, 'core', 'shareapi_allow_public_notification', 'no');
      pub.upload = yes(state, 'core', 'shareapi_allow_public_upload', 'yes');
      pub.upload_files_drop = pub.upload;
    }
    res.public = pub;
    res.resharing = yes(state, 'core', 'shareapi_allow_resharing', 'yes');
    res.user = { send_mail: false, expire_date: { enabled: true } };
    const groupSharing = yes(state, 'core', 'shareapi_allow_group_sharing', 'yes');
    // 'group_sharing' is the deprecated twin of group.enabled, kept for older clients.
    res.group_sharing = groupSharing;
    res.group = { enabled: groupSharing, expire_date: { enabled: true } };
    res.default_permissions = phpInt(appValue(state, 'core', 'shareapi_default_permissions', '31'));
  }
  res.federation = {
    outgoing: yes(state, 'files_sharing', 'outgoing_server2server_share_enabled', 'yes'),
    incoming: yes(state, 'files_sharing', 'incoming_server2server_share_enabled', 'yes'),
    expire_date: { enabled: true },
    expire_date_supported: { enabled: true },
  };
  res.sharee = {
    query_lookup_default: false,
    always_show_unique: yes(state, 'files_sharing', 'always_show_unique', 'yes'),
  };
  return { files_sharing: res };
}

export const filesSharingCapabilities: CapabilityProvider = { public: false, build: filesSharing };

/** apps/sharebymail/lib/Capabilities.php: nothing while files_sharing is disabled. */
export const shareByMailCapabilities: CapabilityProvider = {
  public: false,
  build: ({ state, user }): PhpMap => {
    if (!state.apps.get('files_sharing')?.enabled) return {};
    const settings = shareSettings(state, user);
    return {
      files_sharing: {
        sharebymail: {
          enabled: settings.allowLinks,
          send_password_by_mail: yes(state, 'sharebymail', 'sendpasswordmail', 'yes'),
          upload_files_drop: { enabled: true },
          password: { enabled: true, enforced: settings.enforcePassword },
          expire_date: { enabled: true, enforced: settings.linkExpireEnforced },
        },
      },
    };
  },
};
