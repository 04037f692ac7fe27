/** What part of the TLS set-up was wrong: the given certificate, its key, a name, or the CA directory. */
export type TlsPart = 'cert' | 'key' | 'names' | 'dir';

/** TLS cannot start: `part` says what was given wrong, `reason` why (the CLI adds the option and file). */
export class TlsError extends Error {
  constructor(
    readonly part: TlsPart,
    readonly reason: string,
  ) {
    super(`TLS ${part}: ${reason}`);
    this.name = 'TlsError';
  }
}
