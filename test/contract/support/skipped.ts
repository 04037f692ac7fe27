/** Operations `check` never exercises, even with --write: they would reach the outside world. */
export const ALWAYS_SKIPPED = ['apps-disable', 'apps-enable', 'users-resend-welcome-message', 'users-wipe-user-devices'];
