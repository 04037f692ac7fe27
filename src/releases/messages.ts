import type { ReleaseProfile } from './profile.js';

/**
 * Stable ids of the OCS messages whose text differs between releases (DIFFERENCES.md §7, and the
 * login checks of lib/private/User/Manager.php::validateUserId). The texts live in the release
 * profiles; `{name}` marks a value filled in at the throw site.
 */
export type MessageId =
  /** SecurityMiddleware: a non-admin on an admin-only route. */
  | 'adminRequired'
  /** SecurityMiddleware: a caller neither admin nor delegated on an #[AuthorizedAdminSetting] route. */
  | 'adminSettingRequired'
  /** provisioning_api's NotSubAdminException. */
  | 'subAdminRequired'
  /** AppConfigController::setValue without the right to edit the setting. */
  | 'appConfigForbidden'
  /** addUser: `{group}` does not exist. */
  | 'groupMissing'
  /** addUser: a sub-admin adds to `{group}`, which they do not manage. */
  | 'groupForbidden'
  | 'noGroupForSubAdmin'
  | 'subAdminGroupMissing'
  /** addUser and addSubAdmin. */
  | 'subAdminOfAdminGroup'
  | 'promoteForbidden'
  | 'passwordLinkNeedsEmail'
  /** editUser (and addUser's quota): `{value}` is not a quota. */
  | 'invalidQuota'
  | 'notSubAdminOfGroup'
  | 'removeSelfAsSubAdmin'
  | 'removeFromLastSubAdminGroup'
  | 'appsBadFilter'
  | 'loginInvalidChars'
  | 'loginEmpty'
  | 'loginWhitespace'
  | 'loginDots'
  | 'loginTooLong';

/** Ids of the OCS status codes that differ between releases (DIFFERENCES.md §7). */
export type CodeId =
  /** addUser: a sub-admin group that does not exist. */
  | 'subAdminGroupMissing'
  /** editUser: a key the caller may not edit. */
  | 'editUserKeyRefused'
  /** editUser (and addUser's quota and language): a value it refuses. */
  | 'editUserInvalidValue'
  /** editUser: the password policy refuses the password. */
  | 'editUserPasswordPolicy';

/** The release's text of a message, with its `{name}` placeholders filled in. */
export function messageOf(profile: ReleaseProfile, id: MessageId, values: Record<string, string> = {}): string {
  return profile.messages[id].replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
