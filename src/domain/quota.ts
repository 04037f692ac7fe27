import { OcsError } from '../ocs/OcsError.js';
import { messageOf } from '../releases/messages.js';
import type { ReleaseProfile } from '../releases/profile.js';
import type { State } from '../state/model.js';

const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** OC_Helper::computerFileSize: '5 GB' -> 5368709120; null when it cannot be read. */
export function parseFileSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)b?\s*$/i.exec(text);
  if (!match) return null;
  return Math.round(Number(match[1]) * UNITS[(match[2] || 'b').toLowerCase()]);
}

/** OC_Helper::humanFileSize: 5368709120 -> '5 GB' (KB rounded to units, larger to one decimal). */
export function humanFileSize(bytes: number): string {
  if (bytes < 0) return '?';
  if (bytes < 1024) return `${bytes} B`;
  let value = Math.round(bytes / 1024);
  if (value < 1024) return `${value} KB`;
  for (const unit of ['MB', 'GB', 'TB']) {
    value = Math.round((value / 1024) * 10) / 10;
    if (value < 1024) return `${value} ${unit}`;
  }
  return `${Math.round((value / 1024) * 10) / 10} PB`;
}

/** A quota value Nextcloud refuses; the message is its own. */
export class InvalidQuotaError extends Error {}

/**
 * The quota value Nextcloud stores: 'none'/'default' as they are, sizes as human readable text;
 * refuses what it refuses, with its messages (UsersController::editUser, and
 * parseAndValidateQuota of 34's PATCH).
 */
export function parseQuota(state: State, profile: ReleaseProfile, value: string): string {
  let quota = value;
  if (value !== 'none' && value !== 'default') {
    const bytes = /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : parseFileSize(value);
    if (bytes === null) throw new InvalidQuotaError(messageOf(profile, 'invalidQuota', { value }));
    if (bytes === -1) {
      quota = 'none';
    } else {
      const maxQuota = Number.parseInt(state.appConfig.get('files')?.get('max_quota') ?? '-1', 10);
      if (maxQuota !== -1 && bytes > maxQuota) {
        throw new InvalidQuotaError(`Invalid quota value. ${value} is exceeding the maximum quota`);
      }
      quota = humanFileSize(bytes);
    }
  }
  if (quota === 'none' && (state.appConfig.get('files')?.get('allow_unlimited_quota') ?? '1') !== '1') {
    throw new InvalidQuotaError('Unlimited quota is forbidden on this instance');
  }
  return quota;
}

/** parseQuota for editUser and addUser: a refusal is editUser's invalid-value code with Nextcloud's message. */
export function normaliseQuota(state: State, profile: ReleaseProfile, value: string): string {
  try {
    return parseQuota(state, profile, value);
  } catch (error) {
    if (error instanceof InvalidQuotaError) throw new OcsError(profile.codes.editUserInvalidValue, error.message);
    throw error;
  }
}
