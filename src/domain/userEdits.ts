import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import type { ReleaseProfile } from '../releases/profile.js';
import { PROFILE_PROPERTIES, type ProfileProperty, type State, type User } from '../state/model.js';
import { settingsOf } from '../state/settings.js';
import { isValidEmail, parseScope, validatedPropertyValue } from './accountProperties.js';
import { canManageUser, isAdmin } from './access.js';
import { setDisplayName } from './displayName.js';
import type { AuthenticatedContext } from './context.js';
import { passwordPolicyViolation } from './passwordPolicy.js';
import { phpIntCast } from './phpRules.js';
import { normaliseQuota } from './quota.js';
import { isTimezoneIdentifier } from './timezones.js';
import { LANGUAGES, MAX_PASSWORD_LENGTH } from './userLimits.js';

/** The core preference first_day_of_week is stored under (AUserData::USER_FIELD_FIRST_DAY_OF_WEEK). */
const FIRST_DAY_OF_WEEK = 'first_day_of_week';

const LOCALES = new Set(['en_US', 'en_GB', 'de_DE', 'de_AT', 'de_CH', 'fr_FR', 'fr_CA', 'es_ES', 'it_IT', 'nl_NL', 'pt_BR', 'pt_PT', 'pl_PL', 'ru_RU', 'sv_SE', 'da_DK', 'fi_FI', 'nb_NO', 'cs_CZ', 'hu_HU', 'ja_JP', 'ko_KR', 'zh_CN', 'zh_TW', 'tr_TR', 'uk_UA']);

/** Keys editUser accepts, by who edits whom and the release (UsersController::editUser). */
function permittedKeys(state: State, profile: ReleaseProfile, actor: User, target: User): Set<string> {
  const { properties, userEdits } = profile;
  const actorIsAdmin = isAdmin(state, actor.id);
  if (actor.id === target.id) {
    const ownProperties = [...properties, ...userEdits.selfProperties];
    const scopes = ['displaynameScope', 'emailScope', 'avatarScope', ...ownProperties.map((name) => `${name}Scope`)];
    const keys = ['display', 'displayname', 'email', ...scopes, 'additional_mail', 'password', 'notify_email', 'language', 'locale', ...userEdits.settings, ...ownProperties];
    if (actorIsAdmin) keys.push('quota', 'manager');
    return new Set(keys);
  }
  if (!canManageUser(state, actor, target.id)) throw new OcsError(998);
  return new Set(['display', 'displayname', 'email', 'additional_mail', 'password', 'language', 'locale', ...userEdits.settings, ...properties, 'quota', 'notify_email', 'manager']);
}

/**
 * AccountManager's refusals (InvalidArgumentException) reach the client as "Invalid <what>" with
 * the release's invalid-value code (102 up to 29: recording users-edit-user/as-user-self-scope-invalid).
 */
function withInvalidValueCode<T>(profile: ReleaseProfile, edit: () => T): T {
  try {
    return edit();
  } catch (error) {
    if (error instanceof OcsError && error.message.startsWith('Invalid ')) throw new OcsError(profile.codes.editUserInvalidValue, error.message);
    throw error;
  }
}

function setScope(target: User, key: string, value: string): void {
  const scope = parseScope(value);
  const name = key.slice(0, -'Scope'.length);
  // Display name and e-mail must stay reachable by the server itself.
  if ((name === 'displayname' || name === 'email') && scope === 'v2-private') throw new OcsError(101, 'Invalid scope');
  if (name === 'displayname') target.displaynameScope = scope;
  else if (name === 'email') target.emailScope = scope;
  else if (name === 'avatar') target.avatarScope = scope;
  else if (name === 'birthdate') target.birthdate.scope = scope;
  else target.properties[name as ProfileProperty].scope = scope;
}

/** 31.0.11+ lower-case and trim addresses before checking and storing them (S31b -> S31). */
function emailAsStored(profile: ReleaseProfile, value: string): string {
  return profile.userEdits.normaliseEmails ? value.trim().toLowerCase() : value;
}

function addAdditionalMail(profile: ReleaseProfile, target: User, value: string): void {
  const invalid = profile.codes.editUserInvalidValue;
  if (!isValidEmail(value) || value === target.email) throw new OcsError(invalid);
  const address = value.trim().toLowerCase();
  if (target.additionalMail.some((mail) => mail.address === address)) throw new OcsError(invalid);
  target.additionalMail.push({ address, scope: 'v2-local', verified: false });
}

/** The language editUser (and addUser) accept: IFactory::findAvailableLanguages, or 'en'. */
export function checkedLanguage(profile: ReleaseProfile, value: string): string {
  if (!LANGUAGES.has(value)) throw new OcsError(profile.codes.editUserInvalidValue, 'Invalid language');
  return value;
}

/** first_day_of_week (30+): (int) -1..6; -1 deletes the setting, others store the value as sent. */
function setFirstDayOfWeek(profile: ReleaseProfile, target: User, value: string): void {
  const day = phpIntCast(value);
  if (day < -1 || day > 6) throw new OcsError(profile.codes.editUserInvalidValue, 'Invalid first day of week');
  if (day === -1) target.preferences.get('core')?.delete(FIRST_DAY_OF_WEEK);
  else settingsOf(target.preferences, 'core').set(FIRST_DAY_OF_WEEK, value);
}

