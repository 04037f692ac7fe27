import { OcsError } from '../ocs/OcsError.js';
import type { PhpValue } from '../ocs/php.js';
import { PROFILE_PROPERTIES, type ProfileProperty, type State, type User } from '../state/model.js';
import { isValidEmail, parseScope, validatedPropertyValue } from './accountProperties.js';
import { canManageUser, isAdmin } from './access.js';
import { setDisplayName } from './displayName.js';
import { stringParam, type AuthenticatedContext } from './context.js';
import { passwordPolicyViolation } from './passwordPolicy.js';
import { normaliseQuota } from './quota.js';
import { LANGUAGES, MAX_PASSWORD_LENGTH } from './userLimits.js';

const LOCALES = new Set(['en_US', 'en_GB', 'de_DE', 'de_AT', 'de_CH', 'fr_FR', 'fr_CA', 'es_ES', 'it_IT', 'nl_NL', 'pt_BR', 'pt_PT', 'pl_PL', 'ru_RU', 'sv_SE', 'da_DK', 'fi_FI', 'nb_NO', 'cs_CZ', 'hu_HU', 'ja_JP', 'ko_KR', 'zh_CN', 'zh_TW', 'tr_TR', 'uk_UA']);

/** Keys editUser accepts, by who edits whom and the release's properties (UsersController::editUser). */
function permittedKeys(state: State, properties: readonly ProfileProperty[], actor: User, target: User): Set<string> {
  const actorIsAdmin = isAdmin(state, actor.id);
  if (actor.id === target.id) {
    const scopes = ['displaynameScope', 'emailScope', 'avatarScope', ...properties.map((name) => `${name}Scope`)];
    const keys = ['display', 'displayname', 'email', ...scopes, 'additional_mail', 'password', 'notify_email', 'language', 'locale', ...properties];
    if (actorIsAdmin) keys.push('quota', 'manager');
    return new Set(keys);
  }
  if (!canManageUser(state, actor, target.id)) throw new OcsError(998);
  return new Set(['display', 'displayname', 'email', 'additional_mail', 'password', 'language', 'locale', ...properties, 'quota', 'notify_email', 'manager']);
}

function setScope(target: User, key: string, value: string): void {
  const scope = parseScope(value);
  const name = key.slice(0, -'Scope'.length);
  // Display name and e-mail must stay reachable by the server itself.
  if ((name === 'displayname' || name === 'email') && scope === 'v2-private') throw new OcsError(101, 'Invalid scope');
  if (name === 'displayname') target.displaynameScope = scope;
  else if (name === 'email') target.emailScope = scope;
  else if (name === 'avatar') target.avatarScope = scope;
  else target.properties[name as ProfileProperty].scope = scope;
}

function addAdditionalMail(target: User, value: string): void {
  if (!isValidEmail(value) || value === target.email) throw new OcsError(101);
  const address = value.trim().toLowerCase();
  if (target.additionalMail.some((mail) => mail.address === address)) throw new OcsError(101);
  target.additionalMail.push({ address, scope: 'v2-local', verified: false });
}

export function editUser(ctx: AuthenticatedContext): PhpValue {
  const { state, actor } = ctx;
  const target = state.users.get(stringParam(ctx.params, 'userId'));
  const key = stringParam(ctx.params, 'key');
  const value = stringParam(ctx.params, 'value');
  if (!target) throw new OcsError(998);
  const permitted = permittedKeys(state, ctx.profile.properties, actor, target);
  // Every refused key is OCSException('', 113), scopes of another user included ("An admin cannot
  // edit user account property scopes" is the integration test's scenario title, not a message).
  if (!permitted.has(key)) throw new OcsError(113);
  switch (key) {
    case 'display':
    case 'displayname':
      setDisplayName(target, value);
      break;
    case 'quota':
      target.quota = normaliseQuota(state, value);
      break;
    case 'manager':
      target.managers = [value];
      break;
    case 'password': {
      if (value.length > MAX_PASSWORD_LENGTH) throw new OcsError(102, 'Invalid password value');
      // setPassword() runs the policy; editUser answers its HintException's message as 103.
      const violation = passwordPolicyViolation(state, value);
      if (violation) throw new OcsError(103, violation);
      target.password = value;
      break;
    }
    case 'language':
      if (!LANGUAGES.has(value)) throw new OcsError(102, 'Invalid language');
      target.language = value;
      break;
    case 'locale':
      if (!LOCALES.has(value)) throw new OcsError(102, 'Invalid locale');
      target.locale = value;
      break;
    case 'notify_email': {
      // User::setPrimaryEMailAddress looks only in the additional_mail collection (and wants the
      // entry locally verified): the system address itself is refused.
      const known = value === '' || target.additionalMail.some((mail) => mail.address === value && mail.verified);
      if (!known || (value !== '' && !isValidEmail(value))) throw new OcsError(101);
      target.notifyEmail = value === '' ? null : value;
      break;
    }
    case 'email':
      if (value !== '' && !isValidEmail(value)) throw new OcsError(101);
      target.email = value === '' ? null : value;
      break;
    case 'additional_mail':
      addAdditionalMail(target, value);
      break;
    default:
      if ((PROFILE_PROPERTIES as readonly string[]).includes(key)) {
        target.properties[key as ProfileProperty].value = validatedPropertyValue(key, value);
      } else {
        setScope(target, key, value);
      }
  }
  return [];
}

/** PUT /cloud/users/{userId}/{collectionName}: edits of the additional e-mail addresses. */
export function editUserMultiValue(ctx: AuthenticatedContext): PhpValue {
  const { state, actor } = ctx;
  const target = state.users.get(stringParam(ctx.params, 'userId'));
  const collection = stringParam(ctx.params, 'collectionName');
  const key = stringParam(ctx.params, 'key');
  const value = stringParam(ctx.params, 'value');
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
