import { PROFILE_PROPERTIES, type AccountProperty, type AdditionalMail, type ProfileProperty, type Scope, type User } from './model.js';

/**
 * Told when a field that an index of the owning state reads changes, with the value it had, so that
 * an account arranged directly (`mock.state.users.get('bob')!.enabled = false`) keeps the list
 * orders, counts and lookups right.
 */
export interface AccountWatcher {
  displayNameChanged(user: User): void;
  emailChanged(user: User, old: string | null): void;
  enabledChanged(user: User): void;
  lastLoginChanged(user: User): void;
  managersChanged(user: User, old: readonly string[]): void;
  appPasswordsChanged(user: User, old: readonly string[]): void;
}

/** Nextcloud's defaults for a fresh account (AccountManager). */
export function defaultScope(property: string): Scope {
  return property === 'displayname' || property === 'email' || property === 'avatar' ? 'v2-federated' : 'v2-local';
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * An account as the state stores it: the indexed fields are accessors that tell the watching state
 * (set by its user map, ./accounts.ts); the others are plain fields. Lists handed in are copied and
 * frozen, so an in-place change cannot bypass the indexes.
 */
export class StoredUser implements User {
  password: string;
  displaynameScope: Scope = defaultScope('displayname');
  emailScope: Scope = defaultScope('email');
  avatarScope: Scope = defaultScope('avatar');
  additionalMail: AdditionalMail[] = [];
  properties: Record<ProfileProperty, AccountProperty>;
  birthdate: AccountProperty = { value: '', scope: defaultScope('birthdate') };
  quota = 'default';
  usedBytes = 0;
  language = 'en';
  locale = '';
  timezone = '';
  notifyEmail: string | null = null;
  firstLogin = 0;
  hasHome = false;
  preferences = new Map<string, Map<string, string>>();
  welcomeMessagesSent = 0;
  wipeRequested = false;
  #displayname: string | null = null;
  #email: string | null = null;
  #enabled = true;
  #lastLogin = 0;
  #managers: readonly string[] = NONE;
  #appPasswords: readonly string[] = NONE;
  #watcher: AccountWatcher | null = null;

  constructor(
    readonly id: string,
    password: string,
  ) {
    this.password = password;
    // A loop, not Object.fromEntries(map(...)): a third of the time, paid once per user of a large store.
    this.properties = {} as Record<ProfileProperty, AccountProperty>;
    for (const name of PROFILE_PROPERTIES) this.properties[name] = { value: name === 'profile_enabled' ? '1' : '', scope: defaultScope(name) };
  }

  /** The state whose indexes follow this account (null: none, e.g. before it is stored or once deleted). */
  get watcher(): AccountWatcher | null {
    return this.#watcher;
  }

  set watcher(watcher: AccountWatcher | null) {
    this.#watcher = watcher;
  }

  get displayname(): string | null {
    return this.#displayname;
  }

  set displayname(value: string | null) {
    if (value === this.#displayname) return;
    this.#displayname = value;
    this.#watcher?.displayNameChanged(this);
  }

  get email(): string | null {
    return this.#email;
  }

  set email(value: string | null) {
    const old = this.#email;
    if (value === old) return;
    this.#email = value;
    this.#watcher?.emailChanged(this, old);
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  set enabled(value: boolean) {
    if (value === this.#enabled) return;
    this.#enabled = value;
    this.#watcher?.enabledChanged(this);
  }

  get lastLogin(): number {
    return this.#lastLogin;
  }

  set lastLogin(value: number) {
    if (value === this.#lastLogin) return;
    this.#lastLogin = value;
    this.#watcher?.lastLoginChanged(this);
  }

  get managers(): readonly string[] {
    return this.#managers;
  }

  set managers(value: readonly string[]) {
    const old = this.#managers;
    this.#managers = Object.freeze([...value]);
    this.#watcher?.managersChanged(this, old);
  }

  get appPasswords(): readonly string[] {
    return this.#appPasswords;
  }

  set appPasswords(value: readonly string[]) {
    const old = this.#appPasswords;
    this.#appPasswords = Object.freeze([...value]);
    this.#watcher?.appPasswordsChanged(this, old);
  }

  /** Every field, the accessors too (JSON.stringify and snapshots see the whole account). */
  toJSON(): object {
    return {
      ...this,
      displayname: this.displayname,
      email: this.email,
      enabled: this.enabled,
      lastLogin: this.lastLogin,
      managers: this.managers,
      appPasswords: this.appPasswords,
      preferences: Object.fromEntries([...this.preferences].map(([app, values]) => [app, Object.fromEntries(values)])),
    };
  }
}

/** A fresh account with Nextcloud's defaults, not yet stored. */
export function newUser(id: string, password: string): User {
  return new StoredUser(id, password);
}