/** timezone (32+): one of DateTimeZone::listIdentifiers(). */
function setTimezone(profile: ReleaseProfile, target: User, value: string): void {
  if (!isTimezoneIdentifier(value)) throw new OcsError(profile.codes.editUserInvalidValue, 'Invalid timezone');
  target.timezone = value;
}

export function editUser(ctx: AuthenticatedContext<{ userId: string; key: string; value: string }>): PhpValue {
  const { state, actor, profile } = ctx;
  const target = state.users.get(ctx.args.userId);
  const key = ctx.args.key;
  const value = ctx.args.value;
  if (!target) throw new OcsError(998);
  const permitted = permittedKeys(state, profile, actor, target);
  const invalid = profile.codes.editUserInvalidValue;
  // Every refused key is OCSException('', 103|113), scopes of another user included ("An admin cannot
  // edit user account property scopes" is the integration test's scenario title, not a message).
  if (!permitted.has(key)) throw new OcsError(profile.codes.editUserKeyRefused);
  switch (key) {
    case 'display':
    case 'displayname':
      setDisplayName(target, value);
      break;
    case 'quota':
      target.quota = normaliseQuota(state, profile, value);
      break;
    case 'manager':
      target.managers = [value];
      break;
    case 'password': {
      if (value.length > MAX_PASSWORD_LENGTH) throw new OcsError(invalid, 'Invalid password value');
      // setPassword() runs the policy; editUser answers its HintException with the release's code.
      const violation = passwordPolicyViolation(state, value);
      if (violation) throw new OcsError(profile.codes.editUserPasswordPolicy, violation);
      target.password = value;
      break;
    }
    case 'language':
      target.language = checkedLanguage(profile, value);
      break;
    case 'locale':
      if (!LOCALES.has(value)) throw new OcsError(invalid, 'Invalid locale');
      target.locale = value;
      break;
    case 'first_day_of_week':
      setFirstDayOfWeek(profile, target, value);
      break;
    case 'timezone':
      setTimezone(profile, target, value);
      break;
    case 'notify_email': {
      // User::setPrimaryEMailAddress looks only in the additional_mail collection (and wants the
      // entry locally verified): the system address itself is refused.
      const known = value === '' || target.additionalMail.some((mail) => mail.address === value && mail.verified);
      if (!known || (value !== '' && !isValidEmail(value))) throw new OcsError(invalid);
      target.notifyEmail = value === '' ? null : value;
      break;
    }
    case 'email': {
      const email = emailAsStored(profile, value);
      if (email !== '' && !isValidEmail(email)) throw new OcsError(invalid);
      target.email = email === '' ? null : email;
      // User::setSystemEMailAddress: a notification address equal to the new address is dropped.
      if (target.notifyEmail === email) target.notifyEmail = null;
      break;
    }
    case 'additional_mail':
      addAdditionalMail(profile, target, emailAsStored(profile, value));
      break;
    case 'birthdate':
      // AccountManager checks no birthdate format (30.0.5).
      target.birthdate.value = value;
      break;
    default:
      withInvalidValueCode(profile, () => {
        if ((PROFILE_PROPERTIES as readonly string[]).includes(key)) {
          target.properties[key as ProfileProperty].value = validatedPropertyValue(key, value, profile.userEdits.propertyValues);
        } else {
          setScope(target, key, value);
        }
      });
  }
  return [];
}

/** PUT /cloud/users/{userId}/{collectionName}: edits of the additional e-mail addresses. */
export function editUserMultiValue(ctx: AuthenticatedContext<{ userId: string; collectionName: string; key: string; value: string }>): PhpValue {
  const { state, actor } = ctx;
  const target = state.users.get(ctx.args.userId);
  const collection = ctx.args.collectionName;
  const key = ctx.args.key;
  const value = ctx.args.value;
  if (!target) throw new OcsError(998);
  let permitted: string[];
  if (target.id === actor.id) permitted = ['additional_mail', 'additional_mailScope'];
  else if (canManageUser(state, actor, target.id)) permitted = ['additional_mail'];
  else throw new OcsError(998);
  if (!permitted.includes(collection)) throw new OcsError(103);
  if (collection === 'additional_mail') {
    target.additionalMail = target.additionalMail.filter((mail) => mail.address !== key);
    // Addresses an admin or sub-admin sets count as verified.
    if (value !== '') target.additionalMail.push({ address: value, scope: 'v2-local', verified: target.id !== actor.id });
    // 30+: removing the notification address also unsets it (UsersController::editUserMultiValue).
    if (value === '' && ctx.profile.userEdits.clearNotifyEmailWithAddress && target.notifyEmail === key) target.notifyEmail = null;
    return [];
  }
  const entry = target.additionalMail.find((mail) => mail.address === key);
  if (!entry) throw new OcsError(102);
  try {
    entry.scope = parseScope(value);
  } catch {
    throw new OcsError(102);
  }
  return [];
}
