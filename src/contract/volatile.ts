/**
 * Keys whose values may change between two requests of one check on a live server (a login
 * updates lastLogin; quota numbers follow disk usage): compared for presence, not value.
 */
export const VOLATILE_KEYS: ReadonlySet<string> = new Set(['lastLogin', 'lastLoginTimestamp', 'free', 'used', 'total', 'relative']);
