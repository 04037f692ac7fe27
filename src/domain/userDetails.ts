import { OcsError } from '../ocs/OcsError.js';
import { phpMap, type PhpValue } from '../ocs/php.js';
import type { ReleaseProfile } from '../releases/profile.js';
import type { State, User } from '../state/model.js';
import { findUser } from '../state/userLookup.js';
import { groupsOf, isAdmin, isSubAdmin, isUserAccessible, subAdminGroupsOf } from './access.js';
import { displayNameOf } from './displayName.js';
import { parseFileSize } from './quota.js';

const SPACE_UNLIMITED = -3;

/** The quota in bytes, or null for unlimited; 'default' resolves through files/default_quota. */
export function quotaBytes(state: State, user: User): number | null {
  const quota = user.quota === 'default' ? (state.appConfig.get('files')?.get('default_quota') ?? 'none') : user.quota;
  if (quota === 'none') return null;
  return parseFileSize(quota);
}

/** AUserData(OCSController)::fillStorageInfo. */
function quotaInfo(state: State, user: User, profile: ReleaseProfile): PhpValue {
  const bytes = quotaBytes(state, user);
  if (!user.hasHome) {
    // No home folder yet (NotFoundException): only the configured quota (recordings first-login/before/*).
    return { quota: bytes ?? 'none', used: 0 };
  }
  const used = user.usedBytes;
  if (profile.userDetails.quotaFromHomeCache) {
    // 31+: the home folder's cached size, no disk figures (AUserDataOCSController::fillStorageInfo).
    if (bytes !== null && bytes > 0) return { free: bytes - used, used, total: bytes, relative: Math.round((used / bytes) * 10000) / 100, quota: bytes };
    return { free: SPACE_UNLIMITED, used, total: SPACE_UNLIMITED, relative: 0, quota: bytes ?? SPACE_UNLIMITED };
  }
  if (bytes !== null && bytes > 0) {
    return { free: Math.max(bytes - used, 0), used, total: bytes, relative: Math.round((used / bytes) * 10000) / 100, quota: bytes };
  }
  // OC_Helper::getStorageInfo: without a quota the share of the storage's free + used space.
  const free = state.settings.freeSpace;
  const total = free + used;
  return { free, used, total, relative: total > 0 ? Math.round((used / total) * 10000) / 100 : 0, quota: SPACE_UNLIMITED };
}

/**
 * The managers `actor` is shown: all stored ones up to 29; from 30 AUserData::getManagers, which
 * gives an admin all, a sub-admin those it can access, anyone else none.
 */
function managersShown(state: State, profile: ReleaseProfile, actor: User, user: User): readonly string[] {
  if (profile.userDetails.managers === 'stored' || isAdmin(state, actor.id)) return user.managers;
  if (!isSubAdmin(state, actor.id)) return [];
  return user.managers.filter((uid) => state.users.has(uid) && isUserAccessible(state, actor, uid));
}

/** PHP trim()'s default characters. */
const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

/** 31.0.11+ print additional addresses as mb_strtolower(trim($value)) (AUserDataOCSController::getUserData). */
function additionalMailShown(profile: ReleaseProfile, address: string): string {
  return profile.userDetails.additionalMailNormalized ? address.replace(PHP_TRIM, '').toLowerCase() : address;
}

/**
 * AUserDataOCSController::getUserData: the UserDetails of `targetId` as `actor` may see them, or null
 * when the actor may not see them at all. Scopes only when a user reads themself.
 */
export function userDetails(
  state: State,
  profile: ReleaseProfile,
  actor: User,
  targetId: string,
  includeScopes: boolean,
): { [key: string]: PhpValue } | null {
  const user = findUser(state, targetId);
  if (!user) throw new OcsError(404, 'User does not exist');
  const actorIsAdmin = isAdmin(state, actor.id);
  const data: { [key: string]: PhpValue } = {};
  if (actorIsAdmin || isUserAccessible(state, actor, user.id)) {
    data.enabled = user.enabled;
  } else if (actor.id !== user.id) {
    return null;
  }
  if (actorIsAdmin) data.storageLocation = `/var/www/html/data/${user.id}`;
  data.id = user.id;
  if (profile.userDetails.loginTimestamps) {
    data.firstLoginTimestamp = user.firstLogin;
    data.lastLoginTimestamp = user.lastLogin;
  }
  data.lastLogin = user.lastLogin * 1000;
  data.backend = 'Database';
  data.subadmin = subAdminGroupsOf(state, user.id);
  data.quota = quotaInfo(state, user, profile);
  data.manager = managersShown(state, profile, actor, user)[0] ?? '';
  if (includeScopes) data.avatarScope = user.avatarScope;
  data.email = user.email;
  if (includeScopes) data.emailScope = user.emailScope;
  data.additional_mail = user.additionalMail.map((mail) => additionalMailShown(profile, mail.address));
  if (includeScopes) data.additional_mailScope = user.additionalMail.map((mail) => mail.scope);
  data.displayname = displayNameOf(user);
  data['display-name'] = data.displayname;
  if (includeScopes) data.displaynameScope = user.displaynameScope;
  for (const name of profile.properties) {
    data[name] = user.properties[name].value;
    if (includeScopes) data[`${name}Scope`] = user.properties[name].scope;
  }
  data.groups = groupsOf(state, user.id);
  data.language = user.language;
  data.locale = user.locale;
  if (profile.userDetails.timezone) data.timezone = user.timezone;
  // User::getPrimaryEMailAddress: the `settings/primary_email` preference, null until one is chosen.
  data.notify_email = user.notifyEmail;
  data.backendCapabilities = { setDisplayName: true, setPassword: true };
  return data;
}

/** The `{uid: UserDetails | {id}}` map of the details list endpoints (`[]` when empty, as PHP). */
export function detailsMap(state: State, profile: ReleaseProfile, actor: User, ids: string[]): PhpValue {
  const users = phpMap();
  for (const id of ids) users[id] = userDetails(state, profile, actor, id, false) ?? { id };
  return { users };
}
